using System.Text.Json;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Ingest;

/// <summary>
/// The real corpora in ../shared/corpora, when that folder is beside the repository: each file imports
/// with the expected counts, and a second import changes nothing.
/// </summary>
public class SharedCorporaTests
{
    private static List<JsonElement> Export(string db) =>
        CliRunner.Run("export", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static string? Date(JsonElement o, string name) => o.GetProperty(name).ValueKind == JsonValueKind.Null ? null : o.GetProperty(name).GetString();

    [Fact]
    public void The_kcna_kp_corpus_imports_with_datelines_and_its_edited_articles_as_versions()
    {
        if (Corpora.Shared() is not { } folder) return;
        using var t = new TempFolder();
        var db = t.File("a.db");
        var file = Path.Combine(folder, "kcna-kp-2023-2024.jsonl.gz");
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(0, r.Exit);
        // 1,862 lines, 1,840 addresses: 20 addresses come twice with an edited text, 2 twice with the
        // same text. kcna.kp files an item under every section it appears in: 1,039 texts.
        Assert.Contains("1 files: 1039 new, 20 updated, 803 unchanged, 0 stubs, 0 failed", r.Out);

        var articles = Export(db);
        Assert.Equal(1039, articles.Count);
        Assert.Equal(1840, articles.Sum(a => a.GetProperty("addresses").GetArrayLength()));
        Assert.Equal(543, articles.Count(a => a.GetProperty("addresses").GetArrayLength() > 1));
        // Each address once, under one article.
        Assert.Equal(1840, articles.SelectMany(a => a.GetProperty("addresses").EnumerateArray().Select(d => d.GetProperty("url").GetString())).Distinct().Count());
        Assert.All(articles, a =>
        {
            Assert.Equal("Korean Central News Agency (EN)", a.GetProperty("source").GetString());
            Assert.StartsWith("http://www.kcna.kp/en/article/", a.GetProperty("url").GetString());
            Assert.DoesNotContain('\n', a.GetProperty("title").GetString()!);
            Assert.DoesNotContain("(KCNA) --", a.GetProperty("body")[0].GetString()!);
        });
        Assert.Equal("2023-12-24", articles.Min(a => Date(a, "published")));
        Assert.Equal("2024-11-10", articles.Max(a => Date(a, "published")));
        Assert.Equal(20, articles.Count(a => a.GetProperty("versions").GetInt32() == 2));
        var datelines = articles.Where(a => a.GetProperty("dateline").ValueKind == JsonValueKind.Object).Select(a => a.GetProperty("dateline")).ToList();
        Assert.Equal(980, datelines.Count);
        Assert.All(datelines, d => Assert.Equal(("Pyongyang", "KCNA"), (d.GetProperty("place").GetString(), d.GetProperty("agency").GetString())));

        Assert.Contains("1 files: 0 new, 0 updated, 1862 unchanged, 0 stubs, 0 failed", CliRunner.Run("import", "--db", db, file).Out);
    }

    [Fact]
    public void The_rodong_corpus_imports_dated_by_address_and_captured_when_first_seen()
    {
        if (Corpora.Shared() is not { } folder) return;
        using var t = new TempFolder();
        var db = t.File("a.db");
        var file = Path.Combine(folder, "rodong-2021-2022.jsonl.gz");
        var r = CliRunner.Run("import", "--db", db, file);
        Assert.Equal(1, r.Exit);
        Assert.Contains("1 files: 132 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Equal([
            $"error: {file}:23: invalid: the record has no article text: 'paragraphs' is empty and so is 'title'",
            $"error: {file}:24: invalid: the record has no article text: 'paragraphs' is empty and so is 'title'"],
            // The errors only: a progress line of the analysers comes too when they take over two seconds.
            r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)));

        var articles = Export(db);
        Assert.Equal(132, articles.Count);
        Assert.All(articles, a =>
        {
            Assert.Equal("Rodong Sinmun (EN)", a.GetProperty("source").GetString());
            var url = a.GetProperty("url").GetString()!;
            Assert.Equal(url[(url.IndexOf("newsID=", StringComparison.Ordinal) + 7)..][..10], Date(a, "published"));
            Assert.True(string.CompareOrdinal(Date(a, "captured"), Date(a, "published")) >= 0);
            Assert.NotEmpty(a.GetProperty("body").EnumerateArray());
        });
        Assert.Equal("2021-06-17", articles.Min(a => Date(a, "published")));
        Assert.Equal("2022-10-18", articles.Max(a => Date(a, "published")));

        Assert.Contains("1 files: 0 new, 0 updated, 132 unchanged, 0 stubs, 2 failed", CliRunner.Run("import", "--db", db, file).Out);
    }

    [Fact]
    public void The_korean_kcna_sample_imports_in_korean_with_datelines()
    {
        if (Corpora.Shared() is not { } folder) return;
        using var t = new TempFolder();
        var db = t.File("a.db");
        var file = Path.Combine(folder, "kcna-kp-ko-2026-sample.json");
        Assert.Contains("1 files: 6 new, 0 updated, 0 unchanged, 0 stubs, 0 failed", CliRunner.Run("import", "--db", db, file).Out);

        var articles = Export(db);
        Assert.Equal(6, articles.Count);
        Assert.All(articles, a =>
        {
            Assert.Equal("Korean Central News Agency (KO)", a.GetProperty("source").GetString());
            Assert.DoesNotContain("|", a.GetProperty("title").GetString()!);
            Assert.NotEqual(a.GetProperty("title").GetString(), a.GetProperty("body")[0].GetString());
            Assert.Equal("평양", a.GetProperty("dateline").GetProperty("place").GetString());
            Assert.Equal(Date(a, "published"), a.GetProperty("dateline").GetProperty("date").GetString());
        });
        Assert.Contains("1 files: 0 new, 0 updated, 6 unchanged, 0 stubs, 0 failed", CliRunner.Run("import", "--db", db, file).Out);
    }
}
