using System.Diagnostics;
using System.Globalization;
using Tongsin.Bench.Corpus;

namespace Tongsin.Bench.Web;

/// <summary>
/// The latency of one page, every run, in milliseconds, the status and size of its first answer,
/// the processor time the server used for each run, and how many timed runs answered with an error.
/// </summary>
internal sealed record PageTiming(string Path, int Status, long Bytes, IReadOnlyList<double> Milliseconds, IReadOnlyList<double> ServerMilliseconds, int Failed)
{
    public double Median => SearchBenchmark.Percentile(Milliseconds.ToList(), 50);

    public double ServerMedian => SearchBenchmark.Percentile(ServerMilliseconds.ToList(), 50);
}

/// <summary>
/// Pages asked of a running `tongsin serve` over loopback, one request at a time: each path once
/// untimed (the server's first request of that page, its statements prepared and the archive's
/// pages read), then <c>runs</c> times, each request timed from sending to the last byte read. The
/// server's processor time for each request is read from the kernel before and after it: on a
/// machine shared with other work, the wall time is mostly waiting for a core.
/// </summary>
internal static class PageLatency
{
    public static IReadOnlyList<PageTiming> Measure(ServerProcess server, IReadOnlyList<string> paths, int runs, TextWriter log)
    {
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
        var timings = new List<PageTiming>(paths.Count);
        foreach (var path in paths)
        {
            var (status, bytes) = Get(http, path);
            var failed = 0;
            var (times, cpu) = (new List<double>(runs), new List<double>(runs));
            for (var i = 0; i < runs; i++)
            {
                var used = server.ProcessorTime;
                var clock = Stopwatch.StartNew();
                if (Get(http, path).Status >= 400) failed++;
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add((server.ProcessorTime - used).TotalMilliseconds);
            }
            var timing = new PageTiming(path, status, bytes, times, cpu, failed);
            log.WriteLine($"  {path}: {status}, {bytes:N0} bytes, median {timing.Median:F1} ms, slowest {times.Max():F1} ms"
                + (failed > 0 ? $", {failed} of {runs} answered with an error" : ""));
            timings.Add(timing);
        }
        return timings;
    }

    /// <summary>p50, p95 and p99 over every timed request, and the server's processor time at p50 and p99, as a Markdown table row.</summary>
    public static string Row(string label, IReadOnlyList<PageTiming> timings)
    {
        var all = timings.SelectMany(t => t.Milliseconds).ToList();
        var cpu = timings.SelectMany(t => t.ServerMilliseconds).ToList();
        string P(List<double> values, double p) => SearchBenchmark.Percentile(values, p).ToString("F1", CultureInfo.InvariantCulture) + " ms";
        return $"| {label} | {all.Count} | {P(all, 50)} | {P(all, 95)} | {P(all, 99)} | {all.Max().ToString("F1", CultureInfo.InvariantCulture)} ms | {P(cpu, 50)} | {P(cpu, 99)} | {timings.Sum(t => t.Failed)} |";
    }

    public const string Header = "| pages | requests | p50 | p95 | p99 | slowest | server processor time p50 | p99 | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static (int Status, long Bytes) Get(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        // An error (a page cut off by the server's time limit, say) is timed like any answer and shown by its status.
        return ((int)response.StatusCode, body.LongLength);
    }
}
