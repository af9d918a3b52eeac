using Tongsin.App;

namespace Tongsin.Tests.Support;

public sealed record CliResult(int Exit, string Out, string Error);

/// <summary>Runs the tongsin command line in-process with its own streams and environment.</summary>
public static class CliRunner
{
    public static CliResult Run(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = environment ?? new Dictionary<string, string?>();
        var console = new CliConsole(stdout, stderr, IsTerminal: false, name => env.TryGetValue(name, out var v) ? v : null,
            TimeProvider.System, CancellationToken.None);
        var exit = Tongsin.App.Cli.Run(args, console);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static CliResult Run(params string[] args) => Run(null, args);
}
