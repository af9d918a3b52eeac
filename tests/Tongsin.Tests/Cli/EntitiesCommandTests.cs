using System.Text.Json;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class EntitiesCommandTests
{
    // Import runs the analysers, so the archive's mentions are there when the commands read them.
    private static string Archive(TempFolder t)
    {
        var pages = t.Path + "/pages";
        Directory.CreateDirectory(pages);
        t.Write("pages/1.txt", new PageBuilder(Title: "Kim Yo Jong Issues Press Statement", Published: "03/05/2024",
            Body: ["Kim Yo Jong, vice department director of the WPK Central Committee, issued a press statement denouncing the U.S."], Cards: []).ToString());
        t.Write("pages/2.txt", new PageBuilder(Title: "Farm Work Brisk", Published: "20/06/2024",
            Body: ["Director Ryang Chol Bom said the farm finished transplanting, and Kim Yo Jong praised it."], Cards: []).ToString());
        t.Write("pages/3.txt", new PageBuilder(Title: "Meeting Held", Published: "21/06/2024",
            Body: ["Ryang Chol Bom, chairman of the farm committee, spoke at the meeting."], Cards: []).ToString());
        var db = t.File("a.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, pages).Exit);
        return db;
    }

    [Fact]
    public void Entities_are_listed_with_their_article_counts_by_kind_and_filter()
    {
        using var t = new TempFolder();
        var db = Archive(t);
        var r = CliRunner.Run("entities", "--db", db, "--kind", "person", "--filter", "yo-jong");
        Assert.Equal(0, r.Exit);
        var rows = r.Out.Trim().Split("\r\n");
        Assert.Equal("slug,kind,name,articles,mentions", rows[0]);
        Assert.Equal("kim-yo-jong,person,Kim Yo Jong,2,3", rows[1]);
        var countries = CliRunner.Run("entities", "--db", db, "--kind", "country").Out.Trim().Split("\r\n");
        Assert.Equal("united-states,country,U.S.,1,1", countries[1]);
        Assert.Equal(1, CliRunner.Run("entities", "--db", db, "--filter", "nobody at all").Exit);
    }

    [Fact]
    public void Show_finds_an_entity_by_any_spelling_or_Hangul_and_tells_its_record()
    {
        using var t = new TempFolder();
        var db = Archive(t);
        foreach (var name in new[] { "kim-yo-jong", "KIM YO-JONG", "김여정", "Kim Yŏ-jŏng" })
        {
            var r = CliRunner.Run("entities", "show", name, "--db", db);
            Assert.Equal(0, r.Exit);
            Assert.StartsWith("Kim Yo Jong (kim-yo-jong, person)", r.Out);
            Assert.Contains("Korean: 김여정", r.Out);
            Assert.Contains("Named in 2 articles, first 2024-05-03, last 2024-06-20", r.Out);
            Assert.Contains("  2024-06       1", r.Out);
            Assert.Contains("Ryang Chol Bom (person:ryang-chol-bom, person)", r.Out);
            Assert.Contains("2024-06-20  korean-central-news-agency-en  Farm Work Brisk", r.Out);
        }
        var unknown = CliRunner.Run("entities", "show", "Ryang Chol Bom", "--db", db);
        Assert.Equal(0, unknown.Exit);
        Assert.StartsWith("Ryang Chol Bom (person:ryang-chol-bom, found by the shape of the name; not in the gazetteer)", unknown.Out);
        Assert.Contains("Named in 2 articles", unknown.Out);
    }

    [Fact]
    public void Candidates_are_the_names_the_gazetteer_lacks_with_examples_as_csv_and_json()
    {
        using var t = new TempFolder();
        var db = Archive(t);
        var csv = CliRunner.Run("entities", "candidates", "--db", db, "--kind", "person");
        Assert.Equal(0, csv.Exit);
        var rows = csv.Out.Trim().Split("\r\n");
        Assert.Equal("entity,kind,name,articles,mentions,reads_as,example_ids,example_titles", rows[0]);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("person:ryang-chol-bom,person,Ryang Chol Bom,2,2,,", rows[1]);
        Assert.EndsWith(",Meeting Held | Farm Work Brisk", rows[1]);

        var json = CliRunner.Run("entities", "candidates", "--db", db, "--format", "json", "--min", "1");
        var first = JsonDocument.Parse(json.Out).RootElement[0];
        Assert.Equal("person:ryang-chol-bom", first.GetProperty("entity").GetString());
        Assert.Equal(2, first.GetProperty("examples").GetArrayLength());
        Assert.Equal("Meeting Held", first.GetProperty("examples")[0].GetProperty("title").GetString());
        Assert.Equal("entity,kind,name,articles,mentions,reads_as,example_ids,example_titles", CliRunner.Run("entities", "candidates", "--db", db, "--min", "3").Out.Trim());
    }

    [Theory]
    [InlineData(new[] { "entities", "--kind", "people" }, "error: --kind 'people' is not a kind; there are: person, organisation, country, place, idea")]
    [InlineData(new[] { "entities", "--filter", "..." }, "error: --filter needs letters or digits")]
    [InlineData(new[] { "entities", "candidates", "--min", "0" }, "error: --min must be at least 1, not 0")]
    [InlineData(new[] { "entities", "candidates", "--format", "xml" }, "xml")]
    [InlineData(new[] { "entities", "show", "Ri Yong Ho" }, "error: 'Ri Yong Ho' names 2 entities; ask for one by its slug: ri-yong-ho-foreign")]
    [InlineData(new[] { "entities", "show", "Nobody Anywhere" }, "error: 'Nobody Anywhere' is no entity of the gazetteer")]
    [InlineData(new[] { "entities", "show", "Kim Yo Jong", "--limit", "0" }, "error: --limit must be between 1 and 1000, not 0")]
    public void Bad_input_is_a_usage_error_without_a_stack_trace(string[] args, string message)
    {
        using var t = new TempFolder();
        var db = Archive(t);
        var r = CliRunner.Run([.. args, "--db", db]);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
