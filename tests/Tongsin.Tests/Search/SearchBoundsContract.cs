using System.Diagnostics;
using System.Text;
using Tongsin.Archive;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// What a search may cost, the same on every backend: a budget that stops it, a caller who gives
/// up stopping it, snippets cut from a bounded window however large the article.
/// </summary>
public abstract class SearchBoundsContract(Backend backend)
{
    private ArchiveFixture Reports() => RankingWindowContract.TwelveReports(backend);

    [Fact]
    public void A_search_past_its_budget_stops_with_an_error_that_says_so()
    {
        using var f = Reports();
        var e = Assert.Throws<SearchBudgetException>(() =>
            f.Archive.Search(new SearchRequest("harvest", Bounds: SearchBounds.Default with { Budget = TimeSpan.Zero })));
        Assert.Equal("the search ran past its budget of 0 s; narrow it with more words, a source or a date range", e.Message);
        // The archive answers the next search as ever.
        Assert.Equal(12, f.Archive.Search(new SearchRequest("harvest")).Total);
    }

    [Fact]
    public void A_search_whose_caller_gave_up_stops_without_an_answer()
    {
        using var f = Reports();
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => f.Archive.Search(new SearchRequest("harvest"), gone.Token));
        Assert.Equal(12, f.Archive.Search(new SearchRequest("harvest")).Total);
    }

    [Fact]
    public void A_search_within_its_budget_answers_as_without_one()
    {
        using var f = Reports();
        var bounded = f.Archive.Search(new SearchRequest("harvest fields", Limit: 5));
        var free = f.Archive.Search(new SearchRequest("harvest fields", Limit: 5, Bounds: SearchBounds.None));
        Assert.Equal(free.Total, bounded.Total);
        Assert.Equal(free.Hits.Select(h => (h.Id, h.Snippet)), bounded.Hits.Select(h => (h.Id, h.Snippet)));
    }

    [Fact]
    public void A_huge_article_of_one_repeated_word_is_found_and_snipped_at_once()
    {
        using var f = new ArchiveFixture(backend);
        // 400,000 characters of one word: snippets weighing every match against every other took
        // about a minute for such an article.
        var flood = string.Join(' ', Enumerable.Repeat("juche", 66_000));
        f.Store(f.Page(new PageBuilder(Title: "A long text", Body: [flood], Cards: []).ToString()));
        f.Store(f.Page(new PageBuilder(Title: "A short one", Published: "13/02/2025", Body: ["The juche idea was studied at a seminar."], Cards: []).ToString()));
        var clock = Stopwatch.StartNew();
        var r = f.Archive.Search(new SearchRequest("juche"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(2, r.Total);
        Assert.All(r.Hits, h => Assert.Contains($"{Snippets.MatchStart}juche{Snippets.MatchEnd}", h.Snippet, StringComparison.OrdinalIgnoreCase));
        var longHit = r.Hits.Single(h => h.Title == "A long text");
        Assert.True(longHit.Snippet.Length < 400, longHit.Snippet);
    }

    [Fact]
    public void An_article_matched_only_past_the_snippet_window_shows_its_opening()
    {
        using var f = new ArchiveFixture(backend);
        var padding = new StringBuilder();
        while (padding.Length <= Snippets.Window) padding.Append("The fields were ploughed early this spring. ");
        f.Store(f.Page(new PageBuilder(Title: "Spring work", Body: [padding.ToString(), "At the very end, a tractor factory was named."], Cards: []).ToString()));
        var hit = Assert.Single(f.Archive.Search(new SearchRequest("tractor")).Hits);
        Assert.StartsWith("The fields were ploughed early", Snippets.Plain(hit.Snippet));
        Assert.True(hit.Snippet.Length < 400);
    }

    [Fact]
    public void A_korean_snippet_is_cut_from_the_window_too()
    {
        using var f = new ArchiveFixture(backend);
        // 82,000 characters of Korean: the word sought stands at the start and again past the window.
        var flood = string.Concat(Enumerable.Repeat("인민들이 농장에서 일하였다 ", 5_500));
        f.Store(f.Page(new PageBuilder(Title: "A long Korean text", Body: ["김정은동지께서 농장을 찾으시였다. " + flood + " 김정은동지께서 다시 찾으시였다."], Cards: []).ToString()));
        var hit = Assert.Single(f.Archive.Search(new SearchRequest("김정은")).Hits);
        Assert.StartsWith($"{Snippets.MatchStart}김정은{Snippets.MatchEnd}동지께서", hit.Snippet);
        Assert.True(hit.Snippet.Length < 400);
    }

    [Fact]
    public void A_very_long_korean_article_is_stored_and_found()
    {
        using var f = new ArchiveFixture(backend);
        // 300,000 characters of Korean: written out once a bigram, its index entry would pass the
        // megabyte PostgreSQL takes in one tsvector's text.
        var flood = string.Concat(Enumerable.Repeat("인민들이 농장에서 일하였다 ", 20_000));
        f.Store(f.Page(new PageBuilder(Title: "A very long Korean text", Body: [flood, "마지막에 조국통일을 말하였다."], Cards: []).ToString()));
        Assert.Equal(1, f.Archive.Search(new SearchRequest("농장에서")).Total);
        Assert.Equal(1, f.Archive.Search(new SearchRequest("\"농장에서 일하였다\"")).Total);
        // PostgreSQL keeps a lexeme's positions up to 16,383 only: a Korean word further in, whose
        // bigrams must stand side by side, is found on SQLite alone (docs/postgres.md).
        Assert.Equal(backend == Backend.Sqlite ? 1 : 0, f.Archive.Search(new SearchRequest("조국통일")).Total);
    }

    [Fact]
    public void Source_counts_follow_every_article_stored()
    {
        using var f = Reports();
        var before = f.Archive.Sources().Single(s => s.Source.Label == "Voice of Korea (EN)");
        // Asked again with nothing stored in between, the counts are the same.
        Assert.Equal(before, f.Archive.Sources().Single(s => s.Source.Label == "Voice of Korea (EN)"));
        f.Store(f.Page(new PageBuilder(Title: "A new report", Source: "Voice of Korea (EN)", Published: "01/01/2030", Cards: []).ToString()));
        var after = f.Archive.Sources().Single(s => s.Source.Label == "Voice of Korea (EN)");
        Assert.Equal(before.Articles + 1, after.Articles);
        Assert.Equal(new DateOnly(2030, 1, 1), after.Last);
    }
}

public sealed class SqliteSearchBoundsTests() : SearchBoundsContract(Backend.Sqlite)
{
    // The index's own list of words counts what a prefix stands for (PostgreSQL keeps none).
    [Fact]
    public void A_prefix_that_stands_for_more_words_than_the_bound_is_refused_before_anything_is_searched()
    {
        using var f = new ArchiveFixture(Backend.Sqlite);
        f.Store(f.Page(new PageBuilder(Title: "Alpine altitude", Body: ["The alps, an almond orchard and an alpaca farm at altitude."], Cards: []).ToString()));
        var e = Assert.Throws<QueryException>(() => f.Archive.Search(new SearchRequest("orchard al*", Bounds: SearchBounds.Default with { PrefixTerms = 3 })));
        Assert.Equal("al* matches too many words (more than 3); add letters", e.Message);
        Assert.Equal(1, f.Archive.Search(new SearchRequest("orchard al*", Bounds: SearchBounds.Default with { PrefixTerms = 10 })).Total);
        // A prefix of few words passes whatever the others around it.
        Assert.Equal(1, f.Archive.Search(new SearchRequest("almo* OR al*", Bounds: SearchBounds.Default with { PrefixTerms = 10 })).Total);
        Assert.Throws<QueryException>(() => f.Archive.Search(new SearchRequest("almo* OR AL*", Bounds: SearchBounds.Default with { PrefixTerms = 3 })));
    }

    // Thousands of words beginning with each letter: a prefix of one letter expands to all of them.
    // (PostgreSQL's index answers the same query in about a tenth of a second: too fast to stop half-way.)
    [Fact]
    public void A_running_statement_is_stopped_when_the_budget_runs_out()
    {
        using var f = new ArchiveFixture(Backend.Sqlite);
        var random = new Random(7);
        string Word() => new(Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26))).ToArray());
        using (var import = f.Archive.BeginImport())
        {
            for (var i = 0; i < 400; i++)
                import.Store(f.Page(new PageBuilder(Title: $"Report {i}", Published: $"{1 + i % 28:D2}/02/2025",
                    Body: [string.Join(' ', Enumerable.Range(0, 1500).Select(_ => Word()))], Cards: []).ToString()));
            import.Commit();
        }
        var query = string.Join(' ', Enumerable.Range(0, 26).Select(c => (char)('a' + c) + "*"));
        // Warmed first: the first search of an archive reads what it keeps in memory.
        f.Archive.Search(new SearchRequest("report"));
        var free = Stopwatch.StartNew();
        f.Archive.Search(new SearchRequest(query, Bounds: SearchBounds.None));
        var unbounded = free.Elapsed;
        Assert.True(unbounded > TimeSpan.FromMilliseconds(200), $"unbounded {unbounded}");
        var bounded = Stopwatch.StartNew();
        // The same letters in the other order, so that nothing the first search kept (its count) is of use.
        var reversed = string.Join(' ', query.Split(' ').Reverse());
        Assert.Throws<SearchBudgetException>(() => f.Archive.Search(new SearchRequest(reversed, Bounds: SearchBounds.None with { Budget = TimeSpan.FromMilliseconds(20) })));
        // Stopped inside its statements, long before the search would have ended by itself.
        Assert.True(bounded.Elapsed < unbounded * 0.75, $"unbounded {unbounded}, bounded {bounded.Elapsed}");
    }
}

public sealed class PostgresSearchBoundsTests() : SearchBoundsContract(Backend.Postgres);
