using System.Text.Json;
using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Ingest;

public class KcnaKpRecordTests
{
    private const string File = "kcna-kp-2024.jsonl";

    private static ArticleCapture Read(JsonElement o)
    {
        Assert.True(KcnaKpRecord.Fits(o));
        return new KcnaKpRecord(new OutletCatalog()).Read(o);
    }

    private static ArticleCapture Read(int line) => Read(Corpora.Line(File, line));

    [Fact]
    public void A_record_gives_title_date_dateline_and_clean_paragraphs_of_kcna_in_english()
    {
        var a = Read(1);
        Assert.Equal("Tree-planting Month Opens across Country", a.Title);
        Assert.Equal(new DateOnly(2024, 3, 5), a.Published);
        Assert.Null(a.Captured);
        Assert.Equal("http://www.kcna.kp/en/article/q/0f1e2d3c4b5a69788796a5b4c3d2e1f0aa.kcmsf", a.Url);
        Assert.Equal("Korean Central News Agency", a.Source.Outlet.Name);
        Assert.Equal("en", a.Source.Language);
        Assert.Equal("Korean Central News Agency (EN)", a.Source.Label);
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(2024, 3, 4), "KCNA"), a.Dateline);
        Assert.Equal([
            "The tree-planting month opened across the country on Monday.",
            "Workers planted \"fruit trees\" along the river banks and hillsides.",
            "The forestry agency said new saplings were ready in all provinces. -0-"], a.Paragraphs);
    }

    [Fact]
    public void The_pages_date_under_a_title_is_not_part_of_it_and_an_item_without_dateline_keeps_its_first_line()
    {
        var a = Read(2);
        Assert.Equal("Spring Sowing Taught by President Kim Il Sung", a.Title);
        Assert.Null(a.Dateline);
        Assert.StartsWith("One spring day in Juche 52 (1963)", a.Paragraphs[0]);
    }

    [Fact]
    public void The_edition_in_the_address_decides_the_language_else_the_hint()
    {
        var korean = JsonSerializer.SerializeToElement(new { published = "2024-03-05", url = "http://www.kcna.kp/kp/article/q/0123456789abcdef0123.kcmsf",
            title = "새 공원 개원", topic = "", language_hint = "en", body = "(평양 3월 5일발 조선중앙통신)\n새 공원이 문을 열었다." });
        var a = Read(korean);
        Assert.Equal("Korean Central News Agency (KO)", a.Source.Label);
        Assert.Equal(new Dateline("평양", new DateOnly(2024, 3, 5), "조선중앙통신"), a.Dateline);

        var russian = JsonSerializer.SerializeToElement(new { published = "2024-03-05", url = "http://www.kcna.kp/article/q/0123456789abcdef0123.kcmsf",
            title = "Title", language_hint = "ru", body = "Text of the item." });
        Assert.Equal("ru", Read(russian).Source.Language);
    }

    [Fact]
    public void A_record_with_nothing_but_its_dateline_is_refused()
    {
        var e = Assert.Throws<ImportFailureException>(() => Read(3));
        Assert.Equal("invalid: the record has no article text: 'body' is empty but for the dateline", e.Describe());
    }

    [Fact]
    public void Exports_and_other_sites_records_are_not_taken_for_kcna_kp()
    {
        Assert.False(KcnaKpRecord.Fits(JsonSerializer.SerializeToElement(new { source = "KCNA (EN)", published = "2024-03-05", url = "http://www.kcna.kp/en/x", body = new[] { "text" } })));
        Assert.False(KcnaKpRecord.Fits(JsonSerializer.SerializeToElement(new { published = "2024-03-05", url = "http://kcna.co.jp/item/x.htm", language_hint = "en", body = "text" })));
        Assert.False(KcnaKpRecord.Fits(JsonSerializer.SerializeToElement(new { published = "2024-03-05", url = "http://www.kcna.kp.example.org/en/x", body = "text" })));
    }

    [Fact]
    public void The_file_imports_line_by_line_edits_become_versions_and_a_second_import_changes_nothing()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        var file = Corpora.Gzipped(t, File);
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 3 new, 1 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("kcna-kp-2024.jsonl.gz:3: invalid: the record has no article text: 'body' is empty but for the dateline", r.Error);
        Assert.Contains("kcna-kp-2024.jsonl.gz:6: invalid: 'published' must be a date written YYYY-MM-DD, not \"7 March 2024\"", r.Error);
        // Two errors; an analyser that runs longer than two seconds (on a busy machine) adds progress lines, which are no errors.
        Assert.Equal(2, r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Matches(@"Korean Central News Agency \(EN\)\s+korean-central-news-agency-en\s+3\s", CliRunner.Run("sources", "--db", db).Out);

        var exported = CliRunner.Run("export", "--db", db).Out;
        var edited = exported.Split('\n').Single(l => l.Contains("0f1e2d3c4b5a", StringComparison.Ordinal));
        Assert.Contains("\"title\":\"Tree-planting Month Opens across DPRK\"", edited);
        Assert.Contains("\"versions\":2", edited);
        Assert.Contains("\"dateline\":{\"place\":\"Pyongyang\",\"date\":\"2024-03-04\",\"agency\":\"KCNA\"}", edited);

        var again = CliRunner.Run("import", "--db", db, file);
        Assert.Contains("1 files: 0 new, 0 updated, 4 unchanged, 0 stubs, 2 failed", again.Out);
        Assert.Equal(exported, CliRunner.Run("export", "--db", db).Out);
    }
}
