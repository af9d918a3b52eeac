using System.Runtime.CompilerServices;
using System.Text;

namespace Tongsin.Tests.Support;

internal static class CodePages
{
    // The application registers the legacy code pages (EUC-KR) at start-up; the tests do the same.
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
