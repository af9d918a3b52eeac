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
/// medians and the slowest. Each case is timed three ways, the runs alternated: counting every copy
/// of a text (as trends did before reprints were folded: the baseline), and each text once (reprint
/// clusters folded, the default) with the groups of copies read every time or kept between runs (a
/// <see cref="Tongsin.Analysis.Reprints.ReprintGroupCache"/>, as the web keeps them).
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
        // Processor time beside the wall clock: on a machine busy with other work, it says what the trend itself cost.
        Console.WriteLine("| queries | buckets | counting | matches of the first | median | slowest | median processor time |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var queries in Cases)
        {
            var kept = new Tongsin.Analysis.Reprints.ReprintGroupCache();
            var modes = new[] { (Name: "every copy (baseline)", EveryCopy: true, Kept: (Tongsin.Analysis.Reprints.ReprintGroupCache?)null), (Name: "each text once", EveryCopy: false, Kept: null), (Name: "each text once, groups kept", EveryCopy: false, Kept: kept) };
            var requests = modes.Select(m => new TrendRequest(queries, TallyInterval.Month, Bounds: new SearchBounds(Timeout.InfiniteTimeSpan, int.MaxValue), EveryCopy: m.EveryCopy)).ToList();
            var series = requests.Select((r, m) => new Tongsin.Analysis.Trends.Trends(archive, modes[m].Kept).Run(r)).ToList();
            var times = modes.Select(_ => new List<double>()).ToList();
            var processor = modes.Select(_ => new List<double>()).ToList();
            var self = Process.GetCurrentProcess();
            for (var i = 0; i < runs; i++)
                for (var m = 0; m < modes.Length; m++)
                {
                    self.Refresh();
                    var cpu = self.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    new Tongsin.Analysis.Trends.Trends(archive, modes[m].Kept).Run(requests[m]);
                    times[m].Add(clock.Elapsed.TotalMilliseconds);
                    self.Refresh();
                    processor[m].Add((self.TotalProcessorTime - cpu).TotalMilliseconds);
                }
            for (var m = 0; m < modes.Length; m++)
            {
                times[m].Sort();
                processor[m].Sort();
                Console.WriteLine($"| {string.Join(", ", queries)} | {series[m][0].Points.Count} | {modes[m].Name} | {series[m][0].Points.Sum(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)} | {times[m][times[m].Count / 2]:0.0} ms | {times[m][^1]:0.0} ms | {processor[m][processor[m].Count / 2]:0.0} ms |");
            }
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
