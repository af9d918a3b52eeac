using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>
/// One article, every address it was found under: the same text at another address of its source
/// is the same article, on every backend, whether pages come one at a time or together.
/// </summary>
public abstract class AddressesContract(Backend backend)
{
    private const string Section = "http://www.kcna.kp/en/article/q/";

    private static PageCapture At(ArchiveFixture f, string url, string title = "Successful Women Players Return Home",
        string[]? body = null, string captured = "February 13, 2025Feb 13, 2025", string published = "12/02/2025")
    {
        var page = f.Page(new PageBuilder(Title: title, Published: published, Captured: captured, Body: body ?? PageBuilder.DefaultBody, Cards: []).ToString());
        return page with { Article = page.Article with { Url = url } };
    }

    private static StoreOutcome StoreTogether(ArchiveFixture f, params PageCapture[] pages)
    {
        using var s = f.Archive.BeginImport();
        var results = s.StoreAll(pages.Select(PreparedPage.From).ToList());
        s.Commit();
        Assert.All(results, r => Assert.Null(r.Error));
        return results.Aggregate(default(StoreOutcome), (sum, r) => sum + r.Outcome);
    }

    [Fact]
    public void The_same_text_under_three_addresses_is_one_article_with_three_addresses()
    {
        using var f = new ArchiveFixture(backend);
        var first = f.Store(At(f, Section + "top.kcmsf", captured: "February 13, 2025Feb 13, 2025"));
        var second = f.Store(At(f, Section + "latest.kcmsf", captured: "February 14, 2025Feb 14, 2025"));
        var third = f.Store(At(f, Section + "sports.kcmsf", captured: "February 15, 2025Feb 15, 2025"));
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, 0), first);
        Assert.Equal(new StoreOutcome(0, 0, Unchanged: 1, 0, 0), second);
        Assert.Equal(new StoreOutcome(0, 0, Unchanged: 1, 0, 0), third);

        var article = Assert.Single(f.All());
        Assert.Equal(Section + "top.kcmsf", article.Article.Url);
        Assert.Equal(1, article.Article.VersionCount);
        Assert.Equal(
            [(Section + "top.kcmsf", "2025-02-13", "2025-02-13"), (Section + "latest.kcmsf", "2025-02-14", "2025-02-14"), (Section + "sports.kcmsf", "2025-02-15", "2025-02-15")],
            article.Addresses.Select(d => (d.Url, Iso(d.FirstSeen), Iso(d.LastSeen))));
        Assert.Equal(article.Addresses, f.Archive.Addresses(article.Article.Id));
        Assert.Equal(1, f.Archive.Search(new SearchRequest("players return home")).Total);

        // Seen again later at the first address: its last sighting moves, nothing else.
        f.Store(At(f, Section + "top.kcmsf", captured: "March 2, 2025Mar 2, 2025"));
        var top = f.Archive.Addresses(article.Article.Id)[0];
        Assert.Equal(("2025-02-13", "2025-03-02"), (Iso(top.FirstSeen), Iso(top.LastSeen)));
    }

    [Fact]
    public void Pages_stored_together_find_the_article_an_earlier_page_of_the_batch_wrote()
    {
        using var f = new ArchiveFixture(backend);
        var outcome = StoreTogether(f, At(f, Section + "a.kcmsf"), At(f, Section + "b.kcmsf"), At(f, Section + "c.kcmsf", title: "Another Report", body: ["A different text altogether."]));
        Assert.Equal(new StoreOutcome(New: 2, 0, Unchanged: 1, 0, 0), outcome);
        var articles = f.All();
        Assert.Equal(2, articles.Count);
        Assert.Equal([Section + "a.kcmsf", Section + "b.kcmsf"], articles.Single(a => a.Article.Title.StartsWith("Successful")).Addresses.Select(d => d.Url));
    }

    [Fact]
    public void A_changed_text_at_a_known_address_is_a_version_and_an_edit_at_another_address_is_another_article()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(At(f, Section + "a.kcmsf"));
        var edited = f.Store(At(f, Section + "a.kcmsf", body: ["The delegation was received at the airport.", "It was seen off by officials."]));
        Assert.Equal(new StoreOutcome(0, Updated: 1, 0, 0, 0), edited);
        // Same title and day, other words, another address: a text of its own (reprints tell how near it is).
        var other = f.Store(At(f, Section + "b.kcmsf", body: ["The delegation was met at the airport.", "It was seen off by officials."]));
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, 0), other);
        Assert.Equal(2, f.All().Count);
        // An earlier version's text at a new address is still the same article.
        var earlier = f.Store(At(f, Section + "c.kcmsf"));
        Assert.Equal(new StoreOutcome(0, 0, Unchanged: 1, 0, 0), earlier);
        var first = f.All().OrderBy(a => a.Article.Id).First();
        Assert.Equal([Section + "a.kcmsf", Section + "c.kcmsf"], first.Addresses.Select(d => d.Url));
    }

    [Fact]
    public void The_same_text_in_another_source_is_another_article()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(At(f, Section + "a.kcmsf"));
        var page = f.Page(new PageBuilder(Title: "Successful Women Players Return Home", Source: "Rodong Sinmun (EN)", Cards: []).ToString());
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, 0), f.Store(page with { Article = page.Article with { Url = "http://rodong.rep.kp/en/a.php" } }));
    }

    [Fact]
    public void An_article_is_removed_only_when_every_address_is_gone_and_is_back_when_one_is_seen_again()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(At(f, Section + "a.kcmsf"), At(f, Section + "b.kcmsf"));
        using (var s = f.Archive.BeginImport())
        {
            Assert.False(s.MarkRemoved(Section + "a.kcmsf", new DateOnly(2025, 3, 1)));
            s.Commit();
        }
        var article = Assert.Single(f.All());
        Assert.Null(article.Article.RemovedOn);
        Assert.Equal([new DateOnly(2025, 3, 1), null], article.Addresses.Select(d => d.GoneOn));
        using (var s = f.Archive.BeginImport())
        {
            Assert.True(s.MarkRemoved(Section + "b.kcmsf", new DateOnly(2025, 3, 4)));
            Assert.False(s.MarkRemoved(Section + "b.kcmsf", new DateOnly(2025, 3, 5)));
            s.Commit();
        }
        Assert.Equal(new DateOnly(2025, 3, 4), Assert.Single(f.All()).Article.RemovedOn);
        Assert.Equal("removed 2025-03-04", f.Events());

        var back = f.Store(At(f, Section + "a.kcmsf", captured: "March 9, 2025Mar 9, 2025"));
        Assert.Contains(back.Changes, c => c.Kind == ChangeKind.Restored);
        article = Assert.Single(f.All());
        Assert.Null(article.Article.RemovedOn);
        Assert.Equal([null, new DateOnly(2025, 3, 4)], article.Addresses.Select(d => d.GoneOn));
    }

    [Fact]
    public void An_export_carries_every_address_and_a_new_archive_takes_them_back_as_they_were()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(At(f, Section + "a.kcmsf", captured: "February 13, 2025Feb 13, 2025"));
        f.Store(At(f, Section + "b.kcmsf", captured: "February 20, 2025Feb 20, 2025"));
        var exported = Assert.Single(f.All());
        var line = Json(exported);
        Assert.Contains("\"addresses\":[{\"url\":\"" + Section + "a.kcmsf\",\"first_seen\":\"2025-02-13\",\"last_seen\":\"2025-02-13\",\"gone\":null}", line);

        using var copy = new ArchiveFixture(backend);
        using (var s = copy.Archive.BeginImport())
        {
            s.Store(Exchange.JsonlRecord.Read(line, copy.Outlets));
            s.Commit();
        }
        Assert.Equal(exported.Addresses, Assert.Single(copy.All()).Addresses);
    }

    [Fact]
    public void A_search_for_any_of_its_addresses_finds_the_article_once()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(At(f, Section + "top.kcmsf"), At(f, Section + "latest.kcmsf"), At(f, Section + "other.kcmsf", title: "Another Report", body: ["A different text altogether."]));
        var id = f.All().Single(a => a.Article.Title.StartsWith("Successful")).Article.Id;
        var hit = Assert.Single(f.Archive.Search(new SearchRequest($"url:{Section}latest.kcmsf")).Hits);
        Assert.Equal((id, "Successful Women Players Return Home"), (hit.Id, hit.Title));
        // The other scheme finds it too; two addresses of one article find it once.
        Assert.Equal(1, f.Archive.Search(new SearchRequest($"url:{Section.Replace("http://", "https://")}top.kcmsf")).Total);
        Assert.Equal(1, f.Archive.Search(new SearchRequest($"url:{Section}top.kcmsf url:{Section}latest.kcmsf")).Total);
        Assert.Equal(2, f.Archive.Search(new SearchRequest($"url:{Section}top.kcmsf url:{Section}other.kcmsf", Facets: true)).Facets!.Years.Single().Count);
        // Other filters narrow it; an address no article has finds nothing.
        Assert.Equal(0, f.Archive.Search(new SearchRequest($"url:{Section}top.kcmsf date:2024")).Total);
        Assert.Equal(1, f.Archive.Search(new SearchRequest($"url:{Section}top.kcmsf date:2025")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest($"url:{Section}nowhere.kcmsf")).Total);
        var words = Assert.Throws<QueryException>(() => f.Archive.Search(new SearchRequest($"players url:{Section}top.kcmsf")));
        Assert.StartsWith("url: finds the article at an address", words.Message);
    }

    private static string Json(ArticleHistory h)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer)) Exchange.JsonlRecord.Write(w, h);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteAddressesContract() : AddressesContract(Backend.Sqlite);

public sealed class PostgresAddressesContract() : AddressesContract(Backend.Postgres);
