using System.Globalization;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Bench.Measuring;
using Tongsin.Bench.Web;

namespace Tongsin.Bench.Appearances;

/// <summary>
/// appearances --db PATH|postgres://... [--runs R]: the appearances page (/appearances: the
/// calendar of a followed person for a period, with the companion ranking and the gaps) of the real
/// `tongsin serve` over an archive the appearances analyser has filled, over loopback: every
/// followed person, every year they appear in, each page asked once untimed and then R times; p50,
/// p95 and p99 over every request, and each person's whole span apart. Then the calendar's calls
/// for the busiest year, timed in this process.
/// </summary>
internal static class AppearancesBenchmark
{
    public static int Run(Options options)
    {
        if (BenchArchive.Given(options) is not { } db) return 0;
        var runs = options.Int("runs", 5);
        Console.Error.WriteLine($"machine: {MachineInfo.Read()}");

        var gazetteer = Gazetteer.Load();
        var followed = gazetteer.Entities.Where(e => e.Followed).Select(e => e.Slug).ToList();
        List<(string Person, int Year, long Appearances)> years;
        using (var archive = BenchArchive.Open(db))
        {
            var calendar = new AppearanceCalendar(archive);
            years = followed.SelectMany(p => calendar.Counts(p, CalendarPeriod.Year)
                    .GroupBy(c => c.Period).Select(g => (p, int.Parse(g.Key, CultureInfo.InvariantCulture), g.Sum(c => c.Count))))
                .ToList();
        }
        if (years.Count == 0) { Console.WriteLine("skipped: the archive has no appearances; run `tongsin analyse --only appearances` first"); return 0; }
        Console.Error.WriteLine($"{years.Count} person-years, {years.Sum(y => y.Appearances):N0} appearances");

        static string Page(string person, int? year) => $"/appearances?person={person}"
            + (year is { } y ? $"&from={y}-01-01&to={y}-12-31" : "");
        var dll = TongsinBuild.Release(Console.Error);
        IReadOnlyList<PageTiming> byYear, whole;
        using (var server = ServerProcess.Start(dll, db))
        {
            Console.Error.WriteLine($"serving at {server.Address}; {years.Count} year pages, {runs} runs each after one untimed");
            byYear = PageLatency.Measure(server, years.Select(y => Page(y.Person, y.Year)).ToList(), runs, Console.Error);
            whole = PageLatency.Measure(server, years.Select(y => y.Person).Distinct().Select(p => Page(p, null)).ToList(), runs, Console.Error);
            Console.Error.WriteLine($"server peak RSS {server.Stop() / 1048576.0:F0} MiB");
        }

        Console.WriteLine(PageLatency.Header);
        Console.WriteLine(PageLatency.Row("one person, one year", byYear));
        Console.WriteLine(PageLatency.Row("one person, every year", whole));
        Console.WriteLine();
        var counts = years.ToDictionary(y => Page(y.Person, y.Year), y => y.Appearances);
        Console.WriteLine("| page | appearances | median | slowest | server processor time (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var t in byYear.OrderByDescending(t => t.Median).Take(5))
            Console.WriteLine($"| {t.Path} | {counts[t.Path]:N0} | {t.Median:F1} ms | {t.Milliseconds.Max():F1} ms | {t.ServerMedian:F0} ms |");

        var busiest = years.MaxBy(y => y.Appearances);
        var (from, to) = (new DateOnly(busiest.Year, 1, 1), new DateOnly(busiest.Year, 12, 31));
        Console.WriteLine();
        Console.WriteLine($"The calendar's calls for {busiest.Person} in {busiest.Year} ({busiest.Appearances:N0} appearances), in this process, median of {runs}:");
        using (var archive = BenchArchive.Open(db))
        {
            var calendar = new AppearanceCalendar(archive);
            CallTimings.Print(
            [
                ("Appearances (the year, with companions and articles)", () => calendar.Appearances(busiest.Person, from, to)),
                ("Companions (the year, 20)", () => calendar.Companions(busiest.Person, from, to, 20)),
                ("Gaps (3)", () => calendar.Gaps(busiest.Person, 3)),
                ("Counts by month (the year)", () => calendar.Counts(busiest.Person, CalendarPeriod.Month, from, to)),
            ], runs, Console.Out);
        }
        return 0;
    }
}
