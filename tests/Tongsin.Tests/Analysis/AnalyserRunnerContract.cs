using Tongsin.Analysis;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Analysis;

/// <summary>
/// The analyser runner, the same on every backend: a first run builds an analyser's table from
/// the whole archive, later runs take in what changed, a run stopped half-way resumes without
/// counting anything twice, and a new revision rebuilds.
/// </summary>
public abstract class AnalyserRunnerContract(Backend backend)
{
    /// <summary>Counts each paragraph's words: one row a paragraph. Fails on the title it is told to, as a crash would.</summary>
    private sealed class ParagraphWords(int revision = 1, string? failOn = null, int factor = 1) : IAnalyser
    {
        public static readonly DerivedTable Table = new("test_paragraph_words", [("paragraph", "integer"), ("words", "integer"), ("source", "text")]);

        public string Name => "paragraph-words";
        public int Revision => revision;
        public IReadOnlyList<DerivedTable> Tables => [Table];
        public List<long> Seen { get; } = [];

        public IEnumerable<DerivedRow> Analyse(ArticleText article)
        {
            if (article.Title == failOn) throw new InvalidOperationException("stopped half-way");
            Seen.Add(article.ArticleId);
            return article.Paragraphs.Select((p, i) => new DerivedRow(Table,
                new { paragraph = i, words = factor * p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, source = article.SourceSlug }));
        }
    }

    private static ArchiveFixture Reports(Backend backend, int count)
    {
        var f = new ArchiveFixture(backend);
        using var s = f.Archive.BeginImport();
        for (var i = 0; i < count; i++)
            s.Store(f.Page(new PageBuilder(Title: $"Report {i}", Published: $"{1 + i:D2}/02/2025", Body: [$"One two three {i}.", "Four five."],
                Cards: i == 0 ? [("A card", "Its teaser.", "February 1, 2025")] : []).ToString()));
        s.Commit();
        return f;
    }

    private static List<(long Article, int Paragraph, int Words)> Rows(ArchiveFixture f)
    {
        using var c = f.Archive.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT article_id, paragraph, words FROM test_paragraph_words ORDER BY article_id, paragraph";
        using var r = cmd.ExecuteReader();
        var rows = new List<(long, int, int)>();
        while (r.Read()) rows.Add((r.GetInt64(0), Convert.ToInt32(r.GetValue(1)), Convert.ToInt32(r.GetValue(2))));
        return rows;
    }

    private static long Scalar(ArchiveFixture f, string sql) => Convert.ToInt64(f.Scalar(sql));

    [Fact]
    public void A_first_run_builds_from_every_article_and_later_runs_take_in_only_what_changed()
    {
        using var f = Reports(backend, 7);
        var analyser = new ParagraphWords();
        var run = Assert.Single(new AnalyserRunner(f.Archive, [analyser], batch: 3).Run());
        Assert.True(run.Rebuilt);
        Assert.Equal(7, run.Articles);
        Assert.Equal(14, Rows(f).Count);
        // A stub has no text to analyse.
        Assert.Equal(7, analyser.Seen.Count);
        Assert.Equal(Scalar(f, "SELECT max(seq) FROM article_changes"), run.Watermark);

        // Nothing changed: nothing analysed.
        var idle = new ParagraphWords();
        Assert.Equal(0, new AnalyserRunner(f.Archive, [idle]).Run()[0].Articles);
        Assert.Empty(idle.Seen);

        // An edited article and a new one: only they are analysed, and the edited one's rows are replaced.
        f.Store(f.Page(new PageBuilder(Title: "Report 3", Published: "04/02/2025", Body: ["One two three four five six seven."], Cards: []).ToString()));
        f.Store(f.Page(new PageBuilder(Title: "Report 9", Published: "20/02/2025", Body: ["Nine."], Cards: []).ToString()));
        var later = new ParagraphWords();
        var next = new AnalyserRunner(f.Archive, [later]).Run()[0];
        Assert.False(next.Rebuilt);
        Assert.Equal(2, later.Seen.Count);
        var ids = f.All().ToDictionary(h => h.Article.Title, h => h.Article.Id);
        Assert.Equal([(ids["Report 3"], 0, 7)], Rows(f).Where(r => r.Article == ids["Report 3"]));
        Assert.Equal([(ids["Report 9"], 0, 1)], Rows(f).Where(r => r.Article == ids["Report 9"]));
        Assert.Equal(14 - 2 + 1 + 1, Rows(f).Count);
    }

    [Fact]
    public void A_run_stopped_half_way_resumes_where_it_was_and_counts_nothing_twice()
    {
        using var f = Reports(backend, 10);
        // The rebuild stops at the seventh article, after two batches of three were committed.
        Assert.Throws<InvalidOperationException>(() => new AnalyserRunner(f.Archive, [new ParagraphWords(failOn: "Report 6")], batch: 3).Run());
        Assert.Equal(12, Rows(f).Count);

        var resumed = new ParagraphWords();
        var run = new AnalyserRunner(f.Archive, [resumed], batch: 3).Run()[0];
        // Only the articles the stopped run had not committed are analysed again.
        Assert.Equal(4, resumed.Seen.Count);
        Assert.Equal(20, Rows(f).Count);
        Assert.Equal(Rows(f).Distinct().Count(), Rows(f).Count);

        // The same for what changed after the rebuild: stopped in the middle, then resumed.
        for (var i = 10; i < 16; i++)
            f.Store(f.Page(new PageBuilder(Title: $"Report {i}", Published: $"{1 + i:D2}/02/2025", Body: ["A b c."], Cards: []).ToString()));
        Assert.Throws<InvalidOperationException>(() => new AnalyserRunner(f.Archive, [new ParagraphWords(failOn: "Report 14")], batch: 2).Run());
        var after = new ParagraphWords();
        new AnalyserRunner(f.Archive, [after], batch: 2).Run();
        Assert.Equal(2, after.Seen.Count);
        Assert.Equal(26, Rows(f).Count);
        Assert.Equal(Rows(f).Distinct().Count(), Rows(f).Count);
    }

    [Fact]
    public void A_new_revision_rebuilds_the_tables_from_the_whole_archive()
    {
        using var f = Reports(backend, 4);
        new AnalyserRunner(f.Archive, [new ParagraphWords()]).Run();
        Assert.All(Rows(f).Where(r => r.Paragraph == 1), r => Assert.Equal(2, r.Words));

        var revised = new ParagraphWords(revision: 2, factor: 10);
        var run = new AnalyserRunner(f.Archive, [revised]).Run()[0];
        Assert.True(run.Rebuilt);
        Assert.Equal(4, revised.Seen.Count);
        Assert.Equal(8, Rows(f).Count);
        Assert.All(Rows(f).Where(r => r.Paragraph == 1), r => Assert.Equal(20, r.Words));
        Assert.Equal(2L, Scalar(f, "SELECT revision FROM analyser_state WHERE name = 'paragraph-words'"));

        // Asked for by hand, a rebuild at the same revision does it all again, without doubling a row.
        var again = new ParagraphWords(revision: 2, factor: 10);
        Assert.True(new AnalyserRunner(f.Archive, [again]).Run(rebuild: true)[0].Rebuilt);
        Assert.Equal(4, again.Seen.Count);
        Assert.Equal(8, Rows(f).Count);
    }

    [Fact]
    public void An_unknown_analyser_is_named_in_the_error()
    {
        using var f = Reports(backend, 1);
        var e = Assert.Throws<ArgumentException>(() => new AnalyserRunner(f.Archive, [new ParagraphWords()]).Run(only: "mentions"));
        Assert.Equal("there is no analyser 'mentions'; there are: paragraph-words", e.Message);
    }
}

public sealed class SqliteAnalyserRunnerContract() : AnalyserRunnerContract(Backend.Sqlite);

public sealed class PostgresAnalyserRunnerContract() : AnalyserRunnerContract(Backend.Postgres);
