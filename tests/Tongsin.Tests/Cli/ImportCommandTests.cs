using System.Text;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class ImportCommandTests
{
    [Fact]
    public void Imports_a_folder_and_prints_a_summary()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        var r = CliRunner.Run("import", "--db", db, Fixtures.Folder);
        Assert.Equal(0, r.Exit);
        Assert.Contains("4 files: 4 new, 0 updated, 0 unchanged, 37 stubs, 0 failed", r.Out);

        var again = CliRunner.Run("import", "--db", db, Fixtures.Folder);
        Assert.Equal(0, again.Exit);
        Assert.Contains("4 files: 0 new, 0 updated, 4 unchanged, 0 stubs, 0 failed", again.Out);
    }

    [Fact]
    public void Globs_and_nested_folders_are_expanded_and_hidden_files_skipped()
    {
        using var t = new TempFolder();
        t.Write("pages/2025/a.txt", new PageBuilder(Title: "Page A").ToString());
        t.Write("pages/2026/deep/b.txt", new PageBuilder(Title: "Page B").ToString());
        t.Write("pages/2026/c.page", new PageBuilder(Title: "Page C").ToString());
        t.Write("pages/.hidden.txt", "not a page at all");
        var db = t.File("a.db");

        var glob = CliRunner.Run("import", "--db", db, Path.Combine(t.Path, "pages", "**", "*.txt"));
        Assert.Equal(0, glob.Exit);
        Assert.StartsWith("2 files: 2 new", glob.Out);

        var folder = CliRunner.Run("import", "--db", db, Path.Combine(t.Path, "pages"));
        Assert.Equal(0, folder.Exit);
        Assert.StartsWith("3 files: 1 new, 0 updated, 2 unchanged", folder.Out);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty.txt: empty: " },
        { "blank.txt", Encoding.UTF8.GetBytes("\n  \n\n"), "blank.txt: empty: " },
        { "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01], "photo.jpg: binary: " },
        { "cut.txt", Encoding.UTF8.GetBytes(new PageBuilder().ToString()[..400]), "cut.txt: truncated: " },
        { "notes.txt", Encoding.UTF8.GetBytes("Shopping list\n\nrice\n\nkimchi\n"), "notes.txt:1: not a KCNA Watch page: " },
        { "page.html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>KCNA</body></html>"), "page.html: not a page of a known site: " },
        { "latin1.txt", Encoding.Latin1.GetBytes("February 13, 2025Feb 13, 2025\nKCNA Korean Central News Agency (EN)\n\nCaf\u00e9 opens\n"), "latin1.txt: not UTF-8 text: " },
        { "baddate.txt", Encoding.UTF8.GetBytes(new PageBuilder(Published: "45/13/2025").ToString()), "baddate.txt:6: invalid: " },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Each_bad_file_gets_one_line_and_changes_nothing_else(string name, byte[] bytes, string expected)
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, Fixtures.Page("kcna-no-related.txt")).Exit);
        var before = CliRunner.Run("export", "--db", db).Out;

        var good = t.Write("good.txt", new PageBuilder(Title: "A Good Page In The Same Batch").ToString());
        var bad = t.Write(name, bytes);
        var r = CliRunner.Run("import", "--db", db, bad, good);

        Assert.Equal(1, r.Exit);
        Assert.Contains("2 files: 1 new, 0 updated, 0 unchanged, 2 stubs, 1 failed", r.Out);
        var line = Assert.Single(r.Error.Split('\n'), l => l.StartsWith("error: "));
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.DoesNotContain("Exception", r.Error);

        // Only the good page's records were added.
        var after = CliRunner.Run("export", "--db", db).Out;
        Assert.All(before.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(l, after));
        var added = after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Except(before.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(3, added.Count);
        Assert.All(added, l => Assert.DoesNotContain(name, l));
    }

    [Fact]
    public void An_unreadable_file_and_a_missing_path_are_reported()
    {
        using var t = new TempFolder();
        var locked = t.Write("locked.txt", new PageBuilder().ToString());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        var r = CliRunner.Run("import", "--db", t.File("a.db"), locked, t.File("missing.txt"));
        Assert.Equal(1, r.Exit);
        Assert.Contains("missing.txt: unreadable: no such file or folder", r.Error);
        // root reads any file; everyone else is told the permission is missing.
        if (Environment.UserName != "root") Assert.Contains("locked.txt: unreadable: permission denied", r.Error);
    }

    [Fact]
    public void Bad_export_lines_name_the_line_and_the_others_go_in()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        CliRunner.Run("import", "--db", db, Fixtures.Page("kcna-no-related.txt"));
        var lines = CliRunner.Run("export", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var jsonl = t.Write("export.jsonl", string.Join('\n', [
            lines[0],
            "{\"source\": \"Voice of Korea (EN)\", \"title\": \"No date\"}",
            "{not json",
            "{\"source\": \"Voice of Korea (EN)\", \"title\": \"Good one\", \"published\": \"2025-01-02\", \"body\": [\"Text.\"]}",
        ]));
        var r = CliRunner.Run("import", "--db", t.File("b.db"), jsonl);
        Assert.Equal(1, r.Exit);
        Assert.Contains("2 new", r.Out);
        Assert.Contains("export.jsonl:2: invalid: 'published' is missing", r.Error);
        Assert.Contains("export.jsonl:3: invalid: not valid JSON", r.Error);
    }

    [Fact]
    public void A_line_holding_half_a_character_fails_alone()
    {
        using var t = new TempFolder();
        var jsonl = t.Write("halves.jsonl", string.Join('\n', [
            "{\"source\": \"Voice of Korea (EN)\", \"title\": \"Broken \\ud800 title\", \"published\": \"2025-01-02\", \"body\": [\"Text.\"]}",
            "{\"published\": \"1999-01-02\", \"url\": \"http://kcna.co.jp/item/x.htm\", \"language_hint\": \"en\", \"title\": \"T\", \"body\": \"Half \\udc00 of it\"}",
            "{\"source\": \"Voice of Korea (EN)\", \"title\": \"Good one\", \"published\": \"2025-01-02\", \"body\": [\"Text.\"]}",
        ]));
        var r = CliRunner.Run("import", "--db", t.File("a.db"), jsonl);
        Assert.Equal(1, r.Exit);
        Assert.Contains("1 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("halves.jsonl:1: invalid: ", r.Error);
        Assert.Contains("halves.jsonl:2: invalid: ", r.Error);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var r = CliRunner.Run("import");
        Assert.Equal(2, r.Exit);
        Assert.StartsWith("error: ", r.Error);
        Assert.Equal(2, CliRunner.Run("frobnicate").Exit);
    }
}
