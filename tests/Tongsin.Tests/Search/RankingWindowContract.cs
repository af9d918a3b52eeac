using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// Search answered inside the index, the same on every backend: filters as meta tokens, the bounded
/// relevance window for queries with many matches, date order a year at a time, and facets. Each
/// backend runs these tests through a class of its own below, which gives the knob of its window.
/// </summary>
public abstract class RankingWindowContract(Backend backend, Action<IArchive, int> setWindow)
{
    // Twelve articles over three years and two sources, stored oldest first. Every one says
    // "harvest" once; the later the article, the longer it is, so relevance (BM25 on SQLite,
    // ts_rank on PostgreSQL, both dividing by the length) prefers the oldest. Those of 2021 and
    // 2022 say "fields" too. beforeEach runs before the article of each number is stored.
    internal static ArchiveFixture TwelveReports(Backend backend, Action<ArchiveFixture, int>? beforeEach = null)
    {
        var f = new ArchiveFixture(backend);
        for (var i = 0; i < 12; i++)
        {
            var year = 2021 + i / 4;
            var month = 1 + i % 4 * 3;
            beforeEach?.Invoke(f, i);
            var source = i % 2 == 0 ? "Korean Central News Agency (EN)" : "Voice of Korea (EN)";
            var fields = year < 2023 ? " in the fields" : "";
            var week = string.Join(' ', Enumerable.Repeat("Work went on through the week.", i + 1));
            f.Store(f.Page(new PageBuilder(Title: $"Farm report number {i}", Source: source, Published: $"15/{month:D2}/{year}",
                Body: [$"Farmers gathered the harvest{fields} of cooperative farm {i}.", week], Cards: []).ToString()));
        }
        return f;
    }

    private ArchiveFixture Archive() => TwelveReports(backend);

    [Fact]
    public void Below_the_window_every_match_is_ranked()
    {
        using var f = Archive();
        var r = f.Archive.Search(new SearchRequest("harvest", Limit: 3));
        Assert.Equal(12, r.Total);
        Assert.Null(r.RankedAmong);
        Assert.Equal(["Farm report number 0", "Farm report number 1", "Farm report number 2"], r.Hits.Select(h => h.Title));
        Assert.True(r.Hits[0].Score > r.Hits[1].Score && r.Hits[1].Score > r.Hits[2].Score);
    }

    [Fact]
    public void Above_the_window_the_newest_matches_are_ranked_and_the_results_say_so_while_the_count_stays_exact()
    {
        using var f = Archive();
        setWindow(f.Archive, 4);
        var r = f.Archive.Search(new SearchRequest("harvest", Limit: 3));
        Assert.Equal(12, r.Total);
        // About the window's size of the newest matches is ranked, and the results say how many.
        var among = Assert.IsType<long>(r.RankedAmong);
        Assert.InRange(among, 3, 8);
        // Among the newest received, the oldest of them is the shortest.
        var first = (int)(12 - among);
        Assert.Equal([$"Farm report number {first}", $"Farm report number {first + 1}", $"Farm report number {first + 2}"], r.Hits.Select(h => h.Title));

        // A date range that leaves fewer matches than the window ranks them all again.
        var narrowed = f.Archive.Search(new SearchRequest("harvest date:2021", Limit: 3));
        Assert.Equal(4, narrowed.Total);
        Assert.Null(narrowed.RankedAmong);
        Assert.Equal("Farm report number 0", narrowed.Hits[0].Title);
    }

    [Fact]
    public void Date_order_over_many_matches_goes_a_year_at_a_time_and_pages_across_years()
    {
        using var f = Archive();
        setWindow(f.Archive, 1); // more than four times the window: year by year
        var newest = f.Archive.Search(new SearchRequest("harvest", Limit: 6, Sort: SearchSort.Newest));
        Assert.Equal(["Farm report number 11", "Farm report number 10", "Farm report number 9", "Farm report number 8", "Farm report number 7", "Farm report number 6"],
            newest.Hits.Select(h => h.Title));
        var oldest = f.Archive.Search(new SearchRequest("harvest", Limit: 2, Offset: 3, Sort: SearchSort.Oldest));
        Assert.Equal(["Farm report number 3", "Farm report number 4"], oldest.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Source_and_date_filters_select_inside_the_index_and_agree_with_the_articles_rows()
    {
        using var f = Archive();
        Assert.Equal(6, f.Archive.Search(new SearchRequest("harvest source:voice-of-korea-en")).Total);
        Assert.Equal(2, f.Archive.Search(new SearchRequest("harvest source:voice-of-korea-en date:2022")).Total);
        Assert.Equal(6, f.Archive.Search(new SearchRequest("harvest -source:voice-of-korea-en")).Total);
        Assert.Equal(12, f.Archive.Search(new SearchRequest("harvest lang:en")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("harvest lang:ko")).Total);
        // 2021-04-15 to 2022-07-15: days, then months, then days again.
        Assert.Equal(["Farm report number 1", "Farm report number 2", "Farm report number 3", "Farm report number 4", "Farm report number 5", "Farm report number 6"],
            f.Archive.Search(new SearchRequest("harvest date:2021-04-15..2022-07-15", Limit: 20, Sort: SearchSort.Oldest)).Hits.Select(h => h.Title));
        // after: and before: leave out the day they name; a range widened to whole months leaves out the days it gained.
        Assert.Equal(4, f.Archive.Search(new SearchRequest("harvest after:2021-04-16 before:2022-07-15")).Total);
        Assert.Equal(5, f.Archive.Search(new SearchRequest("harvest after:2021-04-14 before:2022-07-15")).Total);
        Assert.Equal(11, f.Archive.Search(new SearchRequest("harvest after:2021-01-15")).Total);
        // Dates outside the archive, or ranges that cannot meet, select nothing rather than failing.
        Assert.Equal(0, f.Archive.Search(new SearchRequest("harvest after:2030-01-01")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("harvest", From: new DateOnly(2022, 1, 1), To: new DateOnly(2021, 1, 1))).Total);
        Assert.Equal(12, f.Archive.Search(new SearchRequest("harvest after:1990-01-01")).Total);
    }

    [Fact]
    public void Facets_count_every_match_per_source_language_and_year()
    {
        using var f = Archive();
        setWindow(f.Archive, 2);
        var r = f.Archive.Search(new SearchRequest("harvest after:2022-01-01", Limit: 1, Facets: true));
        Assert.Equal(8, r.Total);
        Assert.NotNull(r.RankedAmong);
        Assert.Equal([("korean-central-news-agency-en", 4L), ("voice-of-korea-en", 4L)], r.Facets!.Sources.Select(x => (x.Value, x.Count)).Order());
        Assert.Equal([("en", 8L)], r.Facets.Languages.Select(x => (x.Value, x.Count)));
        Assert.Equal([("2023", 4L), ("2022", 4L)], r.Facets.Years.Select(x => (x.Value, x.Count)));
    }
}

public sealed class SqliteRankingWindowContract() : RankingWindowContract(Backend.Sqlite, (archive, size) => ((SqliteArchive)archive).SearchRankWindow = size);

public sealed class PostgresRankingWindowContract() : RankingWindowContract(Backend.Postgres, (archive, size) => ((PostgresArchive)archive).SearchRankWindow = size);
