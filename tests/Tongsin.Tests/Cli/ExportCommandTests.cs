using System.Text.Json;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class ExportCommandTests
{
    private static string ArchiveOfFixtures(TempFolder t)
    {
        var db = t.File("a.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, Fixtures.Folder).Exit);
        return db;
    }

    private static List<JsonElement> Records(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Jsonl_has_one_record_per_article_and_stub_with_every_key()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var records = Records(CliRunner.Run("export", "--db", db).Out);
        Assert.Equal(41, records.Count);
        foreach (var key in new[] { "id", "source", "outlet", "language", "title", "published", "captured", "url", "status", "teaser", "body", "versions" })
            Assert.All(records, r => Assert.True(r.TryGetProperty(key, out _), key));

        var vok = Assert.Single(records, r => r.GetProperty("title").GetString() == "Korean Revolution | National Meeting Reviews First Quarter");
        Assert.Equal("Voice of Korea (EN)", vok.GetProperty("source").GetString());
        Assert.Equal("Voice of Korea", vok.GetProperty("outlet").GetString());
        Assert.Equal("en", vok.GetProperty("language").GetString());
        Assert.Equal("2026-04-01", vok.GetProperty("published").GetString());
        Assert.Equal("2026-04-02", vok.GetProperty("captured").GetString());
        Assert.Equal(JsonValueKind.Null, vok.GetProperty("url").ValueKind);
        Assert.Equal("complete", vok.GetProperty("status").GetString());
        Assert.Equal(6, vok.GetProperty("body").GetArrayLength());
        Assert.Equal(1, vok.GetProperty("versions").GetInt32());

        var stub = Assert.Single(records, r => r.GetProperty("title").GetString() == "온실농장에서 첫 수확");
        Assert.Equal("stub", stub.GetProperty("status").GetString());
        Assert.Equal("ko", stub.GetProperty("language").GetString());
        Assert.Equal(0, stub.GetProperty("body").GetArrayLength());
        Assert.StartsWith("새로 일떠선", stub.GetProperty("teaser").GetString());

        var dates = records.Select(r => r.GetProperty("published").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public void Filters_by_source_and_dates()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var vok = Records(CliRunner.Run("export", "--db", db, "--source", "Voice of Korea (EN)").Out);
        Assert.Equal(14, vok.Count);
        Assert.All(vok, r => Assert.Equal("Voice of Korea (EN)", r.GetProperty("source").GetString()));
        Assert.Equal(14, Records(CliRunner.Run("export", "--db", db, "--source", "voice-of-korea-en").Out).Count);
        Assert.Equal(14, Records(CliRunner.Run("export", "--db", db, "--source", "VOK").Out).Count);

        var march = Records(CliRunner.Run("export", "--db", db, "--from", "2026-03-01", "--to", "2026-03-31").Out);
        Assert.NotEmpty(march);
        Assert.All(march, r => Assert.StartsWith("2026-03", r.GetProperty("published").GetString()));
        Assert.Equal(march.Count, Records(CliRunner.Run("export", "--db", db, "--from", "2026-03", "--to", "2026-03").Out).Count);
    }

    [Theory]
    [InlineData("--source", "Nonexistent Gazette (EN)", "unknown source")]
    [InlineData("--from", "2026-13-01", "is not a date")]
    [InlineData("--from", "yesterday", "is not a date")]
    [InlineData("--format", "xml", "xml")]
    public void Bad_options_are_a_usage_error(string option, string value, string message)
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var r = CliRunner.Run("export", "--db", db, option, value);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void A_round_trip_through_jsonl_loses_nothing()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        // A second version, so history is part of the round trip.
        var edited = Fixtures.Text("kcna-no-related.txt").Replace("May 10, 2025May 10, 2025", "May 20, 2025May 20, 2025")
            .Replace("strong defence capabilities.", "strong defence capabilities, it said.");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, t.Write("edited.txt", edited)).Exit);

        var first = CliRunner.Run("export", "--db", db, "--out", t.File("one.jsonl"));
        Assert.Equal(0, first.Exit);
        var imported = CliRunner.Run("import", "--db", t.File("b.db"), t.File("one.jsonl"));
        Assert.Equal(0, imported.Exit);
        Assert.Contains("1 files: 4 new, 0 updated, 0 unchanged, 37 stubs, 0 failed", imported.Out);
        CliRunner.Run("export", "--db", t.File("b.db"), "--out", t.File("two.jsonl"));

        // Every key but the archive's own id comes back the same, when each version was recorded too.
        static string WithoutIds(string line)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            node.Remove("id");
            return node.ToJsonString();
        }
        var one = File.ReadAllLines(t.File("one.jsonl")).Select(WithoutIds).Order().ToList();
        var two = File.ReadAllLines(t.File("two.jsonl")).Select(WithoutIds).Order().ToList();
        Assert.Equal(41, one.Count);
        Assert.Equal(one, two);
        var history = Records(File.ReadAllText(t.File("two.jsonl"))).Single(r => r.GetProperty("versions").GetInt32() == 2);
        Assert.Equal(2, history.GetProperty("history").GetArrayLength());
        Assert.Equal("2025-05-20", history.GetProperty("history")[1].GetProperty("captured").GetString());
    }

    [Fact]
    public void Csv_quotes_fields_and_has_a_header()
    {
        using var t = new TempFolder();
        var db = ArchiveOfFixtures(t);
        var r = CliRunner.Run("export", "--db", db, "--format", "csv", "--source", "voice-of-korea-en");
        Assert.Equal(0, r.Exit);
        Assert.StartsWith("id,source,outlet,language,title,published,captured,url,status,teaser,body,versions,removed\r\n", r.Out);
        Assert.Contains(",\"Korean Revolution | National Meeting Reviews First Quarter\",".Replace("\"Korean", "Korean").Replace("Quarter\"", "Quarter"), r.Out);
        Assert.Contains("\"A national meeting was held in Pyongyang on April 1 to review the achievements of the first quarter of the year.\n\nDate: 1 April", r.Out);
    }

    [Fact]
    public void Csv_keeps_spreadsheets_from_running_formulas_but_leaves_dash_led_prose_alone()
    {
        using var t = new TempFolder();
        string[] titles =
        [
            "- a dash-led title",
            "+ a plus-led title",
            "-2+3+cmd|' /C calc'!A0",
            "+1 more harvest",
            "=HYPERLINK(\"http://x.example\",\"click\")",
            "@SUM(1+1)",
        ];
        for (var i = 0; i < titles.Length; i++)
            t.Write($"pages/{i}.txt", $"""
                March 2, 2026Mar 2, 2026
                KCNA Voice of Korea (EN)

                {titles[i]}

                Date: {i + 1:00}/03/2026 | Source: Voice of Korea (EN)

                - the first point of a list, in the body

                A second paragraph.

                More Articles
                """);
        var db = t.File("a.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, t.File("pages")).Exit);

        var r = CliRunner.Run("export", "--db", db, "--format", "csv");
        Assert.Equal(0, r.Exit);
        // Prose that opens with a dash or a plus and a space is written as it is.
        Assert.Contains(",- a dash-led title,", r.Out);
        Assert.Contains(",+ a plus-led title,", r.Out);
        Assert.Contains(",\"- the first point of a list, in the body\n\nA second paragraph.\",", r.Out);
        // What a spreadsheet would run gets a quote mark in front.
        Assert.Contains(",'-2+3+cmd|' /C calc'!A0,", r.Out);
        Assert.Contains(",'+1 more harvest,", r.Out);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",", r.Out);
        Assert.Contains(",'@SUM(1+1),", r.Out);
        Assert.DoesNotContain("'- ", r.Out);
        Assert.DoesNotContain("'+ ", r.Out);
    }
}
