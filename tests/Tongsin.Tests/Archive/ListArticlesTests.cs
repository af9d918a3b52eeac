using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Tests.Support;
using Tongsin.Tests.Web;

namespace Tongsin.Tests.Archive;

/// <summary>Listings, the same on every backend.</summary>
public abstract class ListArticlesContract : IDisposable
{
    private readonly Backend _backend;
    private readonly ArchiveFixture _fixture;
    private readonly IArchive _archive;

    protected ListArticlesContract(Backend backend)
    {
        _backend = backend;
        _fixture = new ArchiveFixture(backend);
        _archive = FixtureArchive.Fill(_fixture.Archive);
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Lists_newest_first_across_sources_with_a_total()
    {
        var page = _archive.ListArticles(new ArticleQuery(Limit: 5));
        var all = _archive.Stats();
        Assert.Equal(all.Articles + all.Stubs, page.Total);
        Assert.Equal(5, page.Articles.Count);
        Assert.Equal("Tidal power station begins trial run", page.Articles[0].Title);
        Assert.True(page.HasMore);
        Assert.Equal(page.Articles.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id).Select(a => a.Id), page.Articles.Select(a => a.Id));
    }

    [Fact]
    public void Pages_follow_on_without_gaps_or_repeats()
    {
        var query = new ArticleQuery(SourceSlugs: ["voice-of-korea-en"], Limit: 7);
        var seen = new List<long>();
        ArticleListing page;
        do
        {
            page = _archive.ListArticles(query with { Offset = seen.Count });
            seen.AddRange(page.Articles.Select(a => a.Id));
        } while (page.HasMore);
        Assert.Equal(page.Total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(seen, id => Assert.Equal("voice-of-korea-en", _archive.FindArticle(id)!.Source.Slug));
    }

    [Fact]
    public void Filters_by_dates_inclusive_and_leaves_one_out()
    {
        var from = new DateOnly(2026, 2, 9);
        var to = new DateOnly(2026, 2, 14);
        var page = _archive.ListArticles(new ArticleQuery(From: from, To: to, Limit: 100));
        Assert.NotEmpty(page.Articles);
        Assert.All(page.Articles, a => Assert.InRange(a.Published, from, to));
        Assert.Contains(page.Articles, a => a.Published == to);

        var tidal = page.Articles.First(a => a.Title.StartsWith("Tidal"));
        var others = _archive.ListArticles(new ArticleQuery(From: from, To: to, Limit: 100, ExcludeId: tidal.Id));
        Assert.Equal(page.Total - 1, others.Total);
        Assert.DoesNotContain(others.Articles, a => a.Id == tidal.Id);
    }

    [Fact]
    public void Past_the_end_is_an_empty_page_with_the_total()
    {
        var page = _archive.ListArticles(new ArticleQuery(Offset: 10_000));
        Assert.Empty(page.Articles);
        Assert.False(page.HasMore);
        Assert.True(page.Total > 0);
    }

    [Fact]
    public void Stubs_and_versions_come_through()
    {
        var page = _archive.ListArticles(new ArticleQuery(SourceSlugs: ["voice-of-korea-en"], Limit: 100));
        Assert.Contains(page.Articles, a => a.Status == ArticleStatus.Stub && a.Title == "Orchard workers prepare saplings");
        Assert.Equal(2, page.Articles.Single(a => a.Title.StartsWith("Tidal")).VersionCount);
    }

    [Fact]
    public void An_uncounted_listing_still_says_whether_there_are_more()
    {
        using var f = new ArchiveFixture(_backend);
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")));
        var counted = f.Archive.ListArticles(new Tongsin.Archive.ArticleQuery(Limit: 5));
        var uncounted = f.Archive.ListArticles(new Tongsin.Archive.ArticleQuery(Limit: 5, CountAll: false));
        Assert.Equal(counted.Articles.Select(a => a.Id), uncounted.Articles.Select(a => a.Id));
        Assert.True(uncounted.HasMore);
        var last = f.Archive.ListArticles(new Tongsin.Archive.ArticleQuery(Limit: 5, Offset: 10, CountAll: false));
        Assert.Equal(3, last.Articles.Count);
        Assert.False(last.HasMore);
        Assert.Equal("ministry-of-foreign-affairs-en", Assert.Single(f.Archive.SourceList()).Slug);
        Assert.Equal(1, f.Archive.FindSource("ministry-of-foreign-affairs-en")!.Articles);
        Assert.Null(f.Archive.FindSource("no-such-source"));
    }
}

public sealed class SqliteListArticlesContract() : ListArticlesContract(Backend.Sqlite);

public sealed class PostgresListArticlesContract() : ListArticlesContract(Backend.Postgres);
