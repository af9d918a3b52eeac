using System.Text.Json;
using Tongsin.Ingest.Pages;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Ingest;

public class NkArchiveDocumentTests
{
    private const string File = "nkarchive-news-details.json";

    private static JsonElement Document() => JsonDocument.Parse(System.IO.File.ReadAllText(Corpora.File(File))).RootElement;

    private static ArticleCapture Read(string key) =>
        new NkArchiveDocument(new OutletCatalog()).Read(Document().GetProperty("articles").GetProperty(key));

    [Fact]
    public void An_article_loses_the_outlet_before_its_title_and_the_title_and_dateline_before_its_body()
    {
        Assert.True(NkArchiveDocument.Fits(Document()));
        var a = Read("kcna-0000000000000001");
        Assert.Equal("평양에 새 공원 개원", a.Title);
        Assert.Equal(new DateOnly(2026, 8, 20), a.Published);
        Assert.Null(a.Captured);
        Assert.Equal("http://www.kcna.kp/kp/article/detail/00000000000000000000000000000001", a.Url);
        Assert.Equal("Korean Central News Agency (KO)", a.Source.Label);
        Assert.Equal(new Dateline("평양", new DateOnly(2026, 8, 20), "조선중앙통신"), a.Dateline);
        Assert.Equal(["평양시 중심부에 새 공원이 문을 열었다.", "시민들은 공원에서 휴식의 한때를 보내였다.(끝)"], a.Paragraphs);
    }

    [Fact]
    public void The_source_name_gives_the_outlet()
    {
        var a = Read("rodong-0000000000000003");
        Assert.Equal("Rodong Sinmun (KO)", a.Source.Label);
        Assert.Equal("농장들에서 가을걷이 시작", a.Title);
        Assert.Null(a.Dateline);
        Assert.Equal(["여러 농장에서 가을걷이가 시작되였다.", "농업근로자들은 첫 수확을 거두었다."], a.Paragraphs);
    }

    [Fact]
    public void Each_article_is_named_by_the_line_it_starts_on()
    {
        Assert.Equal([6, 24, 42], NkArchiveDocument.ArticleLines(System.IO.File.ReadAllBytes(Corpora.File(File))));
    }

    [Fact]
    public void The_document_imports_article_by_article_and_a_second_import_changes_nothing()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        var file = Corpora.File(File);
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 2 new, 0 updated, 0 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.Contains("nkarchive-news-details.json:24: invalid: the record has no article text: 'body' holds only the title and the dateline (article 'kcna-0000000000000002')", r.Error);
        var sources = CliRunner.Run("sources", "--db", db).Out;
        Assert.Matches(@"Korean Central News Agency \(KO\)\s+korean-central-news-agency-ko\s+1\s", sources);
        Assert.Matches(@"Rodong Sinmun \(KO\)\s+rodong-sinmun-ko\s+1\s", sources);

        var exported = CliRunner.Run("export", "--db", db).Out;
        Assert.Contains("\"dateline\":{\"place\":\"평양\",\"date\":\"2026-08-20\",\"agency\":\"조선중앙통신\"}", exported);
        Assert.Contains("1 files: 0 new, 0 updated, 2 unchanged, 0 stubs, 1 failed", CliRunner.Run("import", "--db", db, file).Out);
        Assert.Equal(exported, CliRunner.Run("export", "--db", db).Out);
    }

    [Fact]
    public void The_document_on_one_line_and_gzipped_reads_the_same()
    {
        using var t = new TempFolder();
        var oneLine = t.Write("news-details.json", JsonSerializer.Serialize(Document()));
        var r = CliRunner.Run("import", "--db", t.File("a.db"), oneLine);
        Assert.Contains("1 files: 2 new, 0 updated, 0 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.Contains("news-details.json:1: invalid: the record has no article text", r.Error);

        var gz = CliRunner.Run("import", "--db", t.File("b.db"), Corpora.Gzipped(t, File));
        Assert.Contains("1 files: 2 new, 0 updated, 0 unchanged, 0 stubs, 1 failed", gz.Out);
        Assert.Contains("nkarchive-news-details.json.gz:24: invalid:", gz.Error);
    }

    [Fact]
    public void A_broken_or_unknown_document_fails_whole_with_its_line()
    {
        using var t = new TempFolder();
        var broken = t.Write("broken.json", "{\n  \"articles\": {\n    \"a\": {\"body\": \"x\",\n}\n");
        var r = CliRunner.Run("import", "--db", t.File("a.db"), broken);
        Assert.Equal(1, r.Exit);
        Assert.Contains("broken.json:4: invalid: not valid JSON", r.Error);

        var badBytes = t.Write("bytes.json", [.. "{\n  \"articles\": {\"a\": {\"title\": \"x "u8, 0xFF, .. "\", \"body\": \"y\"}}\n}\n"u8]);
        Assert.Contains("bytes.json: not UTF-8 text: invalid byte 0xFF at offset 35", CliRunner.Run("import", "--db", t.File("a.db"), badBytes).Error);

        var unknown = t.Write("other.json", "{\n  \"items\": []\n}\n");
        Assert.Contains("other.json:1: invalid: a JSON document, but not nkarchive's news details", CliRunner.Run("import", "--db", t.File("a.db"), unknown).Error);
    }
}
