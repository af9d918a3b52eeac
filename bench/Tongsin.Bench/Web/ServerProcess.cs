using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tongsin.Bench.Web;

/// <summary>
/// The real `tongsin serve` in a child process, on a free loopback port, with the rate limit off.
/// Its memory is read from the kernel: the resident set sampled while it runs, and the peak the
/// kernel kept (VmHWM) when it stops.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Timer _sampler;
    private long _largestSample;

    public Uri Address { get; }

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public static ServerProcess Start(string tongsinDll, string archive, params string[] options)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { tongsinDll, "serve", "--db", archive, "--urls", "http://127.0.0.1:0", "--rate-limit", "0" }.Concat(options))
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("tongsin serve did not start");
        // The server logs only warnings and errors; pass them on so a failing request is seen.
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  server: " + e.Data); };
        process.BeginErrorReadLine();

        // Port 0 lets the server pick; its first line says which port it got.
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (ServingLine().Match(line) is { Success: true } m)
            {
                var server = new ServerProcess(process, new Uri(m.Groups[1].Value));
                // Drained from here on, so the server never blocks writing to a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                server.WaitUntilAnswering();
                return server;
            }
            Console.Error.WriteLine("  server: " + line);
        }
        process.WaitForExit();
        throw new InvalidOperationException($"tongsin serve exited (code {process.ExitCode}) before it was serving");
    }

    /// <summary>The processor time the server has used so far (the kernel counts it in ticks of 10 ms).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The largest resident set seen so far, in bytes.</summary>
    public long LargestSample => Interlocked.Read(ref _largestSample);

    /// <summary>Stops the server and returns its peak resident set in bytes, as the kernel counted it.</summary>
    public long Stop()
    {
        _sampler.Dispose();
        Sample();
        var peak = StatusValue("VmHWM") ?? LargestSample;
        _process.Kill();
        _process.WaitForExit();
        return peak;
    }

    public void Dispose()
    {
        _sampler.Dispose();
        if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(); }
        _process.Dispose();
    }

    private void WaitUntilAnswering()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (http.GetAsync("/api/stats").GetAwaiter().GetResult().IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60)) { }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new InvalidOperationException($"the server at {Address} did not answer within a minute");
            Thread.Sleep(200);
        }
    }

    private void Sample()
    {
        if (StatusValue("VmRSS") is not { } rss) return;
        long seen;
        while (rss > (seen = Interlocked.Read(ref _largestSample)) && Interlocked.CompareExchange(ref _largestSample, rss, seen) != seen) { }
    }

    // A value in kB from /proc/<pid>/status, in bytes; null once the process is gone.
    private long? StatusValue(string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException) { }
        return null;
    }

    [GeneratedRegex(@"^Serving .* at (http://\S+?)(,| |$)")]
    private static partial Regex ServingLine();
}
