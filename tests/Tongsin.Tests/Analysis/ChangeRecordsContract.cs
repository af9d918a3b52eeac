using Tongsin.Archive;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Analysis;

/// <summary>
/// What every store says it changed, and the log of changes the archive keeps, the same on every
/// backend: each backend runs these tests through a class of its own below.
/// </summary>
public abstract class ChangeRecordsContract(Backend backend)
{
    private static string Page(string title, string published = "12/02/2025", string[]? body = null, IReadOnlyList<(string, string, string)>? cards = null) =>
        new PageBuilder(Title: title, Published: published, Body: body ?? ["The first paragraph of the report.", "The second paragraph."], Cards: cards ?? []).ToString();

    private static List<(long Article, int Version, string Kind, bool Current)> Log(ArchiveFixture f)
    {
        using var c = f.Archive.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT article_id, version, kind, became_current FROM article_changes ORDER BY seq";
        using var r = cmd.ExecuteReader();
        var log = new List<(long, int, string, bool)>();
        while (r.Read()) log.Add((r.GetInt64(0), Convert.ToInt32(r.GetValue(1)), r.GetString(2), Convert.ToBoolean(r.GetValue(3))));
        return log;
    }

    [Fact]
    public void A_page_returns_a_change_for_its_article_and_each_new_stub_and_the_log_keeps_them()
    {
        using var f = new ArchiveFixture(backend);
        var outcome = f.Store(f.Page(Page("Harvest report", cards: [("Tree planting", "Trees were planted.", "January 29, 2026"), ("River works", "Banks were built.", "January 28, 2026")])));
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, NewStubs: 2, 0), outcome);
        var article = f.All().Single(h => h.Article.Title == "Harvest report").Article.Id;
        Assert.Equal(new ArticleChange(article, 1, ChangeKind.New), outcome.Changes[0]);
        Assert.Equal([ChangeKind.StubAdded, ChangeKind.StubAdded], outcome.Changes.Skip(1).Select(c => c.Kind));
        Assert.Equal(outcome.Changes.Select(c => (c.ArticleId, c.Version, ArticleChange.Name(c.Kind), c.BecameCurrent)), Log(f));
    }

    [Fact]
    public void Versions_completions_and_repeats_say_what_they_did_and_a_repeat_is_not_logged()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(f.Page(Page("Main report", cards: [("Later report", "It will come.", "February 11, 2025")])));
        var stub = f.All().Single(h => h.Article.Title == "Later report").Article.Id;
        var logged = Log(f).Count;

        // The stub's full text arrives.
        var completed = f.Store(f.Page(Page("Later report", published: "11/02/2025")));
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, CompletedStubs: 1), completed);
        Assert.Equal(new ArticleChange(stub, 1, ChangeKind.StubCompleted), Assert.Single(completed.Changes));

        // The same page again: unchanged, returned but not logged.
        var again = f.Store(f.Page(Page("Later report", published: "11/02/2025")));
        Assert.Equal(new ArticleChange(stub, 1, ChangeKind.Unchanged), Assert.Single(again.Changes));
        Assert.Equal(logged + 1, Log(f).Count);

        // An edited text: a new version that becomes current.
        var edited = f.Store(f.Page(Page("Later report", published: "11/02/2025", body: ["The first paragraph, edited.", "The second paragraph."])));
        Assert.Equal(new StoreOutcome(0, Updated: 1, 0, 0, 0), edited);
        Assert.Equal(new ArticleChange(stub, 2, ChangeKind.NewVersion, BecameCurrent: true), Assert.Single(edited.Changes));
        Assert.Equal((stub, 2, "version", true), Log(f)[^1]);
    }

    [Fact]
    public void An_older_capture_is_a_version_that_does_not_become_current()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(f.Page(new PageBuilder(Title: "Report", Captured: "March 3, 2025Mar 3, 2025", Cards: []).ToString()));
        var older = f.Store(f.Page(new PageBuilder(Title: "Report", Captured: "February 13, 2025Feb 13, 2025", Body: ["An earlier wording."], Cards: []).ToString()));
        var change = Assert.Single(older.Changes);
        Assert.Equal((ChangeKind.NewVersion, 2, false), (change.Kind, change.Version, change.BecameCurrent));
        Assert.Equal((change.ArticleId, 2, "version", false), Log(f)[^1]);
    }

    [Fact]
    public void A_removal_and_a_restoration_are_logged()
    {
        using var f = new ArchiveFixture(backend);
        var read = f.Page(new PageBuilder(Title: "Report", Cards: []).ToString());
        const string url = "http://kcna.kp/en/article/q/report.kcmsf";
        var page = read with { Article = read.Article with { Url = url } };
        f.Store(page);
        using (var s = f.Archive.BeginImport())
        {
            Assert.True(s.MarkRemoved(url, new DateOnly(2025, 3, 1)));
            s.Commit();
        }
        Assert.Equal("removed", Log(f)[^1].Kind);
        var back = f.Store(page);
        Assert.Contains(back.Changes, c => c.Kind == ChangeKind.Restored);
        Assert.Equal("restored", Log(f)[^1].Kind);
    }

    [Fact]
    public void Pages_stored_together_each_say_what_they_did_and_are_logged()
    {
        using var f = new ArchiveFixture(backend);
        f.Store(f.Page(Page("Known report")));
        var pages = new[] { "First report", "Known report", "Second report" }
            .Select(t => PreparedPage.From(f.Page(Page(t)))).ToList();
        IReadOnlyList<PageResult> results;
        using (var s = f.Archive.BeginImport())
        {
            results = s.StoreAll(pages);
            s.Commit();
        }
        var ids = f.All().ToDictionary(h => h.Article.Title, h => h.Article.Id);
        Assert.Equal(new ArticleChange(ids["First report"], 1, ChangeKind.New), Assert.Single(results[0].Outcome.Changes));
        Assert.Equal(new ArticleChange(ids["Known report"], 1, ChangeKind.Unchanged), Assert.Single(results[1].Outcome.Changes));
        Assert.Equal(new ArticleChange(ids["Second report"], 1, ChangeKind.New), Assert.Single(results[2].Outcome.Changes));
        Assert.Equal([ids["Known report"], ids["First report"], ids["Second report"]], Log(f).Select(l => l.Article));
    }

    [Fact]
    public void A_failed_item_leaves_no_change_in_the_log()
    {
        using var f = new ArchiveFixture(backend);
        f.RefuseVersionsTitled("Refused report");
        using (var s = f.Archive.BeginImport())
        {
            Assert.ThrowsAny<Exception>(() => s.Store(f.Page(Page("Refused report"))));
            s.Store(f.Page(Page("Accepted report")));
            s.Commit();
        }
        var log = Log(f);
        var accepted = f.All().Single(h => h.Article.Title == "Accepted report").Article.Id;
        Assert.Equal([(accepted, 1, "new", true)], log);
    }
}

public sealed class SqliteChangeRecordsContract() : ChangeRecordsContract(Backend.Sqlite);

public sealed class PostgresChangeRecordsContract() : ChangeRecordsContract(Backend.Postgres);
