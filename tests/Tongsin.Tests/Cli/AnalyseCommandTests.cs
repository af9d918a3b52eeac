using Tongsin.Analysis;
using Tongsin.Analysis.Lengths;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class AnalyseCommandTests
{
    [Fact]
    public void An_import_brings_the_analysers_up_to_date_and_analyse_does_again_by_hand()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        var import = CliRunner.Run("import", "--db", db, Fixtures.Folder);
        Assert.Equal(0, import.Exit);
        var articles = int.Parse(System.Text.RegularExpressions.Regex.Match(import.Out, @"(\d+) new").Groups[1].Value);
        Assert.Contains($"lengths (revision 1): rebuilt, {articles:N0} articles analysed, {articles:N0} rows written", import.Out);

        // Up to date: nothing to do.
        var idle = CliRunner.Run("analyse", "--db", db);
        Assert.Equal(0, idle.Exit);
        var lines = idle.Out.Trim().Split('\n');
        Assert.Equal("lengths (revision 1): 0 articles analysed, 0 rows written", lines[0]);
        Assert.Matches(@"^reprints \(revision \d+\): 0 articles analysed, 0 rows written$", lines[1]);
        Assert.Matches(@"^mentions \(revision \d+\): 0 articles analysed, 0 rows written$", lines[2]);
        Assert.Equal("statements (revision 1): 0 articles analysed, 0 rows written", lines[3]);
        Assert.Matches(@"^appearances \(revision \d+\): 0 articles analysed, 0 rows written$", lines[4]);
        Assert.Equal("rhetoric (revision 1): 0 articles analysed, 0 rows written", lines[5]);
        Assert.StartsWith("reprint clusters: 0 articles taken in", lines[6]);

        var rebuilt = CliRunner.Run("analyse", "--db", db, "--rebuild", "--only", "lengths");
        Assert.Equal(0, rebuilt.Exit);
        Assert.Equal($"lengths (revision 1): rebuilt, {articles:N0} articles analysed, {articles:N0} rows written", rebuilt.Out.Trim());

        // The same import again changes nothing, and says nothing of the analysers.
        var again = CliRunner.Run("import", "--db", db, Fixtures.Folder);
        Assert.DoesNotContain("lengths", again.Out);
    }

    [Fact]
    public void An_unknown_analyser_is_a_usage_error_and_a_missing_archive_is_named()
    {
        using var t = new TempFolder();
        var unknown = CliRunner.Run("analyse", "--db", t.File("a.db"), "--only", "trends");
        Assert.Equal(2, unknown.Exit);
        Assert.Equal("error: --only 'trends' is not an analyser; there are: lengths, reprints, mentions, statements, appearances, rhetoric", unknown.Error.Trim().Split('\n')[0]);
        var missing = CliRunner.Run("analyse", "--db", t.File("none.db"));
        Assert.Equal(3, missing.Exit);
        Assert.Contains("no archive at", missing.Error);
    }

    [Theory]
    [InlineData("Kim Jong Un inspected the Workers' Party school.", 8)]
    [InlineData("Jong-un, 2024: a new plan!", 5)]
    [InlineData("김정은동지께서 공장을 현지지도하시였다.", 3)]
    [InlineData("  -- ", 0)]
    public void Words_are_runs_of_letters_or_digits(string text, int words) => Assert.Equal(words, ArticleLengths.Words(text));

    [Fact]
    public void An_article_length_counts_its_title_and_paragraphs()
    {
        var row = Assert.Single(new ArticleLengths().Analyse(new ArticleText(1, 1, "kcna-en", "en", new DateOnly(2025, 2, 12), "Seminar held", ["The juche idea was studied.", "조선의 소리"])));
        Assert.Equal(ArticleLengths.Table, row.Table);
        // The row's values are an anonymous object of the engine's: compared by what they serialise to.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new { paragraphs = 2, words = 2 + 5 + 2, characters = 12 + 27 + 6 }),
            System.Text.Json.JsonSerializer.Serialize(row.Values));
    }
}
