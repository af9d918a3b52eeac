using System.Text.Json;
using Tongsin.Tests.Support;
using Tongsin.Text;

namespace Tongsin.Tests.Cli;

/// <summary>What an imported record's text and dates become: as a reader sees them in an export afterwards.</summary>
public class ImportedTextTests
{
    private static List<JsonElement> Export(string db) =>
        CliRunner.Run("export", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string Json(object o) => JsonSerializer.Serialize(o);

    [Fact]
    public void A_round_trip_keeps_when_each_version_was_recorded()
    {
        using var t = new TempFolder();
        var jsonl = t.Write("old.jsonl", string.Join('\n',
            Json(new
            {
                source = "Voice of Korea (EN)", title = "Edited once", published = "2019-03-01", captured = "2019-03-02", status = "complete",
                body = new[] { "Second text." }, versions = 2, recorded = "2019-03-09T08:07:06Z",
                history = new object[]
                {
                    new { version = 1, title = "Edited once", captured = "2019-03-02", recorded = "2019-03-02T01:02:03Z", body = new[] { "First text." } },
                    new { version = 2, title = "Edited once", captured = "2019-03-09", recorded = "2019-03-09T08:07:06Z", body = new[] { "Second text." } },
                },
            }),
            Json(new { source = "Voice of Korea (EN)", title = "One version", published = "2018-05-01", captured = "2018-05-01", body = new[] { "Only text." }, recorded = "2018-05-01T10:20:30Z" }),
            Json(new { source = "Voice of Korea (EN)", title = "Says nothing of it", published = "2018-05-02", body = new[] { "Text." } })));
        var db = t.File("a.db");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(0, CliRunner.Run("import", "--db", db, jsonl).Exit);
        var first = Export(db);
        var edited = first.Single(r => r.GetProperty("title").GetString() == "Edited once");
        Assert.Equal("2019-03-09T08:07:06Z", edited.GetProperty("recorded").GetString());
        Assert.Equal(["2019-03-02T01:02:03Z", "2019-03-09T08:07:06Z"], edited.GetProperty("history").EnumerateArray().Select(v => v.GetProperty("recorded").GetString()));
        Assert.Equal("2018-05-01T10:20:30Z", first.Single(r => r.GetProperty("title").GetString() == "One version").GetProperty("recorded").GetString());
        // A record that does not say is recorded when it is imported.
        Assert.True(DateTimeOffset.Parse(first.Single(r => r.GetProperty("title").GetString() == "Says nothing of it").GetProperty("recorded").GetString()!) >= before);

        // Exported and imported again, into another archive: the same records, times and all.
        var out1 = CliRunner.Run("export", "--db", db, "--out", t.File("one.jsonl"));
        Assert.Equal(0, out1.Exit);
        Assert.Equal(0, CliRunner.Run("import", "--db", t.File("b.db"), t.File("one.jsonl")).Exit);
        static string WithoutId(JsonElement r)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(r.GetRawText())!.AsObject();
            node.Remove("id");
            return node.ToJsonString();
        }
        Assert.Equal(first.Select(WithoutId), Export(t.File("b.db")).Select(WithoutId));
    }

    [Fact]
    public void A_line_end_inside_a_title_or_paragraph_becomes_a_space()
    {
        using var t = new TempFolder();
        var jsonl = t.Write("lines.jsonl", string.Join('\n',
            Json(new { source = "Voice of Korea (EN)", title = "A title with a comma,\nthen a new line", published = "2025-01-02", body = new[] { "One paragraph,\r\nwritten over\ttwo lines.", "Another\u2028one." } }),
            Json(new { published = "2024-05-01", url = "http://www.kcna.kp/en/article/q/lines.kcmsf", title = "Corpus title,\nover two lines", topic = "", language_hint = "en", body = "A corpus paragraph." })));
        var db = t.File("a.db");

        Assert.Equal(0, CliRunner.Run("import", "--db", db, jsonl).Exit);

        var records = Export(db);
        var vok = records.Single(r => r.GetProperty("source").GetString() == "Voice of Korea (EN)");
        Assert.Equal("A title with a comma, then a new line", vok.GetProperty("title").GetString());
        Assert.Equal(["One paragraph, written over two lines.", "Another one."], vok.GetProperty("body").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(records, r => r.GetProperty("title").GetString() == "Corpus title, over two lines");
        Assert.Contains("A title with a comma, then a new line", CliRunner.Run("search", "--db", db, "comma").Out);
    }

    [Fact]
    public void Bidirectional_overrides_and_isolates_are_taken_out_of_titles_and_text()
    {
        using var t = new TempFolder();
        var jsonl = t.Write("bidi.jsonl", Json(new
        {
            source = "Voice of Korea (EN)", title = "Statement \u202Egnp.exe\u202C of \u2066the\u2069 \u202Aministry\u202B\u202D\u2067\u2068",
            published = "2025-01-02", body = new[] { "Text \u202Ereversed\u202C here, marks \u200Fkept\u200E." }, teaser = "A \u2066teaser\u2069",
        }));
        var page = t.Write("bidi.txt", new PageBuilder(Title: "Page \u202Etitle\u202C", Body: ["A \u2067paragraph\u2069 of the page."]).ToString());
        var db = t.File("a.db");

        Assert.Equal(0, CliRunner.Run("import", "--db", db, jsonl, page).Exit);

        var records = Export(db);
        var record = records.Single(r => r.GetProperty("title").GetString()!.StartsWith("Statement"));
        Assert.Equal("Statement gnp.exe of the ministry", record.GetProperty("title").GetString());
        Assert.Equal("Text reversed here, marks \u200Fkept\u200E.", record.GetProperty("body")[0].GetString());
        Assert.Equal("A teaser", record.GetProperty("teaser").GetString());
        var fromPage = records.Single(r => r.GetProperty("title").GetString()!.StartsWith("Page"));
        Assert.Equal("Page title", fromPage.GetProperty("title").GetString());
        Assert.Equal("A paragraph of the page.", fromPage.GetProperty("body")[0].GetString());
        Assert.All(records, r => Assert.DoesNotMatch("[\u202A-\u202E\u2066-\u2069]", r.GetRawText()));
    }

    [Theory]
    [InlineData("0001-01-01", "'published' is 0001-01-01, outside the years 1900 to 2200")]
    [InlineData("1899-12-31", "'published' is 1899-12-31, outside the years 1900 to 2200")]
    [InlineData("2201-01-01", "'published' is 2201-01-01, outside the years 1900 to 2200")]
    [InlineData("9999-12-31", "'published' is 9999-12-31, outside the years 1900 to 2200")]
    public void A_publication_year_outside_what_search_takes_is_invalid(string published, string message)
    {
        using var t = new TempFolder();
        var jsonl = t.Write("years.jsonl", string.Join('\n',
            Json(new { source = "Voice of Korea (EN)", title = "First year", published = "1900-01-01", body = new[] { "Text." } }),
            Json(new { source = "Voice of Korea (EN)", title = "Out of range", published, body = new[] { "Text." } }),
            Json(new { published, url = "http://www.kcna.kp/en/article/q/y.kcmsf", title = "Corpus out of range", topic = "", language_hint = "en", body = "Text." }),
            Json(new { source = "Voice of Korea (EN)", title = "Last year", published = "2200-12-31", body = new[] { "Text." } })));
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, jsonl);

        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 2 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("years.jsonl:2: invalid: " + message, r.Error);
        Assert.Contains("years.jsonl:3: invalid: " + message, r.Error);
        // What was imported can be asked for by its dates, at both ends of the range.
        Assert.Contains("\"First year\"", CliRunner.Run("export", "--db", db, "--to", "1900-01-01").Out);
        Assert.Contains("\"Last year\"", CliRunner.Run("export", "--db", db, "--from", "2200-12-31").Out);
        Assert.False(Dates.TryParseBound(published, start: true, out _));
    }
}
