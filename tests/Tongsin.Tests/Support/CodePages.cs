using System.Runtime.CompilerServices;
using System.Text;

namespace Tongsin.Tests.Support;

internal static class CodePages
{
    // Tests write EUC-KR bytes with Encoding.GetEncoding, which needs the legacy code pages registered.
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
