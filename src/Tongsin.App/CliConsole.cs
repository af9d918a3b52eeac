namespace Tongsin.App;

/// <summary>What a command may touch of the outside world: its streams, environment, clock and Ctrl+C.</summary>
public sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    bool IsTerminal,
    Func<string, string?> Environment,
    TimeProvider Clock,
    CancellationToken Cancel)
{
    public static CliConsole FromProcess()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C lets the current page finish and commits; a second one ends the process.
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return new CliConsole(Console.Out, Console.Error,
            !Console.IsOutputRedirected && !Console.IsErrorRedirected && System.Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"),
            System.Environment.GetEnvironmentVariable, TimeProvider.System, cancel.Token);
    }
}

/// <summary>A command line the user must correct; exit status 2.</summary>
public sealed class UsageException(string message) : Exception(message);
