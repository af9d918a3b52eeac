using System.Diagnostics;
using Tongsin.Ingest.Crawl;
using Tongsin.Ingest.Fetch;
using Tongsin.Ingest.Sites;
using Tongsin.Tests.Cli;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Crawl;

/// <summary>
/// Two `tongsin crawl` processes share one PostgreSQL archive and one fixture site; one is killed in
/// the middle of its work. Claims keep them apart, and the killed worker's pages come back when its
/// lease runs out: every article arrives exactly once.
/// </summary>
public class SharedCrawlTests
{
    private const int Articles = 80;

    [Fact]
    public async Task Two_workers_one_killed_every_article_arrives_exactly_once()
    {
        await using var site = await FixtureSite.StartAsync();
        var rodong = new RodongFixtureSite(site);
        for (var i = 1; i <= Articles; i++)
            rodong.Article($"2026-06-01-{i:D4}", $"Report {i} From the Provinces", new DateOnly(2026, 6, 1).AddDays(i % 20), $"Paragraph of report {i} on the harvest.");
        using var pg = new ArchiveFixture(Backend.Postgres);
        var config = pg.Folder.Write("crawl.json", $$"""
            { "sources": [ { "site": "rodong.rep.kp", "language": "en", "base": "{{site.BaseUrl}}", "every": "1h", "delay": "40ms", "timeout": "5s" } ] }
            """);

        using var a = PostgresCommandTests.StartTongsin("crawl", "--db", pg.Location, "--config", config, "--quiet");
        using var b = PostgresCommandTests.StartTongsin("crawl", "--db", pg.Location, "--config", config, "--quiet");
        var drainA = Drain(a);
        var drainB = Drain(b);
        try
        {
            // Kill the first worker as soon as it holds claims, in the middle of fetching them.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            long held = 0;
            while (DateTime.UtcNow < deadline && !a.HasExited && (held = Claimed(pg, a.Id)) == 0) Thread.Sleep(5);
            Assert.False(a.HasExited, "the first worker finished before it could be killed");
            a.Kill();
            await a.WaitForExitAsync();
            using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(120))) await b.WaitForExitAsync(patience.Token);
            if (b.ExitCode != 0) Assert.Fail($"the second worker failed: {await drainB}");
            Assert.True(held > 0, "the first worker held no claims");

            // While both ran, no article page was fetched twice.
            var firstPhase = ArticleRequests(site);
            Assert.All(firstPhase.GroupBy(p => p), g => Assert.Single(g));

            // The dead worker's claims hold until their lease runs out; then a later pass takes them.
            var stuck = Claimed(pg, a.Id);
            Assert.True(stuck > 0, $"the killed worker {a.Id} held {held} claims, and left none behind: "
                + pg.Scalar("SELECT string_agg(coalesce(claimed_by, '-') || ' ' || state, '; ') FROM crawl_pages"));
            Assert.Equal(Articles, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM articles")) + stuck);
            var later = new ShiftedClock { Shift = TimeSpan.FromMinutes(30) };
            var source = new CrawlSource("rodong.rep.kp", "en", site.BaseUrl) { Politeness = new HostPolicy { Delay = TimeSpan.FromMilliseconds(10) }, Every = TimeSpan.FromHours(1) };
            var crawl = new CrawlConfig([source]);
            using var fetcher = new PageFetcher(crawl.PolicyFor, later);
            await new Crawler(pg.Archive, new SiteCatalog(pg.Outlets).All, fetcher, crawl, later).RunPassAsync();
        }
        finally
        {
            foreach (var p in new[] { a, b }) if (!p.HasExited) p.Kill();
        }

        Assert.Equal(Articles, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM articles WHERE status = 'complete'")));
        Assert.Equal(Articles, Convert.ToInt64(pg.Scalar("SELECT count(DISTINCT url) FROM articles")));
        Assert.Equal(Articles, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM versions")));
        Assert.Equal(0L, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM articles WHERE status = 'stub' OR version_count <> 1")));
        Assert.Equal(Articles, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM crawl_pages WHERE state = 'fetched' AND claimed_by IS NULL")));
        Assert.Equal(Articles, ArticleRequests(site).Distinct().Count());
    }

    private static long Claimed(ArchiveFixture pg, int pid)
    {
        try { return Convert.ToInt64(pg.Scalar($"SELECT count(*) FROM crawl_pages WHERE claimed_by LIKE '%/{pid}/%'")); }
        catch (Npgsql.PostgresException) { return 0; } // the schema is not there yet
    }

    private static List<string> ArticleRequests(FixtureSite site) =>
        site.Requests.Where(r => r.Method == "GET" && r.Path.Contains("newsID=", StringComparison.Ordinal)).Select(r => r.Path).ToList();

    private static async Task<string> Drain(Process p)
    {
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        return await output + await error;
    }
}
