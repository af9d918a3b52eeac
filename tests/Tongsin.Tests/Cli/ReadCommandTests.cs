using System.Text.Json;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class ReadCommandTests
{
    /// <summary>An archive of the project's fixture pages, imported by the command line.</summary>
    internal static string ArchiveOfFixtures(TempFolder t)
    {
        var db = t.File("a.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, Fixtures.Folder).Exit);
        return db;
    }

    [Fact]
    public void Search_prints_hits_with_title_source_date_and_snippet()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var r = CliRunner.Run("search", "--db", db, "unilateral", "sanctions");
        Assert.Equal(0, r.Exit);
        Assert.Contains("matches for unilateral sanctions", r.Out);
        Assert.Contains("Spokesman for DPRK Foreign Ministry Slams U.S. Sanctions Move", r.Out);
        Assert.Contains("Ministry of Foreign Affairs (EN) · 2024-11-14", r.Out);
        Assert.Contains("unilateral sanctions", r.Out);
    }

    [Fact]
    public void Search_json_has_the_promised_keys_and_filters_apply()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var r = CliRunner.Run("search", "--db", db, "\"first quarter\"", "--json", "--source", "Voice of Korea (EN)", "--lang", "en", "--from", "2026-01-01");
        Assert.Equal(0, r.Exit);
        var hits = JsonDocument.Parse(r.Out).RootElement;
        Assert.True(hits.GetArrayLength() >= 2);
        foreach (var hit in hits.EnumerateArray())
        {
            foreach (var key in new[] { "id", "title", "source", "published", "snippet" }) Assert.True(hit.TryGetProperty(key, out _), key);
            Assert.Equal("Voice of Korea (EN)", hit.GetProperty("source").GetString());
            Assert.Contains("first quarter", hit.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal("[]", CliRunner.Run("search", "--db", db, "\"first quarter\"", "--json", "--to", "2020").Out.Trim());
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\"\"")]
    public void An_empty_query_is_a_usage_error(string query)
    {
        using var t = new TempFolder();
        var r = CliRunner.Run("search", "--db", ArchiveOfFixtures(t), query);
        Assert.Equal(2, r.Exit);
        Assert.StartsWith("error: the ", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Show_prints_an_article_and_its_json()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var id = JsonDocument.Parse(CliRunner.Run("search", "--db", db, "greenhouse", "현지지도하시였다", "--json").Out).RootElement.EnumerateArray()
            .Select(h => h.GetProperty("id").GetInt64()).FirstOrDefault();
        id = id != 0 ? id : JsonDocument.Parse(CliRunner.Run("search", "--db", db, "현지지도에는", "--json").Out).RootElement[0].GetProperty("id").GetInt64();

        var text = CliRunner.Run("show", "--db", db, id.ToString());
        Assert.Equal(0, text.Exit);
        Assert.StartsWith("경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다", text.Out);
        Assert.Contains("Date: 05/03/2026 | Source: Rodong Sinmun (KO)", text.Out);
        Assert.Contains("현지지도에는 조선로동당 중앙위원회 비서들이 동행하였다.", text.Out);

        var json = JsonDocument.Parse(CliRunner.Run("show", "--db", db, id.ToString(), "--json").Out).RootElement;
        Assert.Equal(id, json.GetProperty("id").GetInt64());
        Assert.Equal(4, json.GetProperty("body").GetArrayLength());
        Assert.Equal(1, json.GetProperty("versions").GetInt32());
        Assert.Equal(1, json.GetProperty("history").GetArrayLength());

        var missing = CliRunner.Run("show", "--db", db, "999999");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("error: no article with id 999999", missing.Error.Trim());
        Assert.Equal(2, CliRunner.Run("show", "--db", db, "abc").Exit);
    }

    [Fact]
    public void Sources_and_stats_describe_the_archive()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var sources = CliRunner.Run("sources", "--db", db).Out;
        Assert.Matches(@"Voice of Korea \(EN\)\s+voice-of-korea-en\s+1\s+13\s+2026-03-23\s+2026-04-02", sources);
        Assert.Matches(@"Rodong Sinmun \(KO\)\s+rodong-sinmun-ko\s+1\s+12", sources);
        var stats = CliRunner.Run("stats", "--db", db).Out;
        Assert.Contains("articles:  4", stats);
        Assert.Contains("stubs:     37", stats);
        Assert.Contains("sources:   4", stats);
    }

    [Fact]
    public void The_archive_comes_from_db_option_then_environment_then_default()
    {
        using var t = new TempFolder();
        var env = new Dictionary<string, string?> { ["TONGSIN_DB"] = t.File("env.db") };
        Assert.Equal(0, CliRunner.Run(env, "import", Fixtures.Page("kcna-no-related.txt")).Exit);
        Assert.True(File.Exists(t.File("env.db")));
        Assert.Contains("articles:  1", CliRunner.Run(env, "stats").Out);

        var home = new Dictionary<string, string?> { ["HOME"] = t.Path };
        Assert.Equal(0, CliRunner.Run(home, "import", Fixtures.Page("kcna-no-related.txt")).Exit);
        Assert.True(File.Exists(Path.Combine(t.Path, ".local", "share", "tongsin", "tongsin.db")));

        var missing = CliRunner.Run("stats", "--db", t.File("nothing-here.db"));
        Assert.Equal(3, missing.Exit);
        Assert.Contains("no archive at", missing.Error);
        Assert.False(File.Exists(t.File("nothing-here.db")));
    }

    [Fact]
    public void Korean_spellings_fold_unless_asked_not_to()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        Assert.Contains("로동자들의 기술혁신운동", CliRunner.Run("search", "--db", db, "노동자").Out);
        Assert.Contains("0 matches", CliRunner.Run("search", "--db", db, "노동자", "--exact-korean").Out);
    }
}
