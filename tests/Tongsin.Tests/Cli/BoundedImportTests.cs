using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

/// <summary>
/// Input past the import's limits, and gzip cut short: the item is refused with one line naming the
/// file (and line), the rest of the batch goes in, and the exit status is 1.
/// </summary>
public class BoundedImportTests
{
    private static string Record(string title, string published = "2025-01-02", params string[] body) =>
        JsonSerializer.Serialize(new { source = "Voice of Korea (EN)", title, published, body = body.Length == 0 ? ["Text of " + title + "."] : body });

    private static List<JsonElement> Export(string db) =>
        CliRunner.Run("export", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static List<string> Titles(string db) => Export(db).Select(r => r.GetProperty("title").GetString()!).Order(StringComparer.Ordinal).ToList();

    private static string ErrorLine(CliResult r) => Assert.Single(r.Error.Split('\n'), l => l.StartsWith("error: "));

    /// <summary>Writes <paramref name="bytes"/> of <paramref name="fill"/> through gzip, a megabyte at a time, after <paramref name="head"/>.</summary>
    private static string Bomb(TempFolder t, string name, long bytes, byte fill = (byte)'\n', string head = "")
    {
        var path = t.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(head));
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, fill);
        for (var left = bytes; left > 0; left -= chunk.Length) gzip.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        return path;
    }

    private static byte[] Gzip(string text)
    {
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return packed.ToArray();
    }

    [Fact]
    public void A_gzip_bomb_is_refused_once_it_unpacks_past_the_page_limit()
    {
        using var t = new TempFolder();
        // 200 MB of newlines pack into about 200 KB; the default limit stops the reading at 64 MB.
        var bomb = Bomb(t, "bomb.txt.gz", 200L << 20);
        Assert.True(new FileInfo(bomb).Length < 1 << 20);
        var good = t.Write("good.txt", new PageBuilder(Title: "A Good Page Beside The Bomb").ToString());
        var db = t.File("a.db");

        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run("import", "--db", db, bomb, good);
        clock.Stop();

        Assert.Equal(1, r.Exit);
        Assert.Contains("2 files: 1 new, 0 updated, 0 unchanged, 2 stubs, 1 failed", r.Out);
        Assert.EndsWith("bomb.txt.gz: too large: the page unpacks past 64 MB", ErrorLine(r));
        Assert.Equal(["A Good Page Beside The Bomb", "Exhibition of Paintings Opens", "Factory Completes Renovation"], Titles(db));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void The_page_limit_is_an_option_and_holds_for_plain_pages_too()
    {
        using var t = new TempFolder();
        var body = Enumerable.Range(1, 3000).Select(i => $"Paragraph {i} of a long but real page, written out to pass a small limit on purpose.").ToArray();
        var big = t.Write("big.txt", new PageBuilder(Title: "A Page Of Three Hundred KB", Body: body).ToString());
        var packed = t.Write("big.txt.gz", Gzip(new PageBuilder(Title: "The Same Page Packed", Body: body).ToString()));
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, "--max-page-mb", "1", big, packed);
        Assert.Equal(0, r.Exit);
        Assert.Contains("2 files: 2 new", r.Out);

        var small = CliRunner.Run("import", "--db", t.File("b.db"), "--max-page-mb", "1", Bomb(t, "two-mb.txt.gz", 2L << 20),
            t.Write("two-mb.txt", new string('\n', 2 << 20)), big);
        Assert.Equal(1, small.Exit);
        Assert.Contains("3 files: 1 new, 0 updated, 0 unchanged, 2 stubs, 2 failed", small.Out);
        Assert.Contains("two-mb.txt.gz: too large: the page unpacks past 1 MB", small.Error);
        Assert.Contains("two-mb.txt: too large: the page is past 1 MB (2 MB)", small.Error);

        var usage = CliRunner.Run("import", "--db", t.File("c.db"), "--max-page-mb", "0", big);
        Assert.Equal(2, usage.Exit);
        Assert.Contains("--max-page-mb must be between 1 and 4096, not 0", usage.Error);
    }

    [Fact]
    public void An_over_long_jsonl_line_is_refused_and_the_lines_after_it_go_in()
    {
        using var t = new TempFolder();
        var longTitle = new string('x', 3 << 20);
        var jsonl = t.Write("long.jsonl", string.Join('\n', Record("First"), Record(longTitle), Record("Third")) + "\n");
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, "--max-record-mb", "1", jsonl);

        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 2 new, 0 updated, 0 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.EndsWith("long.jsonl:2: too large: the line is longer than 1 MB", ErrorLine(r));
        Assert.Equal(["First", "Third"], Titles(db));
    }

    [Fact]
    public void A_packed_line_past_the_default_limit_is_refused_after_reading_that_much()
    {
        using var t = new TempFolder();
        // A line of 40 MB, with no line end, after one good record: refused at 16 MB, the rest skipped unread.
        var jsonl = Bomb(t, "huge.jsonl.gz", 40L << 20, (byte)'a', Record("Before the huge line") + "\n{\"title\": \"");
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, jsonl);

        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 1 new, 0 updated, 0 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.EndsWith("huge.jsonl.gz:2: too large: the line is longer than 16 MB", ErrorLine(r));
        Assert.Equal(["Before the huge line"], Titles(db));
    }

    [Fact]
    public void An_article_of_too_many_paragraphs_is_refused_alone()
    {
        using var t = new TempFolder();
        var many = Enumerable.Range(1, 5001).Select(i => $"Paragraph {i}.").ToArray();
        var jsonl = t.Write("many.jsonl", string.Join('\n', Record("Many", "2025-01-02", many), Record("Few")));
        var page = t.Write("many.txt", new PageBuilder(Title: "A Page Of Many Paragraphs", Body: many).ToString());
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, jsonl, page);

        Assert.Equal(1, r.Exit);
        Assert.Contains("2 files: 1 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("error: " + jsonl + ":1: too large: the article has 5,001 paragraphs, past the limit of 5,000", r.Error);
        Assert.Contains("error: " + page + ": too large: the article has 5,001 paragraphs, past the limit of 5,000", r.Error);
        Assert.Equal(["Few"], Titles(db));

        // 5,000 is allowed, and the limit is an option.
        Assert.Equal(0, CliRunner.Run("import", "--db", t.File("b.db"), t.Write("five.jsonl", Record("Five thousand", "2025-01-02", many[..5000]))).Exit);
        var lower = CliRunner.Run("import", "--db", t.File("c.db"), "--max-paragraphs", "2", t.Write("three.jsonl", Record("Three", "2025-01-02", "a", "b", "c")));
        Assert.Equal(1, lower.Exit);
        Assert.Contains("three.jsonl:1: too large: the article has 3 paragraphs, past the limit of 2", lower.Error);
    }

    [Fact]
    public void An_article_of_too_long_a_text_is_refused_alone()
    {
        using var t = new TempFolder();
        var longText = string.Concat(Enumerable.Repeat("The text of an article far longer than any the outlets publish. ", 40_000));
        var jsonl = t.Write("long.jsonl", string.Join('\n', Record("Long", "2025-01-02", longText), Record("Short")));
        var corpus = t.Write("corpus.jsonl", JsonSerializer.Serialize(new
        {
            published = "2024-05-01", url = "http://www.kcna.kp/en/article/q/long.kcmsf", title = "A corpus record too long",
            topic = "", language_hint = "en", body = longText,
        }));
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, jsonl, corpus);

        Assert.Equal(1, r.Exit);
        Assert.Contains("2 files: 1 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("long.jsonl:1: too large: the article's text is 2.4 MB, past the limit of 2 MB", r.Error);
        Assert.Contains("corpus.jsonl:1: too large: the article's text is 2.4 MB, past the limit of 2 MB", r.Error);
        Assert.Equal(["Short"], Titles(db));

        var lower = CliRunner.Run("import", "--db", t.File("b.db"), "--max-text-kb", "1", t.Write("two-kb.jsonl", Record("Two KB", "2025-01-02", new string('a', 2048))));
        Assert.Equal(1, lower.Exit);
        Assert.Contains("two-kb.jsonl:1: too large: the article's text is 2 KB, past the limit of 1 KB", lower.Error);
    }

    [Fact]
    public void A_page_of_too_many_lines_or_tags_is_refused_before_it_is_taken_apart()
    {
        using var t = new TempFolder();
        var lines = t.Write("lines.txt", new PageBuilder(Title: "Lines", Body: Enumerable.Repeat("a.", 7000).ToArray()).ToString());
        var tags = t.Write("tags.html", "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"http://www.kcna.kp/en/article/q/x.kcmsf\"></head><body>"
            + string.Concat(Enumerable.Repeat("<p>a</p>", 100_001)) + "</body></html>");
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, lines, tags, Fixtures.Page("kcna-no-related.txt"));

        Assert.Equal(1, r.Exit);
        Assert.Contains("3 files: 1 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("error: " + lines + ": too large: the page has more than 6,000 lines of text", r.Error);
        Assert.Contains("error: " + tags + ": too large: the page holds more than 200,000 tags", r.Error);
    }

    private static string FortyEightRecords() =>
        string.Concat(Enumerable.Range(1, 48).Select(i => Record($"Record {i:00}", "2025-01-02", $"The text of record {i}, " + new string((char)('a' + i % 26), 400 + i * 37)) + "\n"));

    [Fact]
    public void A_cut_jsonl_gzip_is_truncated_and_keeps_only_the_whole_records_before_the_cut()
    {
        using var t = new TempFolder();
        var packed = Gzip(FortyEightRecords());
        var cut = t.Write("cut.jsonl.gz", packed[..(packed.Length / 2)]);
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, cut);

        Assert.Equal(1, r.Exit);
        var line = ErrorLine(r);
        var m = System.Text.RegularExpressions.Regex.Match(line, @"cut\.jsonl\.gz:(\d+): truncated: the gzip data is damaged or cut short; the (\d+) lines before it are read$");
        Assert.True(m.Success, line);
        var before = int.Parse(m.Groups[2].Value);
        Assert.Equal(int.Parse(m.Groups[1].Value) - 1, before);
        Assert.InRange(before, 1, 47);
        Assert.Contains($"1 files: {before} new, 0 updated, 0 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.Equal(Enumerable.Range(1, before).Select(i => $"Record {i:00}").ToList(), Titles(db));
        Assert.All(Export(db), a => Assert.Single(a.GetProperty("body").EnumerateArray()));
    }

    [Fact]
    public void A_jsonl_gzip_cut_inside_its_trailer_is_truncated_though_every_record_is_whole()
    {
        using var t = new TempFolder();
        var packed = Gzip(FortyEightRecords());
        var cut = t.Write("trailer.jsonl.gz", packed[..^3]);
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, cut);

        Assert.Equal(1, r.Exit);
        Assert.EndsWith("trailer.jsonl.gz:49: truncated: the gzip data is damaged or cut short; the 48 lines before it are read", ErrorLine(r));
        Assert.Equal(48, Titles(db).Count);
    }

    [Fact]
    public void A_cut_gzip_page_is_truncated_and_changes_nothing()
    {
        using var t = new TempFolder();
        var packed = Gzip(new PageBuilder(Title: "A Page Cut In Its Gzip").ToString());
        var middle = t.Write("middle.txt.gz", packed[..(packed.Length / 2)]);
        var trailer = t.Write("trailer.txt.gz", packed[..^1]);
        var html = t.Write("page.html.gz", Gzip("<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"http://www.kcna.kp/en/article/q/x.kcmsf\"></head><body>" + new string('x', 3000) + "</body></html>")[..^2]);
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, middle, trailer, html, Fixtures.Page("kcna-no-related.txt"));

        Assert.Equal(1, r.Exit);
        Assert.Contains("4 files: 1 new, 0 updated, 0 unchanged, 0 stubs, 3 failed", r.Out);
        Assert.Contains("error: " + middle + ": truncated: the gzip data is damaged or cut short", r.Error);
        Assert.Contains("error: " + trailer + ": truncated: the gzip data is damaged or cut short", r.Error);
        Assert.Contains("error: " + html + ": truncated: the gzip data is damaged or cut short", r.Error);
        Assert.Single(Export(db));
    }

    [Fact]
    public void A_cut_gzip_json_document_is_truncated()
    {
        using var t = new TempFolder();
        var document = "{\n  \"articles\": {\n" + string.Join(",\n", Enumerable.Range(1, 30).Select(i =>
            $"    \"kcna-{i}\": {{\"title\": \"조선중앙통신 | 기사 {i}\", \"date\": \"2025-08-21\", \"sourceName\": \"조선중앙통신\", \"body\": \"기사 {i}의 본문입니다. {new string('가', 200)}\"}}")) + "\n  }\n}\n";
        var packed = Gzip(document);
        var cut = t.Write("news-details.json.gz", packed[..(packed.Length * 2 / 3)]);

        var r = CliRunner.Run("import", "--db", t.File("a.db"), cut);

        Assert.Equal(1, r.Exit);
        Assert.EndsWith("news-details.json.gz: truncated: the gzip data is damaged or cut short", ErrorLine(r));
        Assert.Contains("1 files: 0 new", r.Out);

        var whole = CliRunner.Run("import", "--db", t.File("b.db"), t.Write("whole.json.gz", packed));
        Assert.Equal(0, whole.Exit);
        Assert.Contains("1 files: 30 new", whole.Out);
    }
}
