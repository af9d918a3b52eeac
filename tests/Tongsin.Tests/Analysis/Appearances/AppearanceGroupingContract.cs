using Tongsin.Analysis;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Analysis.Appearances;

/// <summary>
/// The calendar on every backend: the analyser's reports of one activity grouped into one
/// appearance with all its articles, another activity kept apart, and the calendar's reads.
/// </summary>
public abstract class AppearanceGroupingContract(Backend backend)
{
    private static string Page(string source, string published, string title, string[] body) =>
        new PageBuilder(Title: title, Source: source, Published: published, Body: body, Cards: []).ToString();

    private static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        f.Store(
            f.Page(Page("Korean Central News Agency (EN)", "06/05/2025", AppearanceTexts.InspectionTitle, AppearanceTexts.Inspection)),
            f.Page(Page("Rodong Sinmun (EN)", "07/05/2025", AppearanceTexts.ReprintTitle, AppearanceTexts.Reprint)),
            f.Page(Page("Korean Central News Agency (EN)", "12/06/2025", "Kim Jong Un Gives Field Guidance to Machine Complex", AppearanceTexts.Recently)),
            f.Page(Page("Korean Central News Agency (EN)", "08/05/2025", "Kim Jong Un Sends Message", AppearanceTexts.Letter)));
        return f;
    }

    private static AppearanceGroupingRun? Analyse(ArchiveFixture f)
    {
        new AnalyserRunner(f.Archive, [new AppearanceAnalyser(Gazetteer.Load())]).Run();
        return new AppearanceGrouping().Update(f.Archive);
    }

    private static long Id(ArchiveFixture f, string title) => f.All().Single(a => a.Article.Title == title).Article.Id;

    [Fact]
    public void The_reports_of_one_activity_are_one_appearance_and_the_calendar_reads_it()
    {
        using var f = Archive(backend);
        var run = Analyse(f);
        Assert.Equal((true, 3L, 2L), (run!.Regrouped, run.Reports, run.Appearances));

        var calendar = new AppearanceCalendar(f.Archive);
        var all = calendar.Appearances("kim-jong-un");
        Assert.Equal(2, all.Count);
        var inspection = all[0];
        Assert.Equal((new DateOnly(2025, 5, 5), DateBasis.Stated, "KPA Unit 1122"), (inspection.Date, inspection.DateBasis, inspection.Place));
        Assert.Equal([Id(f, AppearanceTexts.InspectionTitle), Id(f, AppearanceTexts.ReprintTitle)], inspection.Articles);
        Assert.Equal(["Pak Jong Chon", "Jo Yong Won", "Ri Yong Gil"], inspection.Companions.Select(c => c.Name));
        Assert.Equal(AppearanceKind.Economic, all[1].Kind);

        Assert.Single(calendar.Appearances(from: new DateOnly(2025, 6, 1)));
        Assert.Empty(calendar.Appearances("kim-jong-il"));
        Assert.Equal([new KindCount("2025-05", AppearanceKind.Military, 1), new KindCount("2025-06", AppearanceKind.Economic, 1)], calendar.Counts("kim-jong-un", CalendarPeriod.Month));
        var first = calendar.Companions("kim-jong-un")[0];
        Assert.Equal(("Jo Yong Won", 1L), (first.Name, first.Appearances));
        Assert.Single(calendar.With("jo-yong-won", "kim-jong-un"));
        var (longest, current) = calendar.Gaps("kim-jong-un", asOf: new DateOnly(2025, 6, 20));
        // Three articles fall in the 37 days after the inspection: about the archive's mean, so the gap is the person's.
        Assert.Equal(new CalendarGap(new DateOnly(2025, 5, 5), new DateOnly(2025, 6, 12), 37, false, 3, false), longest[0]);
        // The archive holds nothing after 12 June: the current gap is one of the archive.
        Assert.Equal((8, 0L, true), (current!.Days, current.Articles, current.ArchiveThin));

        // Up to date: nothing to do until the analyser takes in a change.
        Assert.False(new AppearanceGrouping().Update(f.Archive)!.Regrouped);
    }
}

public sealed class SqliteAppearanceGroupingContract() : AppearanceGroupingContract(Backend.Sqlite);

public sealed class PostgresAppearanceGroupingContract() : AppearanceGroupingContract(Backend.Postgres);
