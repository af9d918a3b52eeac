using System.Diagnostics;
using Tongsin.Archive.Sqlite;
using Tongsin.Ingest.Crawl;
using Tongsin.Ingest.Fetch;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Bench.Crawling;

/// <summary>
/// The crawler against a loopback site: pages/s through fetch, extract and archive with politeness
/// off, and, with politeness on, the request rate the host sees against the configured one.
/// </summary>
internal static class CrawlBenchmark
{
    /// <summary>Politeness off: no pause, eight requests at a time, quick retries, robots.txt not read.</summary>
    private static readonly HostPolicy Impolite = new() { Delay = TimeSpan.Zero, Concurrency = 8, RetryBase = TimeSpan.FromMilliseconds(50), RespectRobots = false };

    public static int Run(Options options)
    {
        var pages = options.Int("pages", 3000);
        var runs = options.Int("runs", 3);
        var delayMs = options.Int("delay-ms", 100);
        var politeRequests = options.Int("polite-requests", 60);
        return RunAsync(pages, runs, delayMs, politeRequests).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int pages, int runs, int delayMs, int politeRequests)
    {
        Console.Error.WriteLine($"serving {pages} articles on loopback");
        await using var site = await LoopbackSite.StartAsync(pages, paragraphs: 10, seed: 1);
        var rates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var seconds = await Pass(site, pages, Impolite);
            rates.Add(pages / seconds);
            Console.Error.WriteLine($"run {run + 1}: {pages} pages in {seconds:0.00} s, {pages / seconds:0} pages/s");
        }

        // Politeness on: a site of its own size, so the pass is the requests counted.
        await using var polite = await LoopbackSite.StartAsync(politeRequests - 1, paragraphs: 10, seed: 2);
        var delay = TimeSpan.FromMilliseconds(delayMs);
        await Pass(polite, politeRequests - 1, new HostPolicy { Delay = delay, RespectRobots = false });
        var stamps = polite.Arrivals.Select(a => a.Timestamp).Order().ToList();
        var gaps = stamps.Zip(stamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToList();
        var span = Stopwatch.GetElapsedTime(stamps[0], stamps[^1]).TotalSeconds;
        var observed = (stamps.Count - 1) / span;

        rates.Sort();
        var median = rates[rates.Count / 2];
        Console.WriteLine($"""
            | Measure | Figure | Target |
            |---|---:|---|
            | Pipeline, politeness off (median of {runs}, {pages} pages each) | {median:0} pages/s | at least 300 pages/s |
            | All runs | {string.Join(", ", rates.Select(r => r.ToString("0")))} pages/s | |
            | Politeness on: configured rate | {1000.0 / delayMs:0.00} requests/s ({delayMs} ms apart) | |
            | Politeness on: rate the host saw ({stamps.Count} requests) | {observed:0.00} requests/s | the configured rate, never above |
            | Politeness on: shortest gap the host saw | {gaps.Min():0.0} ms | at least {delayMs} ms |
            | Politeness on: median gap | {Median(gaps):0.0} ms | |
            """);
        return median >= 300 && gaps.Min() >= delayMs ? 0 : 1;
    }

    private static async Task<double> Pass(LoopbackSite site, int pages, HostPolicy policy)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tongsin-crawl-bench-{Guid.NewGuid():N}.db");
        try
        {
            site.ClearArrivals();
            var source = new CrawlSource("rodong.rep.kp", "en", site.BaseUrl) { Politeness = policy, ListingPages = 1 };
            var config = new CrawlConfig([source]);
            using var archive = SqliteArchive.OpenOrCreate(path, TimeProvider.System);
            using var fetcher = new PageFetcher(config.PolicyFor, TimeProvider.System);
            var crawler = new Crawler(archive, new SiteCatalog(new OutletCatalog()).All, fetcher, config, TimeProvider.System);
            var clock = Stopwatch.StartNew();
            var summary = await crawler.RunPassAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            if (summary.Stored.New != pages) throw new InvalidOperationException($"the crawl archived {summary.Stored.New} of {pages} pages: {string.Join("; ", summary.Problems.Take(3))}");
            return seconds;
        }
        finally
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
