using System.Text.Json;
using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Ingest;

public class RodongSinmunRecordTests
{
    private const string File = "rodong-2021.jsonl";

    private static ArticleCapture Read(JsonElement o)
    {
        Assert.True(RodongSinmunRecord.Fits(o));
        return new RodongSinmunRecord(new OutletCatalog()).Read(o);
    }

    private static ArticleCapture Read(int line) => Read(Corpora.Line(File, line));

    [Fact]
    public void The_address_gives_the_date_and_the_first_sighting_the_capture()
    {
        var a = Read(1);
        Assert.Equal("Plenary Meeting of Provincial Committee Held", a.Title);
        Assert.Equal(new DateOnly(2021, 6, 17), a.Published);
        Assert.Equal(new DateOnly(2021, 7, 23), a.Captured);
        Assert.Equal("http://www.rodong.rep.kp/en/index.php?strPageID=SF01_02_01&newsID=2021-06-17-0001", a.Url);
        Assert.Equal("Rodong Sinmun (EN)", a.Source.Label);
        Assert.Null(a.Dateline);
        Assert.Equal([
            "A plenary meeting of the provincial committee was held on June 16.",
            "It reviewed the work of the first half of the year & set tasks for the second.",
            "Political News Team"], a.Paragraphs);
    }

    [Fact]
    public void A_byline_that_is_the_closing_words_ends_the_text()
    {
        var a = Read(2);
        Assert.Equal("Speech at Opening of New Bridge", a.Title);
        Assert.Equal(new DateOnly(2021, 7, 27), a.Published);
        Assert.Equal(new DateOnly(2021, 7, 28), a.Captured);
        Assert.Equal(["Dear comrades,", "The new bridge links two villages across the river.", "\u2026", "Let us all build more bridges!"], a.Paragraphs);
    }

    [Fact]
    public void The_papers_own_name_signs_the_page_and_is_left_out()
    {
        var a = Read(3);
        Assert.Equal("Harvest Brought In", a.Title);
        Assert.Equal(["Farmers brought in an early harvest."], a.Paragraphs);
    }

    [Fact]
    public void Without_a_day_in_the_address_the_day_of_first_capture_is_the_date()
    {
        var a = Read(4);
        Assert.Equal(new DateOnly(2022, 10, 15), a.Published);
        Assert.Equal(new DateOnly(2022, 10, 15), a.Captured);
    }

    [Fact]
    public void Records_without_text_or_with_a_bad_timestamp_are_refused()
    {
        var empty = Assert.Throws<ImportFailureException>(() => Read(5));
        Assert.Equal("invalid: the record has no article text: 'paragraphs' is empty and so is 'title'", empty.Describe());
        var badTime = Assert.Throws<ImportFailureException>(() => Read(6));
        Assert.Contains("'first_seen' must be a timestamp", badTime.Message);

        var untitled = JsonSerializer.SerializeToElement(new { url = "http://www.rodong.rep.kp/en/index.php?strPageID=SF01_02_01&newsID=2021-06-17-0009",
            title = " ", byline = "", first_seen = "2021-06-18T02:00:00Z", paragraphs = new[] { "Text." } });
        Assert.Equal("'title' is empty", Assert.Throws<ImportFailureException>(() => Read(untitled)).Message);
    }

    [Fact]
    public void The_file_imports_line_by_line_and_a_second_import_changes_nothing()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        var file = Corpora.File(File);
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 4 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("rodong-2021.jsonl:5: invalid: the record has no article text", r.Error);
        Assert.Contains("rodong-2021.jsonl:6: invalid: 'first_seen' must be a timestamp", r.Error);
        Assert.Matches(@"Rodong Sinmun \(EN\)\s+rodong-sinmun-en\s+4\s+0\s+2021-06-17\s+2022-10-15", CliRunner.Run("sources", "--db", db).Out);

        var exported = CliRunner.Run("export", "--db", db).Out;
        Assert.Contains("\"published\":\"2021-06-17\",\"captured\":\"2021-07-23\"", exported);
        var again = CliRunner.Run("import", "--db", db, file);
        Assert.Contains("1 files: 0 new, 0 updated, 4 unchanged, 0 stubs, 2 failed", again.Out);
        Assert.Equal(exported, CliRunner.Run("export", "--db", db).Out);
    }
}
