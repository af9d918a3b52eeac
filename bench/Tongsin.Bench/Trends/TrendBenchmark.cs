using System.Diagnostics;
using System.Globalization;
using Tongsin.Analysis.Trends;
using Tongsin.Bench.Measuring;
using Tongsin.Search;

namespace Tongsin.Bench.Trends;

/// <summary>
/// `trends --db FILE.db|postgres://... [--runs N]`: the latency of a monthly trend of a common word and of five
/// queries compared, over an existing archive (the million-article one `search --articles
/// 1000000` grows, for instance), each run in the same process after one run that warms the caches;
/// medians and the slowest.
/// </summary>
internal static class TrendBenchmark
{
    private static readonly string[][] Cases =
    [
        ["korea"],
        ["korea", "united states", "japan", "nuclear", "\"kim jong un\""],
    ];

    public static int Run(Options options)
    {
        var path = options.String("db", options.String("archive", ""));
        if (!BenchArchive.IsPostgres(path) && !File.Exists(path)) { Console.WriteLine($"skipped: no archive at '{path}' (--db FILE.db or postgres://...)"); return 0; }
        var runs = options.Int("runs", 9);
        using var archive = BenchArchive.Open(path);
        var articles = archive.Stats().Articles;
        Console.WriteLine($"archive {path}: {articles.ToString("N0", CultureInfo.InvariantCulture)} articles; {runs} runs a case after one to warm up");
        Console.WriteLine("| queries | buckets | matches of the first | median | slowest | processor time (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var queries in Cases)
        {
            var request = new TrendRequest(queries, TallyInterval.Month, Bounds: new SearchBounds(Timeout.InfiniteTimeSpan, int.MaxValue));
            var series = new Tongsin.Analysis.Trends.Trends(archive).Run(request);
            var (times, cpu) = (new List<double>(), new List<double>());
            for (var i = 0; i < runs; i++)
            {
                var used = CallTimings.ProcessorTime();
                var clock = Stopwatch.StartNew();
                new Tongsin.Analysis.Trends.Trends(archive).Run(request);
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add(CallTimings.ProcessorTime() - used);
            }
            times.Sort();
            cpu.Sort();
            Console.WriteLine($"| {string.Join(", ", queries)} | {series[0].Points.Count} | {series[0].Points.Sum(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)} | {times[times.Count / 2]:0.0} ms | {times[^1]:0.0} ms | {cpu[cpu.Count / 2]:0.0} ms |");
        }
        Console.WriteLine();
        Console.WriteLine($"The trend's two tallies for \"korea\", in this process, median of {runs}:");
        SearchRequest Counted(string query) => new(query, Limit: 0, Bounds: new SearchBounds(Timeout.InfiniteTimeSpan, int.MaxValue));
        CallTimings.Print(
        [
            ("the matches of korea per month (Tally)", () => archive.Tally(Counted("korea"), TallyInterval.Month)),
            ("every article per month, the share's denominator (Tally of a blank query)", () => archive.Tally(Counted(""), TallyInterval.Month)),
        ], runs, Console.Out);
        return 0;
    }
}
