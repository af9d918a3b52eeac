using System.Text.Json;
using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Ingest;

public class KcnaCoJpRecordTests
{
    private static string Line(string published, string url, string title, string hint, string body) =>
        JsonSerializer.Serialize(new { published, url, title, language_hint = hint, body });

    private static readonly string English = Line("1998-01-02", "http://kcna.co.jp/item/1998/9801/news01/02.htm#3", "Factory workers greet new year with high spirits", "en",
        "Factory workers greet new year with high spirits\n   Pyongyang, January 2 (KCNA) -- Workers of the Kangson Steel Complex greeted\nthe new year with &quot;high spirits&quot;&nbsp;and pledged to raise output.\n   They said the year&#39;s tasks would be carried out ahead of time.\n");

    private static readonly string Spanish = Line("2013-07-16", "http://kcna.co.jp/item/2013/201307/news16/20130716-05se.html", "Amistad perdurable entre dos pueblos", "es",
        "For Spanish-speaking people\nAmistad perdurable entre dos pueblos\n\t\t\t\t\t\t\n Pyongyang, 15 de julio (ATCC) -- La delegacion de amistad visito el museo.\n\t\t\t\t\t Los visitantes expresaron su admiracion.\n");

    private static ArticleCapture Read(string line) => new KcnaCoJpRecord(new OutletCatalog()).Read(JsonDocument.Parse(line).RootElement);

    [Fact]
    public void The_title_repeat_wraps_entities_and_dateline_are_sorted_out()
    {
        var a = Read(English);
        Assert.Equal("Factory workers greet new year with high spirits", a.Title);
        Assert.Equal(new DateOnly(1998, 1, 2), a.Published);
        Assert.Equal("Korean Central News Agency (EN)", a.Source.Label);
        Assert.Equal("http://kcna.co.jp/item/1998/9801/news01/02.htm#3", a.Url);
        Assert.Equal([
            "Workers of the Kangson Steel Complex greeted the new year with \"high spirits\" and pledged to raise output.",
            "They said the year's tasks would be carried out ahead of time."], a.Paragraphs);
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(1998, 1, 2), "KCNA"), a.Dateline);
    }

    [Fact]
    public void Spanish_items_are_told_apart()
    {
        var a = Read(Spanish);
        Assert.Equal("es", a.Source.Language);
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(2013, 7, 15), "ATCC"), a.Dateline);
        Assert.Equal(["La delegacion de amistad visito el museo.", "Los visitantes expresaron su admiracion."], a.Paragraphs);
    }

    [Fact]
    public void A_december_dateline_published_in_january_is_last_year()
    {
        var a = Read(Line("2001-01-01", "http://kcna.co.jp/item/2001/200101/news01/01.htm#1", "Year-end report", "en",
            "Year-end report\n   Pyongyang, December 31 (KCNA) -- The year ended with success in all fields of work."));
        Assert.Equal(new DateOnly(2000, 12, 31), a.Dateline!.Date);
    }

    [Fact]
    public void The_text_decides_the_language_over_a_wrong_hint_and_a_missing_title_comes_from_the_body()
    {
        var hintedWrong = Read(Line("2013-12-11", "http://kcna.co.jp/item/2013/201312/news11/20131211-01ee.html", "Exhibition Opens", "es",
            "Exhibition Opens\n Pyongyang, December 10 (KCNA) -- An exhibition of the products of the light industry opened in the capital."));
        Assert.Equal("en", hintedWrong.Source.Language);

        var untitled = JsonSerializer.Serialize(new { published = "2009-01-01", url = "http://kcna.co.jp/item/2009/a.html", title = (string?)null, language_hint = "en",
            body = "Joint New Year Editorial Issued \n Pyongyang, January 1 (KCNA) -- The newspapers issued a joint editorial today." });
        var a = Read(untitled);
        Assert.Equal("Joint New Year Editorial Issued", a.Title);
        Assert.Equal(["The newspapers issued a joint editorial today."], a.Paragraphs);
    }

    [Fact]
    public void An_unindented_dateline_after_the_title_opens_the_body_and_is_not_taken_for_a_wrapped_title()
    {
        var a = Read(Line("2004-05-06", "http://kcna.co.jp/item/2004/200405/news05/06.htm#1", "Bridge rebuilt over the river", "en",
            "Bridge rebuilt over the river\nPyongyang, May 6 (KCNA) -- A bridge over the river was rebuilt\nin two months.\n   Traffic resumed on Wednesday.\n"));
        Assert.Equal("Bridge rebuilt over the river", a.Title);
        Assert.Equal(["A bridge over the river was rebuilt in two months.", "Traffic resumed on Wednesday."], a.Paragraphs);
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(2004, 5, 6), "KCNA"), a.Dateline);
    }

    [Fact]
    public void A_record_with_a_title_and_only_the_spanish_banner_is_kept_as_a_stub()
    {
        using var t = new TempFolder();
        var file = t.Write("titles.jsonl", string.Join('\n', English,
            Line("2008-09-25", "http://kcna.co.jp/item/2008/200809/news09/25.htm#16", "Delegacion de amistad llega a Pyongyang", "en", "For Spanish-speaking people\n\n\n")));
        var db = t.File("a.db");
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(0, r.Exit);
        Assert.Contains("1 new, 0 updated, 0 unchanged, 1 stubs, 0 failed", r.Out);
        var stub = CliRunner.Run("export", "--db", db).Out.Split('\n').Single(l => l.Contains("Delegacion de amistad"));
        Assert.Contains("\"status\":\"stub\"", stub);
        Assert.Contains("\"published\":\"2008-09-25\"", stub);
        Assert.Contains("\"source\":\"Korean Central News Agency (ES)\"", stub);
        // Importing again changes nothing: the article is unchanged and the stub is not made twice.
        Assert.Contains("0 new, 0 updated, 1 unchanged, 0 stubs, 0 failed", CliRunner.Run("import", "--db", db, file).Out);
        Assert.Matches(@"articles:\s+1\s+stubs:\s+1\s", CliRunner.Run("stats", "--db", db).Out);
    }

    [Fact]
    public void A_record_of_navigation_only_is_refused()
    {
        var e = Assert.Throws<ImportFailureException>(() => Read(Line("1999-01-01", "http://kcna.co.jp/item/1999/x.htm", "", "en", "\nBACK\nHOME\n\n")));
        Assert.Contains("no article text", e.Message);
    }

    [Fact]
    public void The_corpus_imports_and_repeats_merge()
    {
        using var t = new TempFolder();
        var file = t.Write("kcna-co-jp.jsonl", string.Join('\n', English, Spanish, English, "{\"published\": \"1999-01-01\", \"url\": \"http://kcna.co.jp/x\", \"language_hint\": \"en\", \"body\": \"\\nBACK\\nHOME\"}"));
        var db = t.File("a.db");
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(1, r.Exit);
        Assert.Contains("2 new, 0 updated, 1 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.Contains("kcna-co-jp.jsonl:4: invalid:", r.Error);
        var sources = CliRunner.Run("sources", "--db", db).Out;
        Assert.Matches(@"Korean Central News Agency \(EN\)\s+korean-central-news-agency-en\s+1", sources);
        Assert.Matches(@"Korean Central News Agency \(ES\)\s+korean-central-news-agency-es\s+1", sources);

        // The dateline is kept as fields, and survives a round trip through an export.
        var exported = CliRunner.Run("export", "--db", db).Out;
        Assert.Contains("\"dateline\":{\"place\":\"Pyongyang\",\"date\":\"1998-01-02\",\"agency\":\"KCNA\"}", exported);
        Assert.Contains("\"dateline\":{\"place\":\"Pyongyang\",\"date\":\"2013-07-15\",\"agency\":\"ATCC\"}", exported);
        var copy = t.File("b.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", copy, t.Write("export.jsonl", exported)).Exit);
        Assert.Equal(exported.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"id\":\\d+,", "")),
            CliRunner.Run("export", "--db", copy).Out.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"id\":\\d+,", "")));
    }
}
