using System.Diagnostics;
using System.Globalization;
using Tongsin.Analysis.Rhetoric;
using Tongsin.Bench.Measuring;

namespace Tongsin.Bench.Rhetoric;

/// <summary>
/// rhetoric: the rhetoric index of one target, month by month over every year the archive holds,
/// timed R times after one warm-up run, on an archive the rhetoric analyser has already filled
/// (SQLite path or postgres:// location). Prints each run and the median.
/// </summary>
internal static class RhetoricBenchmark
{
    public static int Run(Options options)
    {
        var db = options.String("db", "");
        if (db.Length == 0) throw new ArgumentException("give the archive: --db PATH or --db postgres://...");
        var target = options.String("target", "united-states");
        var runs = options.Int("runs", 7);
        using var archive = BenchArchive.Open(db);
        var index = new RhetoricIndex(archive);
        var points = index.Run(new RhetoricRequest(target));
        Console.WriteLine($"{target}: {points.Count} months, {points.Sum(p => p.Hostile):N0} hostile sentences of {points.Sum(p => p.Sentences):N0}");
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            index.Run(new RhetoricRequest(target));
            times.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {i + 1}: {times[^1].ToString("0", CultureInfo.InvariantCulture)} ms");
        }
        times.Sort();
        Console.WriteLine($"median: {times[times.Count / 2].ToString("0", CultureInfo.InvariantCulture)} ms ({runs} runs)");
        return 0;
    }
}
