using System.Text.Json;
using Tongsin.Tests.Analysis.Appearances;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class AppearancesCommandTests
{
    private static string Archive(TempFolder t)
    {
        var pages = t.Path + "/pages";
        Directory.CreateDirectory(pages);
        t.Write("pages/1.txt", new PageBuilder(Title: AppearanceTexts.InspectionTitle, Published: "06/05/2025", Body: AppearanceTexts.Inspection, Cards: []).ToString());
        t.Write("pages/2.txt", new PageBuilder(Title: AppearanceTexts.ReprintTitle, Source: "Rodong Sinmun (EN)", Published: "07/05/2025", Body: AppearanceTexts.Reprint, Cards: []).ToString());
        var db = t.File("a.db");
        var import = CliRunner.Run("import", "--db", db, pages);
        Assert.Equal(0, import.Exit);
        Assert.Contains("appearances: 2 reports grouped into 1 appearance", import.Out);
        return db;
    }

    [Fact]
    public void The_calendar_is_listed_as_csv_and_json_and_counted_ranked_and_gapped()
    {
        using var t = new TempFolder();
        var db = Archive(t);
        var csv = CliRunner.Run("appearances", "--db", db, "--person", "Kim Jong Un");
        Assert.Equal(0, csv.Exit);
        var rows = csv.Out.Trim().Split("\r\n");
        Assert.Equal("id,person,date,date_basis,activity,kind,place,companions,articles", rows[0]);
        Assert.StartsWith("1,kim-jong-un,2025-05-05,stated,inspected,military,KPA Unit 1122,Pak Jong Chon; Jo Yong Won; Ri Yong Gil,", Assert.Single(rows[1..]));

        var json = CliRunner.Run("appearances", "--db", db, "--format", "json", "--from", "2025-05", "--to", "2025-05-31");
        var record = Assert.Single(JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList());
        Assert.Equal("stated", record.GetProperty("date_basis").GetString());
        Assert.Equal(2, record.GetProperty("articles").GetArrayLength());
        Assert.Equal("jo-yong-won", record.GetProperty("companions")[1].GetProperty("entity").GetString());

        var with = CliRunner.Run("appearances", "--db", db, "--with", "조용원");
        Assert.StartsWith("1,kim-jong-un,2025-05-05,", Assert.Single(with.Out.Trim().Split("\r\n")[1..]));
        var without = CliRunner.Run("appearances", "--db", db, "--with", "Choe Ryong Hae");
        Assert.Equal("id,person,date,date_basis,activity,kind,place,companions,articles", without.Out.Trim());

        var counts = CliRunner.Run("appearances", "counts", "--db", db, "--person", "kim-jong-un", "--by", "month");
        Assert.Equal("period,military,economic,political,diplomatic,social and cultural,total\r\n2025-05,1,0,0,0,0,1\r\n", counts.Out);

        var companions = CliRunner.Run("appearances", "companions", "--db", db, "--limit", "1");
        Assert.Equal("rank,name,entity,appearances,first,last\r\n1,Jo Yong Won,jo-yong-won,1,2025-05-05,2025-05-05\r\n", companions.Out);

        var gaps = CliRunner.Run("appearances", "gaps", "--db", db, "--person", "Kim Jong Un");
        Assert.Equal("after,until,days,current,archive_articles,archive_thin\r\n2025-05-05,2025-05-07,2,yes,2,no\r\n", gaps.Out);
    }

    [Theory]
    [InlineData("appearances", "--person", "Nobody In Particular")]
    [InlineData("appearances", "--from", "2025-06", "--to", "2025-05")]
    [InlineData("appearances", "--format", "xml")]
    [InlineData("appearances", "counts", "--by", "week")]
    [InlineData("appearances", "companions", "--limit", "0")]
    [InlineData("appearances", "gaps")]
    public void Bad_input_is_a_usage_error(params string[] args)
    {
        using var t = new TempFolder();
        var run = CliRunner.Run([.. args, "--db", t.File("a.db")]);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith("error:", run.Error);
    }
}
