using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>The crawl queue kept in the archive, the same on every backend.</summary>
public abstract class CrawlQueueContract(Backend backend)
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static FoundPage Found(int n, string source = "kcna.kp/en") =>
        new(new Uri($"http://www.kcna.kp/en/article/q/{n}.kcmsf"), source, "kcna.kp", $"Title {n}", new DateOnly(2026, 4, 30));

    [Fact]
    public void Pages_are_added_once_however_often_listings_repeat_them()
    {
        using var f = new ArchiveFixture(backend);
        var q = f.Archive.CrawlQueue;
        Assert.Equal(3, q.Add([Found(1), Found(2), Found(3)], T0));
        Assert.Equal(1, q.Add([Found(2), Found(3), Found(4), Found(4)], T0));
        Assert.Equal(4, q.Claim("worker", T0, TimeSpan.FromMinutes(5), 10).Count);
    }

    [Fact]
    public void Claims_are_exclusive_until_their_lease_runs_out()
    {
        using var f = new ArchiveFixture(backend);
        var q = f.Archive.CrawlQueue;
        q.Add(Enumerable.Range(1, 5).Select(n => Found(n)), T0);

        var first = q.Claim("worker-a", T0, TimeSpan.FromMinutes(5), 3);
        var second = q.Claim("worker-b", T0, TimeSpan.FromMinutes(5), 10);
        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Select(p => p.Id).Intersect(second.Select(p => p.Id)));
        Assert.Empty(q.Claim("worker-c", T0.AddMinutes(1), TimeSpan.FromMinutes(5), 10));

        // worker-a dies: its pages come back when the lease ends; worker-b's completed ones do not.
        q.Complete(second.Select(p => new FetchRecord(p.Id, CrawlPageState.Fetched, T0, T0.AddDays(1), new Validators("\"e\"", null), 0)));
        var reclaimed = q.Claim("worker-c", T0.AddMinutes(6), TimeSpan.FromMinutes(5), 10);
        Assert.Equal(first.Select(p => p.Id).Order(), reclaimed.Select(p => p.Id).Order());

        var tomorrow = q.Claim("worker-d", T0.AddDays(1).AddMinutes(1), TimeSpan.FromMinutes(5), 10);
        Assert.Equal(second.Select(p => p.Id).Order(), tomorrow.Where(p => second.Any(s => s.Id == p.Id)).Select(p => p.Id).Order());
        Assert.All(tomorrow.Where(p => second.Any(s => s.Id == p.Id)), p => Assert.Equal("\"e\"", p.Validators.ETag));
    }

    [Fact]
    public void Released_pages_wait_until_the_time_given()
    {
        using var f = new ArchiveFixture(backend);
        var q = f.Archive.CrawlQueue;
        q.Add([Found(1)], T0);
        var claimed = q.Claim("w", T0, TimeSpan.FromMinutes(5), 1);
        q.Release(claimed.Select(p => p.Id), T0.AddMinutes(3));
        Assert.Empty(q.Claim("w", T0.AddMinutes(2), TimeSpan.FromMinutes(5), 1));
        Assert.Single(q.Claim("w", T0.AddMinutes(3), TimeSpan.FromMinutes(5), 1));
    }

    [Fact]
    public void Claims_can_be_limited_to_some_sources()
    {
        using var f = new ArchiveFixture(backend);
        var q = f.Archive.CrawlQueue;
        q.Add([Found(1, "kcna.kp/en"), Found(2, "vok.rep.kp/en")], T0);
        var vok = Assert.Single(q.Claim("w", T0, TimeSpan.FromMinutes(5), 10, ["vok.rep.kp/en"]));
        Assert.Equal("vok.rep.kp/en", vok.CrawlSource);
    }

    [Fact]
    public void Listing_times_are_remembered()
    {
        using var f = new ArchiveFixture(backend);
        var q = f.Archive.CrawlQueue;
        Assert.Null(q.ListedAt("kcna.kp/en"));
        q.MarkListed("kcna.kp/en", T0);
        q.MarkListed("kcna.kp/en", T0.AddHours(1));
        Assert.Equal(T0.AddHours(1), q.ListedAt("kcna.kp/en"));
    }

    [Fact]
    public void A_removed_article_keeps_its_text_and_is_restored_when_it_comes_back()
    {
        using var f = new ArchiveFixture(backend);
        var url = "http://www.kcna.kp/en/article/q/77.kcmsf";
        var source = new Source(f.Outlets.Resolve("KCNA"), "en");
        var capture = new ArticleCapture(source, "Rally Held", new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1), url, ["A rally was held."]);
        using (var s = f.Archive.BeginImport())
        {
            s.Store(new PageCapture(capture, []));
            Assert.True(s.MarkRemoved(url, new DateOnly(2026, 5, 9)));
            Assert.False(s.MarkRemoved(url, new DateOnly(2026, 5, 10)));
            Assert.False(s.MarkRemoved("http://elsewhere.test/x", new DateOnly(2026, 5, 10)));
            s.Commit();
        }
        var removed = Assert.Single(f.All()).Article;
        Assert.Equal(new DateOnly(2026, 5, 9), removed.RemovedOn);
        Assert.Equal(["A rally was held."], removed.Paragraphs);

        using (var s = f.Archive.BeginImport())
        {
            Assert.Equal(1, s.Store(new PageCapture(capture with { Captured = new DateOnly(2026, 5, 20) }, [])).Unchanged);
            s.Commit();
        }
        Assert.Null(Assert.Single(f.All()).Article.RemovedOn);
        Assert.Equal("removed 2026-05-09, restored 2026-05-20", f.Events());
    }
}

public sealed class SqliteCrawlQueueContract() : CrawlQueueContract(Backend.Sqlite);

public sealed class PostgresCrawlQueueContract() : CrawlQueueContract(Backend.Postgres);
