using System.Diagnostics;
using System.Globalization;
using Tongsin.Bench.Corpus;

namespace Tongsin.Bench.Web;

/// <summary>The latency of one page, every run, in milliseconds, and the size of its answer.</summary>
internal sealed record PageTiming(string Path, int Status, long Bytes, IReadOnlyList<double> Milliseconds)
{
    public double Median => SearchBenchmark.Percentile(Milliseconds.ToList(), 50);
}

/// <summary>
/// Pages asked of a running `tongsin serve` over loopback, one request at a time: each path once
/// untimed (the server's first request of that page, its statements prepared and the archive's
/// pages read), then <c>runs</c> times, each request timed from sending to the last byte read.
/// </summary>
internal static class PageLatency
{
    public static IReadOnlyList<PageTiming> Measure(Uri server, IReadOnlyList<string> paths, int runs, TextWriter log)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        var timings = new List<PageTiming>(paths.Count);
        foreach (var path in paths)
        {
            var (status, bytes) = Get(http, path);
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                Get(http, path);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var timing = new PageTiming(path, status, bytes, times);
            log.WriteLine($"  {path}: {status}, {bytes:N0} bytes, median {timing.Median:F1} ms, slowest {times.Max():F1} ms");
            timings.Add(timing);
        }
        return timings;
    }

    /// <summary>p50, p95 and p99 over every timed request, as a Markdown table row.</summary>
    public static string Row(string label, IEnumerable<PageTiming> timings)
    {
        var all = timings.SelectMany(t => t.Milliseconds).ToList();
        string P(double p) => SearchBenchmark.Percentile(all, p).ToString("F1", CultureInfo.InvariantCulture) + " ms";
        return $"| {label} | {all.Count} | {P(50)} | {P(95)} | {P(99)} | {all.Max().ToString("F1", CultureInfo.InvariantCulture)} ms |";
    }

    public const string Header = "| pages | requests | p50 | p95 | p99 | slowest |\n|---|---:|---:|---:|---:|---:|";

    private static (int Status, long Bytes) Get(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        return ((int)response.StatusCode, body.LongLength);
    }
}
