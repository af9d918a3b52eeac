using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class SearchBoundsCommandTests
{
    [Fact]
    public void A_prefix_of_too_many_words_is_refused_and_a_flag_allows_more()
    {
        using var t = new TempFolder();
        var db = ReadCommandTests.ArchiveOfFixtures(t);
        var refused = CliRunner.Run("search", "--db", db, "s*", "--prefix-words", "3");
        Assert.Equal(2, refused.Exit);
        Assert.Equal("error: s* matches too many words (more than 3); add letters", refused.Error.Trim());
        Assert.Equal("", refused.Out);
        var allowed = CliRunner.Run("search", "--db", db, "s*", "--prefix-words", "0");
        Assert.Equal(0, allowed.Exit);
        Assert.Contains("matches for s*", allowed.Out);
    }

    [Fact]
    public void A_search_past_its_budget_stops_with_exit_2_and_says_so()
    {
        using var t = new TempFolder();
        var db = ReadCommandTests.ArchiveOfFixtures(t);
        var stopped = CliRunner.Run("search", "--db", db, "sanctions", "--budget", "0.000001");
        Assert.Equal(2, stopped.Exit);
        Assert.StartsWith("error: the search ran past its budget of 0 s", stopped.Error.Trim());
        Assert.Equal(0, CliRunner.Run("search", "--db", db, "sanctions", "--budget", "0").Exit);
        var bad = CliRunner.Run("search", "--db", db, "sanctions", "--budget", "-1");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--budget must be a number of seconds", bad.Error);
    }

    [Fact]
    public void A_query_with_a_control_character_is_refused()
    {
        using var t = new TempFolder();
        var db = ReadCommandTests.ArchiveOfFixtures(t);
        var r = CliRunner.Run("search", "--db", db, "korea\u0001");
        Assert.Equal(2, r.Exit);
        Assert.Equal("error: the query holds a control character (U+0001) at position 6", r.Error.Trim());
    }
}
