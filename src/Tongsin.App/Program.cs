using System.Text;
using Tongsin.App;

// Saved and fetched pages may be in EUC-KR or another legacy code page.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
return Cli.Run(args, CliConsole.FromProcess());
