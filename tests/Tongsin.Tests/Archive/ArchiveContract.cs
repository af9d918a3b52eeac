using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>
/// The archive's behaviour, the same on every backend: each backend runs these tests through a
/// class of its own below.
/// </summary>
public abstract class ArchiveContract(Backend backend)
{
    private ArchiveFixture NewArchive() => new(backend);

    // Records hold paragraph arrays, which compare by reference; JSON compares every value.
    private static string Describe(ArticleHistory h) => System.Text.Json.JsonSerializer.Serialize(h);

    [Fact]
    public void A_page_stores_its_article_and_its_cards_as_stubs()
    {
        using var f = NewArchive();
        var page = f.Page(Fixtures.Text("mfa-press-statement.txt"));
        var outcome = f.Store(page);
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, NewStubs: 12, 0), outcome);

        var all = f.All();
        Assert.Equal(13, all.Count);
        var article = Assert.Single(all, h => h.Article.Status == ArticleStatus.Complete).Article;
        Assert.Equal(page.Article.Title, article.Title);
        Assert.Equal(page.Article.Paragraphs, article.Paragraphs);
        Assert.Equal(1, article.VersionCount);
        Assert.Equal(new DateOnly(2026, 2, 3), article.Captured);
        var stub = Assert.Single(all, h => h.Article.Title == "Spring Sowing Begins on Cooperative Farms").Article;
        Assert.Equal(ArticleStatus.Stub, stub.Status);
        Assert.Empty(stub.Paragraphs);
        Assert.StartsWith("Farmers across the country", stub.Teaser);
        Assert.Equal(0, stub.VersionCount);
        Assert.Equal(new DateOnly(2026, 2, 3), stub.Captured);
    }

    [Fact]
    public void The_same_page_again_changes_nothing()
    {
        using var f = NewArchive();
        var page = f.Page(Fixtures.Text("mfa-press-statement.txt"));
        f.Store(page);
        var before = f.All();
        var again = f.Store(page);
        Assert.Equal(new StoreOutcome(0, 0, Unchanged: 1, 0, 0), again);
        var after = f.All();
        Assert.Equal(before.Select(Describe), after.Select(Describe));
        Assert.Equal(1, f.Archive.Stats().Versions);
    }

    [Fact]
    public void Whitespace_differences_are_not_a_new_version()
    {
        using var f = NewArchive();
        var text = new PageBuilder().ToString();
        f.Store(f.Page(text));
        var spaced = text.Replace("left Pyongyang on Tuesday", "left  Pyongyang\u00A0on Tuesday ").Replace("\n", "\r\n");
        Assert.Equal(1, f.Store(f.Page(spaced)).Unchanged);
    }

    [Fact]
    public void Changed_text_adds_a_version_and_keeps_the_old_one()
    {
        using var f = NewArchive();
        var v1 = new PageBuilder();
        var v2 = v1 with { Captured = "March 1, 2025Mar 1, 2025", Body = ["A delegation left Pyongyang on Tuesday.", "The paragraph about the airport was removed."] };
        f.Store(f.Page(v1.ToString()));
        Assert.Equal(1, f.Store(f.Page(v2.ToString())).Updated);

        var article = Assert.Single(f.All(), h => h.Article.Status == ArticleStatus.Complete).Article;
        Assert.Equal(2, article.VersionCount);
        Assert.Equal("The paragraph about the airport was removed.", article.Paragraphs[1]);
        Assert.Equal(new DateOnly(2025, 2, 13), article.Captured);
        var versions = f.Archive.Versions(article.Id);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(PageBuilder.DefaultBody, versions[0].Paragraphs);
        Assert.Equal(new DateOnly(2025, 3, 1), versions[1].Captured);

        // The old text again is known: nothing changes.
        Assert.Equal(1, f.Store(f.Page(v1.ToString())).Unchanged);
        Assert.Equal(2, f.Archive.Versions(article.Id).Count);

        // Search sees the current text only.
        Assert.Equal(1, f.Archive.Search(new SearchRequest("\"airport was removed\"")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("\"seen off at the airport\"")).Total);
    }

    [Fact]
    public void An_older_capture_arriving_late_is_kept_but_does_not_replace_the_newer_text()
    {
        using var f = NewArchive();
        var newer = new PageBuilder(Captured: "March 1, 2025Mar 1, 2025", Body: ["Edited text."]);
        var older = new PageBuilder(Captured: "February 13, 2025Feb 13, 2025");
        f.Store(f.Page(newer.ToString()));
        Assert.Equal(1, f.Store(f.Page(older.ToString())).Updated);
        var article = Assert.Single(f.All(), h => h.Article.Status == ArticleStatus.Complete).Article;
        Assert.Equal(["Edited text."], article.Paragraphs);
        Assert.Equal(2, article.VersionCount);
        Assert.Equal(new DateOnly(2025, 2, 13), article.Captured);
    }

    [Fact]
    public void A_stub_is_completed_when_its_article_arrives_matching_source_title_and_date()
    {
        using var f = NewArchive();
        var listing = new PageBuilder(Title: "Some Other Article", Published: "20/02/2025", Body: ["A different story entirely."], Cards: [("Factory Completes Renovation", "The workers of the machine factory completed the", "February 12, 2025")]);
        f.Store(f.Page(listing.ToString()));
        var stubId = Assert.Single(f.All(), h => h.Article.Status == ArticleStatus.Stub).Article.Id;

        var full = new PageBuilder(Title: "Factory Completes Renovation", Published: "12/02/2025", Cards: []);
        var outcome = f.Store(f.Page(full.ToString()));
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, CompletedStubs: 1), outcome);

        var completed = f.Archive.FindArticle(stubId)!;
        Assert.Equal(ArticleStatus.Complete, completed.Status);
        Assert.Equal(PageBuilder.DefaultBody, completed.Paragraphs);
        Assert.Equal("The workers of the machine factory completed the", completed.Teaser);
        Assert.Equal(2, f.Archive.Stats().Articles);
        Assert.Equal(0, f.Archive.Stats().Stubs);

        // The stub's teaser leaves the index with the stub; the body is indexed instead.
        var hit = Assert.Single(f.Archive.Search(new SearchRequest("seen off airport")).Hits);
        Assert.Equal(stubId, hit.Id);
        Assert.False(hit.IsStub);
    }

    [Fact]
    public void A_card_with_the_same_title_but_another_date_is_a_different_article()
    {
        using var f = NewArchive();
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")));
        var same = f.All().Where(h => h.Article.Title == "Spokesman for DPRK Foreign Ministry Slams U.S. Sanctions Move").Select(h => h.Article).ToList();
        Assert.Equal(2, same.Count);
        Assert.Contains(same, a => a.Status == ArticleStatus.Complete && a.Published == new DateOnly(2024, 11, 14));
        Assert.Contains(same, a => a.Status == ArticleStatus.Stub && a.Published == new DateOnly(2026, 1, 30));
    }

    [Fact]
    public void A_card_of_a_complete_article_changes_nothing_but_a_missing_teaser()
    {
        using var f = NewArchive();
        f.Store(f.Page(new PageBuilder(Title: "Factory Completes Renovation", Cards: []).ToString()));
        var outcome = f.Store(f.Page(new PageBuilder(Title: "Another", Published: "13/02/2025", Cards: [("Factory Completes Renovation", "The workers of the", "February 12, 2025")]).ToString()));
        Assert.Equal(0, outcome.NewStubs);
        var article = Assert.Single(f.All(), h => h.Article.Title == "Factory Completes Renovation").Article;
        Assert.Equal(ArticleStatus.Complete, article.Status);
        Assert.Equal("The workers of the", article.Teaser);
        Assert.Equal(PageBuilder.DefaultBody, article.Paragraphs);
    }

    [Fact]
    public void A_page_that_fails_in_the_database_leaves_no_trace_and_the_rest_go_in()
    {
        using var f = NewArchive();
        f.RefuseVersionsTitled("Poisoned Page");
        var good1 = f.Page(new PageBuilder(Title: "First Good Page", Cards: [("Card Of Good Page", "teaser one", "February 1, 2025")]).ToString());
        var bad = f.Page(new PageBuilder(Title: "Poisoned Page", Source: "Naenara (EN)", Cards: [("Card Of Poisoned Page", "teaser two", "February 2, 2025")]).ToString());
        var good2 = f.Page(new PageBuilder(Title: "Second Good Page").ToString());

        using (var session = f.Archive.BeginImport())
        {
            session.Store(good1);
            Assert.ThrowsAny<Exception>(() => session.Store(bad));
            session.Store(good2);
            session.Commit();
        }
        var titles = f.All().Select(h => h.Article.Title).ToList();
        Assert.Contains("First Good Page", titles);
        Assert.Contains("Second Good Page", titles);
        Assert.Contains("Card Of Good Page", titles);
        Assert.DoesNotContain("Poisoned Page", titles);
        Assert.DoesNotContain("Card Of Poisoned Page", titles);
        Assert.DoesNotContain(f.Archive.Sources(), s => s.Source.Outlet.Name == "Naenara");
        Assert.Equal(0, f.Archive.Search(new SearchRequest("Poisoned")).Total);
    }

    [Fact]
    public void Pages_stored_together_go_in_as_they_would_one_by_one()
    {
        using var f = NewArchive();
        f.Store(f.Page(new PageBuilder(Title: "Known Before", Cards: []).ToString()));
        f.RefuseVersionsTitled("Poisoned Page");
        var pages = new[]
        {
            new PageBuilder(Title: "First New Page", Cards: []),
            new PageBuilder(Title: "Known Before", Cards: []),
            new PageBuilder(Title: "Poisoned Page", Cards: []),
            new PageBuilder(Title: "Second New Page", Cards: []),
            new PageBuilder(Title: "First New Page", Cards: []),
            new PageBuilder(Title: "Known Before", Body: ["The text of this article was changed after it was first published."], Cards: []),
            new PageBuilder(Title: "From Another Source", Source: "Naenara (EN)", Cards: []),
            new PageBuilder(Title: "Page With Cards"),
        }.Select(b => PreparedPage.From(f.Page(b.ToString()))).ToList();

        IReadOnlyList<PageResult> results;
        using (var session = f.Archive.BeginImport())
        {
            results = session.StoreAll(pages);
            session.Commit();
        }

        Assert.Equal(pages.Count, results.Count);
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, 0), results[0].Outcome);
        Assert.Equal(new StoreOutcome(0, 0, Unchanged: 1, 0, 0), results[1].Outcome);
        Assert.NotNull(results[2].Error);
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, 0), results[3].Outcome);
        Assert.Equal(new StoreOutcome(0, 0, Unchanged: 1, 0, 0), results[4].Outcome);
        Assert.Equal(new StoreOutcome(0, Updated: 1, 0, 0, 0), results[5].Outcome);
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, 0, 0), results[6].Outcome);
        Assert.Equal(new StoreOutcome(New: 1, 0, 0, NewStubs: 2, 0), results[7].Outcome);
        Assert.All(results.Where((_, i) => i != 2), r => Assert.Null(r.Error));

        var all = f.All();
        Assert.Single(all, h => h.Article.Title == "First New Page");
        Assert.Single(all, h => h.Article.Title == "Second New Page");
        Assert.DoesNotContain(all, h => h.Article.Title == "Poisoned Page");
        var known = Assert.Single(all, h => h.Article.Title == "Known Before");
        Assert.Equal(2, known.Versions.Count);
        Assert.Equal(["The text of this article was changed after it was first published."], known.Article.Paragraphs);
        Assert.Contains(f.Archive.Sources(), s => s.Source.Outlet.Name == "Naenara");
        Assert.Equal(1, f.Archive.Search(new SearchRequest("\"Second New Page\"")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("Poisoned")).Total);
        Assert.Equal(6, f.Archive.Stats().Versions);
    }

    [Fact]
    public void Facets_count_the_pages_that_arrive_after_an_earlier_search()
    {
        using var f = NewArchive();
        f.Store(f.Page(new PageBuilder(Title: "Harvest Report From the Farms", Cards: []).ToString()));
        var before = f.Archive.Search(new SearchRequest("harvest", Facets: true));
        Assert.Equal(1, Assert.Single(before.Facets!.Sources).Count);

        f.Store(f.Page(new PageBuilder(Title: "Harvest Report From the Coast", Source: "Naenara (EN)", Published: "03/05/2024", Cards: []).ToString()));
        var after = f.Archive.Search(new SearchRequest("harvest", Facets: true));
        Assert.Equal(2, after.Total);
        Assert.Equal([1L, 1L], after.Facets!.Sources.Select(s => s.Count));
        Assert.Contains(after.Facets.Sources, s => s.Label == "Naenara (EN)");
        Assert.Equal(["2025", "2024"], after.Facets.Years.Select(y => y.Value));
        Assert.Equal(2, Assert.Single(after.Facets.Languages).Count);
    }

    [Fact]
    public void A_search_asked_again_counts_what_was_stored_and_edited_in_between()
    {
        using var f = NewArchive();
        f.Store(f.Page(new PageBuilder(Title: "Canal Opened in the Province", Body: ["The new irrigation canal carries water to the fields."], Cards: []).ToString()));
        Assert.Equal(1, f.Archive.Search(new SearchRequest("irrigation")).Total);
        Assert.Equal(1, Assert.Single(f.Archive.Search(new SearchRequest("irrigation", Facets: true)).Facets!.Sources).Count);
        Assert.Equal(1, f.Archive.Search(new SearchRequest("irrigation")).Total);

        f.Store(f.Page(new PageBuilder(Title: "Irrigation Works Completed", Published: "14/02/2025", Cards: []).ToString()));
        Assert.Equal(2, f.Archive.Search(new SearchRequest("irrigation")).Total);
        Assert.Equal(2, Assert.Single(f.Archive.Search(new SearchRequest("irrigation", Facets: true)).Facets!.Sources).Count);

        // A new version of the first article without the word: it no longer matches.
        f.Store(f.Page(new PageBuilder(Title: "Canal Opened in the Province", Body: ["The new canal carries water to the fields."], Cards: []).ToString()));
        Assert.Equal(1, f.Archive.Search(new SearchRequest("irrigation")).Total);
        Assert.Equal(1, Assert.Single(f.Archive.Search(new SearchRequest("irrigation", Facets: true)).Facets!.Sources).Count);
        Assert.Equal("Irrigation Works Completed", Assert.Single(f.Archive.Search(new SearchRequest("irrigation")).Hits).Title);
    }

    [Fact]
    public void Disposing_a_session_without_commit_discards_its_pages()
    {
        using var f = NewArchive();
        using (var session = f.Archive.BeginImport()) session.Store(f.Page(new PageBuilder().ToString()));
        Assert.Empty(f.All());
    }

    [Fact]
    public void Search_filters_by_source_language_and_date_and_counts_exactly()
    {
        using var f = NewArchive();
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")), f.Page(Fixtures.Text("vok-crlf-bom.txt").TrimStart('\uFEFF')),
            f.Page(Fixtures.Text("rodong-ko.txt")), f.Page(Fixtures.Text("kcna-no-related.txt")));

        var all = f.Archive.Search(new SearchRequest("meeting", Limit: 2));
        Assert.True(all.Total > 2);
        Assert.Equal(2, all.Hits.Count);

        var vok = f.Archive.Search(new SearchRequest("meeting", SourceSlugs: ["voice-of-korea-en"], Limit: 100));
        Assert.All(vok.Hits, h => Assert.Equal("Voice of Korea (EN)", h.Source));
        Assert.Equal(vok.Total, vok.Hits.Count);

        var dated = f.Archive.Search(new SearchRequest("meeting", From: new DateOnly(2026, 3, 26), To: new DateOnly(2026, 4, 1), Limit: 100));
        Assert.All(dated.Hits, h => Assert.InRange(h.Published, new DateOnly(2026, 3, 26), new DateOnly(2026, 4, 1)));
        Assert.NotEmpty(dated.Hits);

        var korean = f.Archive.Search(new SearchRequest("현지지도에는", Language: "ko"));
        Assert.Equal(1, korean.Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("현지지도에는", Language: "en")).Total);

        var title = f.Archive.Search(new SearchRequest("sanctions"));
        Assert.Equal("Spokesman for DPRK Foreign Ministry Slams U.S. Sanctions Move", title.Hits[0].Title);
        Assert.Contains(Snippets.MatchStart, title.Hits[0].Snippet);
    }

    [Fact]
    public void Queries_cannot_inject_fts5_syntax()
    {
        using var f = NewArchive();
        f.Store(f.Page(new PageBuilder().ToString()));
        // Each is either searched as plain words or refused with a message; none reaches FTS5 as syntax.
        foreach (var q in new[] { "title:delegation", "delegation OR x", "NEAR(a b)", "\"unbalanced", "a*", "body:", "-x", "delegation)", "^delegation", "{title}: x", "a:b", "col:x*", "x AND NOT", "\"a\" \"b" })
        {
            try { f.Archive.Search(new SearchRequest(q)); }
            catch (QueryException) { }
        }
        // As FTS5 syntax this would match the page; as words, NEAR must appear in it, and does not.
        Assert.Equal(0, f.Archive.Search(new SearchRequest("NEAR(delegation leaves)")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("{title}: delegation")).Total);
        Assert.Equal(1, f.Archive.Search(new SearchRequest("title:delegation")).Total);
        Assert.Equal(1, f.Archive.Search(new SearchRequest("\"Delegation Leaves\"")).Total);
        Assert.Throws<QueryException>(() => f.Archive.Search(new SearchRequest("   ")));
        Assert.Throws<QueryException>(() => f.Archive.Search(new SearchRequest("- ( )")));
    }

    [Fact]
    public void A_newer_schema_is_refused()
    {
        using var f = NewArchive();
        f.PretendNewerSchema();
        Assert.Contains("newer Tongsin", Assert.Throws<ArchiveException>(() => f.Reopen()).Message);
    }

    [Fact]
    public void An_archive_opened_again_has_what_was_stored_and_its_schema_version()
    {
        using var f = NewArchive();
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")));
        var before = f.All().Select(Describe).ToList();
        var schema = f.Archive.Stats().SchemaVersion;
        f.Reopen();
        Assert.Equal(before, f.All().Select(Describe));
        Assert.Equal(schema, f.Archive.Stats().SchemaVersion);
        Assert.True(schema >= 1);
        Assert.True(f.Archive.Stats().SizeBytes > 0);
    }

    [Fact]
    public void Datelines_are_kept_and_a_later_capture_only_fills_what_is_missing()
    {
        using var f = NewArchive();
        var kcna = new Source(f.Outlets.Resolve("KCNA"), "en");
        var first = new ArticleCapture(kcna, "Rally Held", new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), null, ["A rally was held."],
            Dateline: new Dateline("Pyongyang", new DateOnly(2026, 6, 30), "KCNA"));
        using (var s = f.Archive.BeginImport())
        {
            s.Store(new PageCapture(first, []));
            s.Store(new PageCapture(first with { Captured = new DateOnly(2026, 7, 2), Dateline = new Dateline("Kaesong", null, "KCNA") }, []));
            s.Commit();
        }
        var article = Assert.Single(f.All()).Article;
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(2026, 6, 30), "KCNA"), article.Dateline);
    }

    [Fact]
    public void An_export_read_back_into_a_new_archive_loses_nothing()
    {
        using var f = NewArchive();
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")));
        f.Store(f.Page(new PageBuilder().ToString()), f.Page((new PageBuilder() with { Captured = "March 1, 2025Mar 1, 2025", Body = ["Edited."] }).ToString()));
        var exported = f.All();
        using var g = NewArchive();
        using (var s = g.Archive.BeginImport())
        {
            foreach (var h in exported)
                s.Store(h.Versions.Count > 0 ? h : h with { Versions = h.Article.Status == ArticleStatus.Stub ? [] :
                    [new ArticleVersion(1, h.Article.Title, h.Article.Paragraphs, h.Article.Captured, h.Article.ContentHash!, DateTimeOffset.UtcNow)] });
            s.Commit();
        }
        string Key(ArticleHistory h) => $"{h.Article.Title}|{h.Article.Published}|{h.Article.Status}|{h.Article.ContentHash}|{h.Article.VersionCount}|{h.Article.Teaser}|{string.Join("/", h.Versions.Select(v => v.Hash))}";
        Assert.Equal(exported.Select(Key).Order(), g.All().Select(Key).Order());
    }

    [Fact]
    public void A_full_article_ranks_above_a_stub_of_the_same_title()
    {
        using var f = NewArchive();
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")));
        var hits = f.Archive.Search(new SearchRequest("sanctions")).Hits;
        Assert.Equal(2, hits.Count);
        Assert.False(hits[0].IsStub);
        Assert.True(hits[1].IsStub);
    }

    [Fact]
    public void Facets_count_the_matches_by_source_language_and_year()
    {
        using var f = NewArchive();
        f.Store(f.Page(Fixtures.Text("mfa-press-statement.txt")), f.Page(Fixtures.Text("vok-crlf-bom.txt").TrimStart('\uFEFF')),
            f.Page(Fixtures.Text("rodong-ko.txt")), f.Page(Fixtures.Text("kcna-no-related.txt")));
        var plain = f.Archive.Search(new SearchRequest("the", Limit: 1));
        var faceted = f.Archive.Search(new SearchRequest("the", Limit: 1, Facets: true));
        Assert.Null(plain.Facets);
        var facets = faceted.Facets!;
        Assert.Equal(plain.Total, faceted.Total);
        Assert.Equal(faceted.Total, facets.Sources.Sum(x => x.Count));
        Assert.Equal(faceted.Total, facets.Languages.Sum(x => x.Count));
        Assert.Equal(faceted.Total, facets.Years.Sum(x => x.Count));
        Assert.Equal(["2026", "2025", "2024"], facets.Years.Select(y => y.Value));
        Assert.Equal("en", Assert.Single(facets.Languages).Value);
        var vok = Assert.Single(facets.Sources, x => x.Value == "voice-of-korea-en");
        Assert.Equal("Voice of Korea (EN)", vok.Label);
        Assert.Equal(f.Archive.Search(new SearchRequest("the source:voice-of-korea-en")).Total, vok.Count);
        Assert.True(facets.Sources.Zip(facets.Sources.Skip(1)).All(p => p.First.Count >= p.Second.Count));
    }
}

public sealed class SqliteArchiveContract() : ArchiveContract(Backend.Sqlite);

public sealed class PostgresArchiveContract() : ArchiveContract(Backend.Postgres);
