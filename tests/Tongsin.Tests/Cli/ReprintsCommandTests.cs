using System.Text.Json;
using Tongsin.Tests.Analysis.Reprints;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class ReprintsCommandTests
{
    private static string Archive(TempFolder t)
    {
        var pages = t.Path + "/pages";
        Directory.CreateDirectory(pages);
        t.Write("pages/1.txt", new PageBuilder(Title: ReprintTexts.Title, Published: "05/05/2025", Body: ReprintTexts.Report, Cards: []).ToString());
        t.Write("pages/2.txt", new PageBuilder(Title: ReprintTexts.ReprintTitle, Source: "Rodong Sinmun (EN)", Published: "06/05/2025", Body: ReprintTexts.Reprint, Cards: []).ToString());
        t.Write("pages/3.txt", new PageBuilder(Title: "Premier Inspects Fertilizer Complex", Published: "05/05/2025", Body: ReprintTexts.OtherInspection, Cards: []).ToString());
        var db = t.File("a.db");
        var import = CliRunner.Run("import", "--db", db, pages);
        Assert.Equal(0, import.Exit);
        Assert.Contains("reprint clusters: rebuilt, 3 articles taken in, 1 cluster of 2 articles", import.Out);
        return db;
    }

    [Fact]
    public void The_clusters_are_listed_as_csv_and_json_filtered_by_date_and_source()
    {
        using var t = new TempFolder();
        var db = Archive(t);
        var csv = CliRunner.Run("reprints", "--db", db);
        Assert.Equal(0, csv.Exit);
        var rows = csv.Out.Trim().Split("\r\n");
        Assert.Equal("original_id,article_id,source,published,similarity,title", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.Contains(",korean-central-news-agency-en,2025-05-05,1.000," + ReprintTexts.Title, rows[1]);
        Assert.Contains(",rodong-sinmun-en,2025-05-06,", rows[2]);

        var json = CliRunner.Run("reprints", "--db", db, "--format", "json", "--source", "Rodong Sinmun (EN)", "--from", "2025-05");
        Assert.Equal(0, json.Exit);
        var cluster = Assert.Single(JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList());
        Assert.Equal(2, cluster.GetProperty("members").GetArrayLength());
        Assert.Equal(cluster.GetProperty("original").GetInt64(), cluster.GetProperty("members")[0].GetProperty("id").GetInt64());

        var none = CliRunner.Run("reprints", "--db", db, "--from", "2025-05-06");
        Assert.Equal("original_id,article_id,source,published,similarity,title", none.Out.Trim());
    }

    [Theory]
    [InlineData("--from", "2025-13", "error: --from '2025-13' is not a date")]
    [InlineData("--format", "xml", "xml")]
    [InlineData("--source", "nowhere", "error: unknown source 'nowhere'")]
    [InlineData("--limit", "0", "error: --limit must be between 1 and 100000, not 0")]
    public void Bad_input_is_a_usage_error_without_a_stack_trace(string option, string value, string message)
    {
        using var t = new TempFolder();
        var db = Archive(t);
        var r = CliRunner.Run("reprints", "--db", db, option, value);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
