using System.Diagnostics;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Archive;
using Tongsin.Bench.Measuring;
using Tongsin.Bench.Web;
using Tongsin.Search;

namespace Tongsin.Bench.Mentions;

/// <summary>
/// entity-page --db PATH|postgres://... [--entities N] [--top T] [--runs R]: the entity page
/// (/entities/{slug}) of the real `tongsin serve` over an archive the mentions analyser has filled,
/// over loopback: the T most named entities and N more spread evenly over the rest by rank (the
/// pages most visited and the pages most costly both among them), each asked once untimed and then
/// R times; p50, p95 and p99 over every request. Then the archive calls behind the page, timed in
/// this process for the most named entity, so a slow page can be traced to its query.
/// </summary>
internal static class EntityPageBenchmark
{
    public static int Run(Options options)
    {
        if (BenchArchive.Given(options) is not { } db) return 0;
        var top = options.Int("top", 10);
        var spread = options.Int("entities", 40);
        var runs = options.Int("runs", 5);

        Console.Error.WriteLine($"machine: {MachineInfo.Read()}");
        IReadOnlyList<EntityCount> all;
        using (var archive = BenchArchive.Open(db))
        {
            var clock = Stopwatch.StartNew();
            all = new EntityMentions(archive).All();
            Console.Error.WriteLine($"{all.Count:N0} entities named, {archive.Stats().Articles:N0} articles (listed in {clock.Elapsed.TotalSeconds:F1} s, untimed)");
        }
        if (all.Count == 0) { Console.WriteLine("skipped: the archive has no mentions; run `tongsin analyse --only mentions` first"); return 0; }
        var chosen = Sample(all, top, spread);

        var dll = TongsinBuild.Release(Console.Error);
        IReadOnlyList<PageTiming> timings;
        using (var server = ServerProcess.Start(dll, db))
        {
            Console.Error.WriteLine($"serving at {server.Address}; {chosen.Count} entity pages, {runs} runs each after one untimed");
            timings = PageLatency.Measure(server, chosen.Select(e => "/entities/" + Uri.EscapeDataString(e.Entity)).ToList(), runs, Console.Error);
            Console.Error.WriteLine($"server peak RSS {server.Stop() / 1048576.0:F0} MiB");
        }

        var articlesOf = chosen.ToDictionary(e => "/entities/" + Uri.EscapeDataString(e.Entity), e => e.Articles);
        Console.WriteLine(PageLatency.Header);
        Console.WriteLine(PageLatency.Row($"the {top} most named", timings.Take(top).ToList()));
        Console.WriteLine(PageLatency.Row($"{chosen.Count - top} spread over the rest by rank", timings.Skip(top).ToList()));
        Console.WriteLine(PageLatency.Row("all", timings));
        Console.WriteLine();
        Console.WriteLine("| entity page | articles naming it | median | slowest | server processor time (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var t in timings.OrderByDescending(t => t.Median).Take(top))
            Console.WriteLine($"| {t.Path} | {articlesOf[t.Path]:N0} | {t.Median:F1} ms | {t.Milliseconds.Max():F1} ms | {t.ServerMedian:F0} ms |");

        Console.WriteLine();
        Console.WriteLine($"The archive calls behind the page of {all[0].Entity} ({all[0].Articles:N0} articles), in this process, median of {runs}:");
        using (var archive = BenchArchive.Open(db))
            Calls(archive, all[0].Entity, runs);
        return 0;
    }

    // The most named, then every k-th of the rest so that the sample spans the ranks.
    private static List<EntityCount> Sample(IReadOnlyList<EntityCount> all, int top, int spread)
    {
        var chosen = all.Take(top).ToList();
        var rest = all.Skip(top).ToList();
        if (rest.Count == 0 || spread == 0) return chosen;
        var step = Math.Max(1.0, rest.Count / (double)spread);
        for (var i = 0.0; i < rest.Count && chosen.Count < top + spread; i += step) chosen.Add(rest[(int)i]);
        return chosen;
    }

    private static void Calls(IArchive archive, string entity, int runs)
    {
        var gazetteer = Gazetteer.Load();
        var mentions = new EntityMentions(archive);
        var span = mentions.Span(entity);
        CallTimings.Print(
        [
            ("ArticleCount", () => mentions.ArticleCount(entity)),
            ("NameOf", () => mentions.NameOf(entity)),
            ("Span", () => mentions.Span(entity)),
            ("PerMonth", () => mentions.PerMonth(entity)),
            ("CoMentioned (15)", () => mentions.CoMentioned(entity, 15)),
            ("Newest (20)", () => mentions.Newest(entity, 20)),
            ("the archive's articles per month over the span (Tally)", () =>
            {
                if (span is { } s) archive.Tally(new SearchRequest("", From: new DateOnly(s.First.Year, s.First.Month, 1), To: s.Last), TallyInterval.Month);
            }),
            ("EntityProfile.Find (all of the above but the tally)", () => EntityProfile.Find(archive, gazetteer, entity)),
        ], runs, Console.Out);
    }
}
