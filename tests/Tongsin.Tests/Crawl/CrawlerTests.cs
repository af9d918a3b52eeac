using Tongsin.Archive;
using Tongsin.Ingest.Crawl;
using Tongsin.Ingest.Fetch;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Crawl;

/// <summary>Crawls of a Rodong Sinmun fixture site on a real loopback server, with the real site adapters.</summary>
public class CrawlerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(60);

    private static HostPolicy Polite => new()
    {
        Delay = Delay,
        Timeout = TimeSpan.FromMilliseconds(800),
        Retries = 3,
        RetryBase = TimeSpan.FromMilliseconds(30),
        FailuresToOpen = 6,
        Cooldown = TimeSpan.FromSeconds(2),
    };

    private static (Crawler Crawler, PageFetcher Fetcher, CrawlSource Source) Setup(ArchiveFixture f, FixtureSite site, TimeProvider clock, HostPolicy? policy = null)
    {
        var source = new CrawlSource("rodong.rep.kp", "en", site.BaseUrl) { Politeness = policy ?? Polite, Every = TimeSpan.FromHours(1) };
        var config = new CrawlConfig([source]);
        var fetcher = new PageFetcher(config.PolicyFor, clock);
        return (new Crawler(f.Archive, new SiteCatalog(f.Outlets).All, fetcher, config, clock), fetcher, source);
    }

    private static void AssertPolite(FixtureSite site)
    {
        var times = site.Requests.Select(r => r.At).Order().ToList();
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= Delay, $"requests {i - 1} and {i} came {(times[i] - times[i - 1]).TotalMilliseconds:0} ms apart: "
                + string.Join(" | ", site.Requests.OrderBy(r => r.At).Select(r => $"{r.At:ss.fff} {r.Method} {r.Path}")));
    }

    private static async Task<RodongFixtureSite> SiteWithArticles(FixtureSite site, int count)
    {
        var rodong = new RodongFixtureSite(site);
        site.Serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        for (var i = 1; i <= count; i++)
            rodong.Article($"2026-05-0{i}-000{i}", $"Article {i} of the Fixture Site", new DateOnly(2026, 5, i),
                $"First paragraph of article {i}.", $"Second paragraph of article {i}, about the spring sowing.");
        await Task.CompletedTask;
        return rodong;
    }

    [Fact]
    public async Task A_pass_archives_every_article_once_through_faults_without_hurrying_the_host()
    {
        await using var site = await FixtureSite.StartAsync();
        await SiteWithArticles(site, 6);
        site.Fault(RodongFixtureSite.PathOf("2026-05-01-0001"), new SiteFault.Status(500));
        site.Fault(RodongFixtureSite.PathOf("2026-05-02-0002"), new SiteFault.Reset());
        site.Fault(RodongFixtureSite.PathOf("2026-05-03-0003"), new SiteFault.Slow(TimeSpan.FromSeconds(3)));
        site.Fault("/en/", new SiteFault.Status(503));
        using var f = new ArchiveFixture();
        var (crawler, fetcher, _) = Setup(f, site, TimeProvider.System);
        using (fetcher)
        {
            var summary = await crawler.RunPassAsync();

            Assert.Equal(6, summary.PagesFound);
            Assert.Equal(6, summary.Stored.New);
            Assert.Equal(0, summary.Failed);
        }
        var articles = f.All().Select(h => h.Article).ToList();
        Assert.Equal(6, articles.Count);
        var first = Assert.Single(articles, a => a.Title == "Article 1 of the Fixture Site");
        Assert.Equal(new DateOnly(2026, 5, 1), first.Published);
        Assert.Equal("Rodong Sinmun (EN)", first.Source.Label);
        Assert.Equal(["First paragraph of article 1.", "Second paragraph of article 1, about the spring sowing."], first.Paragraphs);
        Assert.Equal(site.Url(RodongFixtureSite.PathOf("2026-05-01-0001")).ToString(), first.Url);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), first.Captured);

        // Each page was asked for once, and once more after each fault it met: nothing was fetched twice.
        int Asked(string path) => site.Requests.Count(r => r.Path == path);
        Assert.Equal(2, Asked("/en/"));
        Assert.Equal(2, Asked(RodongFixtureSite.PathOf("2026-05-01-0001")));
        Assert.Equal(2, Asked(RodongFixtureSite.PathOf("2026-05-02-0002")));
        Assert.Equal(2, Asked(RodongFixtureSite.PathOf("2026-05-03-0003")));
        foreach (var n in new[] { 4, 5, 6 }) Assert.Equal(1, Asked(RodongFixtureSite.PathOf($"2026-05-0{n}-000{n}")));
        AssertPolite(site);
    }

    [Fact]
    public async Task Later_passes_record_edits_as_versions_and_deletions_as_removals_and_restorations()
    {
        await using var site = await FixtureSite.StartAsync();
        var rodong = await SiteWithArticles(site, 3);
        using var f = new ArchiveFixture();
        var clock = new ShiftedClock();
        var (crawler, fetcher, _) = Setup(f, site, clock);
        using (fetcher)
        {
            Assert.Equal(3, (await crawler.RunPassAsync()).Stored.New);

            // The same day: nothing is due, so nothing is fetched.
            var before = site.Requests.Count;
            var idle = await crawler.RunPassAsync();
            Assert.Equal(0, idle.Fetched);
            Assert.Equal(before, site.Requests.Count);

            // A day later: article 2 was edited, article 3 deleted.
            rodong.Article("2026-05-02-0002", "Article 2 of the Fixture Site", new DateOnly(2026, 5, 2),
                "First paragraph of article 2.", "Second paragraph of article 2, corrected by the editors.");
            rodong.Delete("2026-05-03-0003");
            clock.Shift = TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
            var second = await crawler.RunPassAsync();
            Assert.Equal(1, second.Stored.Updated);
            Assert.Equal(1, second.Stored.Unchanged + second.NotModified);
            Assert.Equal(1, second.Removed);

            // Two days later it is back.
            rodong.Restore("2026-05-03-0003");
            clock.Shift = TimeSpan.FromDays(2) + TimeSpan.FromMinutes(2);
            await crawler.RunPassAsync();
        }

        var all = f.All().Select(h => h.Article).ToDictionary(a => a.Title);
        var edited = all["Article 2 of the Fixture Site"];
        Assert.Equal(2, edited.VersionCount);
        Assert.Equal("Second paragraph of article 2, corrected by the editors.", edited.Paragraphs[1]);
        Assert.Equal("Second paragraph of article 2, about the spring sowing.", f.Archive.Versions(edited.Id)[0].Paragraphs[1]);
        var back = all["Article 3 of the Fixture Site"];
        Assert.Null(back.RemovedOn);
        Assert.Equal(["First paragraph of article 3.", "Second paragraph of article 3, about the spring sowing."], back.Paragraphs);
        Assert.Equal(3, all.Count);
        AssertPolite(site);
    }

    [Fact]
    public async Task A_deleted_article_keeps_its_text_and_the_day_it_was_found_gone()
    {
        await using var site = await FixtureSite.StartAsync();
        var rodong = await SiteWithArticles(site, 2);
        using var f = new ArchiveFixture();
        var clock = new ShiftedClock();
        var (crawler, fetcher, _) = Setup(f, site, clock);
        using (fetcher)
        {
            await crawler.RunPassAsync();
            rodong.Delete("2026-05-01-0001");
            clock.Shift = TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
            await crawler.RunPassAsync();
        }
        var gone = Assert.Single(f.All(), h => h.Article.Title == "Article 1 of the Fixture Site").Article;
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1).AddMinutes(1)), gone.RemovedOn);
        Assert.Equal(2, gone.Paragraphs.Count);
    }

    [Fact]
    public async Task A_ban_defers_the_pages_and_a_later_pass_finishes_them_without_duplicates()
    {
        await using var site = await FixtureSite.StartAsync();
        await SiteWithArticles(site, 4);
        using var f = new ArchiveFixture();
        var (crawler, fetcher, _) = Setup(f, site, TimeProvider.System, Polite with { Cooldown = TimeSpan.FromSeconds(1) });
        using (fetcher)
        {
            // The listing is read, then the host bans us for a second: every article is deferred.
            site.Fault(RodongFixtureSite.PathOf("2026-05-04-0004"), new SiteFault.Status(429, RetryAfterSeconds: 1));
            var first = await crawler.RunPassAsync();
            // Nothing reached the host while it asked us to stay away.
            var refused = site.Requests.First(r => r.Path.Contains("0004")).At;
            Assert.DoesNotContain(site.Requests, r => r.At > refused && r.At < refused.AddSeconds(1));
            Assert.True(first.Deferred >= 1, $"deferred {first.Deferred}, new {first.Stored.New}: " + string.Join(" | ", site.Requests.OrderBy(r => r.At).Select(r => $"{r.At:ss.fff} {r.Method} {r.Path}")) + string.Join("; ", first.Problems));
            var requestsDuringBan = site.Requests.Count;

            await Task.Delay(1200);
            var second = await crawler.RunPassAsync();
            Assert.Equal(4, first.Stored.New + second.Stored.New);
            Assert.True(site.Requests.Count > requestsDuringBan, $"second: deferred {second.Deferred} new {second.Stored.New} fetched {second.Fetched}; first new {first.Stored.New}: "
                + string.Join(" | ", site.Requests.OrderBy(r => r.At).Select(r => $"{r.At:ss.fff} {r.Method} {r.Path}")));
        }
        Assert.Equal(4, f.All().Count);
        AssertPolite(site);
    }

    [Fact]
    public async Task A_crawl_stopped_mid_pass_resumes_without_losing_or_repeating_anything()
    {
        await using var site = await FixtureSite.StartAsync();
        await SiteWithArticles(site, 8);
        using var f = new ArchiveFixture();
        var (crawler, fetcher, _) = Setup(f, site, TimeProvider.System);
        using (fetcher)
        {
            using var stop = new CancellationTokenSource();
            // Stop while the article pages are being fetched.
            site.Fault(RodongFixtureSite.PathOf("2026-05-05-0005"), new SiteFault.Slow(TimeSpan.FromMilliseconds(300)));
            stop.CancelAfter(TimeSpan.FromMilliseconds(400));
            try { await crawler.RunPassAsync(null, stop.Token); } catch (OperationCanceledException) { }

            var resumed = await crawler.RunPassAsync();
            Assert.Equal(8, f.All().Count);
        }
        Assert.Equal(8, f.All().Select(h => h.Article.Url).Distinct().Count());
        Assert.All(f.All(), h => Assert.Equal(1, h.Article.VersionCount));
        AssertPolite(site);
    }

    [Fact]
    public async Task Pages_robots_txt_forbids_are_not_fetched()
    {
        await using var site = await FixtureSite.StartAsync();
        var rodong = await SiteWithArticles(site, 2);
        site.Serve("/robots.txt", "User-agent: *\nDisallow: /en/index.php?strPageID=SF01_02_01&newsID=2026-05-02\n", "text/plain");
        using var f = new ArchiveFixture();
        var (crawler, fetcher, _) = Setup(f, site, TimeProvider.System);
        using (fetcher) await crawler.RunPassAsync();
        Assert.Single(f.All());
        Assert.DoesNotContain(site.Requests, r => r.Path.Contains("newsID=2026-05-02"));
    }
}
