using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tongsin.BrowserTests;

/// <summary>
/// A real `tongsin serve` over the fixture archive, on 127.0.0.1 at a port the server picks
/// itself and prints, so two runs never race for one port.
/// </summary>
public sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;

    public Uri Address { get; }

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    [GeneratedRegex(@"at (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public static ServeProcess Start(string archivePath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tongsin.dll"), "--db", archivePath, "serve", "--urls", "http://127.0.0.1:0", "--rate-limit", "0" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tongsin serve");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();

        var line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        var match = line is null ? Match.Empty : Listening().Match(line);
        if (!match.Success)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"tongsin serve did not start: {line}\n{stderr}");
        }
        // Keep reading so a full pipe never blocks the server.
        _ = process.StandardOutput.ReadToEndAsync();
        return new ServeProcess(process, new Uri(match.Groups[1].Value));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
