using Tongsin.Analysis.Appearances;

namespace Tongsin.Tests.Analysis.Appearances;

public class AppearanceGroupsTests
{
    private static ArticleReport Report(long article, string date, string basis, string place, string published, int report = 0, string person = "kim-jong-un") =>
        new(article, report, DateOnly.Parse(published), new AppearanceReport(person, DateOnly.Parse(date), basis, AppearanceActivities.Inspected, AppearanceKind.Military, place, []));

    [Fact]
    public void Reports_of_one_activity_are_one_appearance_with_the_stated_day_and_the_first_report_first()
    {
        var groups = AppearanceGroups.Group([
            Report(2, "2025-05-07", DateBasis.Published, "KPA Unit 1122", "2025-05-07"),
            Report(1, "2025-05-05", DateBasis.Stated, "KPA Unit 1122", "2025-05-06"),
            Report(3, "2025-05-12", DateBasis.Recently, "unit 1122 of the KPA", "2025-05-12"),
            Report(4, "2025-05-05", DateBasis.Stated, "KPA Unit 1122", "2025-05-06", person: "choe-ryong-hae"),
        ]);
        Assert.Equal(2, groups.Count);
        var his = groups.Single(g => g.Appearance.Person == "kim-jong-un");
        Assert.Equal([1L, 2L, 3L], his.Articles);
        Assert.Equal((1L, new DateOnly(2025, 5, 5), DateBasis.Stated), (his.First, his.Appearance.Date, his.Appearance.DateBasis));
    }

    [Fact]
    public void Two_places_of_one_day_and_two_reports_of_one_article_stay_apart()
    {
        var groups = AppearanceGroups.Group([
            Report(1, "2025-07-01", DateBasis.Stated, "Hungnam Fertilizer Complex", "2025-07-03"),
            Report(1, "2025-07-01", DateBasis.Stated, "Ryongsong Machine Complex", "2025-07-03", report: 1),
            Report(2, "2025-07-01", DateBasis.Stated, "Wolnae Islet Defence Detachment", "2025-07-02"),
            Report(3, "2025-07-01", DateBasis.Stated, "Jangjae Islet Defence Detachment", "2025-07-02"),
        ]);
        Assert.Equal(4, groups.Count);
        Assert.Equal([1L, 2L, 3L, 4L], groups.Select(g => g.Id));
    }
}
