using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// A query's matches counted per source and bucket of time, the same on every backend: by day,
/// ISO week, month and year, for words and for filters alone, and for a blank query (everything
/// in the request's scope: the denominator of a share).
/// </summary>
public abstract class TallyContract(Backend backend)
{
    private static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        (string Title, string Source, string Published, string Body)[] pages =
        [
            ("Harvest in Hwanghae", "Korean Central News Agency (EN)", "04/03/2013", "Farmers gathered a rich harvest of rice."),
            ("Rice transplanting", "Korean Central News Agency (EN)", "05/03/2013", "Rice seedlings were transplanted on the cooperative farms."),
            ("Navy drill condemned", "Korean Central News Agency (EN)", "11/03/2013", "The drill of the navy was condemned as a provocation."),
            ("Rice fields irrigated", "Rodong Sinmun (EN)", "11/03/2013", "Water reached the rice fields through the new waterway."),
            ("Rice output grows", "Rodong Sinmun (EN)", "02/04/2013", "Rice output grew on the farms of the province."),
            ("New year rice", "Korean Central News Agency (EN)", "03/01/2014", "The rice of the new year was distributed."),
        ];
        foreach (var p in pages)
            f.Store(f.Page(new PageBuilder(Title: p.Title, Source: p.Source, Published: p.Published, Body: [p.Body], Cards: []).ToString()));
        return f;
    }

    private const string Kcna = "korean-central-news-agency-en", Rodong = "rodong-sinmun-en";

    private static string Show(IEnumerable<TallyCount> counts) => string.Join("; ", counts.Select(c => $"{c.Source} {c.Bucket:yyyy-MM-dd} {c.Count}"));

    [Fact]
    public void Words_are_counted_per_source_and_day_week_month_and_year()
    {
        using var f = Archive(backend);
        var rice = new SearchRequest("rice");
        Assert.Equal($"{Kcna} 2013-03-04 1; {Kcna} 2013-03-05 1; {Rodong} 2013-03-11 1; {Rodong} 2013-04-02 1; {Kcna} 2014-01-03 1",
            Show(f.Archive.Tally(rice, TallyInterval.Day)));
        // 4 and 5 March 2013 are the Monday and Tuesday of one ISO week.
        Assert.Equal($"{Kcna} 2013-03-04 2; {Rodong} 2013-03-11 1; {Rodong} 2013-04-01 1; {Kcna} 2013-12-30 1",
            Show(f.Archive.Tally(rice, TallyInterval.Week)));
        Assert.Equal($"{Kcna} 2013-03-01 2; {Rodong} 2013-03-01 1; {Rodong} 2013-04-01 1; {Kcna} 2014-01-01 1",
            Show(f.Archive.Tally(rice, TallyInterval.Month)));
        Assert.Equal($"{Kcna} 2013-01-01 2; {Rodong} 2013-01-01 2; {Kcna} 2014-01-01 1", Show(f.Archive.Tally(rice, TallyInterval.Year)));
    }

    [Fact]
    public void Filters_narrow_the_tally_and_a_blank_query_counts_everything_in_scope()
    {
        using var f = Archive(backend);
        Assert.Equal($"{Rodong} 2013-03-01 1; {Rodong} 2013-04-01 1", Show(f.Archive.Tally(new SearchRequest("rice source:rodong-sinmun-en"), TallyInterval.Month)));
        Assert.Equal($"{Kcna} 2013-03-01 3; {Rodong} 2013-03-01 1", Show(f.Archive.Tally(new SearchRequest("date:2013-03"), TallyInterval.Month)));
        Assert.Equal($"{Kcna} 2013-01-01 3; {Rodong} 2013-01-01 2; {Kcna} 2014-01-01 1", Show(f.Archive.Tally(new SearchRequest(""), TallyInterval.Year)));
        Assert.Equal($"{Kcna} 2013-01-01 3", Show(f.Archive.Tally(new SearchRequest("", SourceSlugs: [Kcna], To: new DateOnly(2013, 12, 31)), TallyInterval.Year)));
        Assert.Empty(f.Archive.Tally(new SearchRequest("nothingmatchesthis"), TallyInterval.Year));
        Assert.Throws<QueryException>(() => f.Archive.Tally(new SearchRequest("\"unclosed"), TallyInterval.Year));
    }

    [Fact]
    public void The_blank_tally_keeps_count_as_articles_are_stored()
    {
        using var f = Archive(backend);
        var everything = new SearchRequest("");
        Assert.Equal($"{Kcna} 2013-03-01 3; {Rodong} 2013-03-01 1; {Rodong} 2013-04-01 1; {Kcna} 2014-01-01 1", Show(f.Archive.Tally(everything, TallyInterval.Month)));
        f.Store(f.Page(new PageBuilder(Title: "Tractors delivered", Source: "Rodong Sinmun (EN)", Published: "04/03/2013", Body: ["New tractors were delivered."], Cards: []).ToString()));
        f.Store(f.Page(new PageBuilder(Title: "Spring sowing", Source: "Korean Central News Agency (EN)", Published: "20/05/2015", Body: ["Sowing began."], Cards: []).ToString()));
        // The same text again is no new article.
        f.Store(f.Page(new PageBuilder(Title: "Spring sowing", Source: "Korean Central News Agency (EN)", Published: "20/05/2015", Body: ["Sowing began."], Cards: []).ToString()));
        Assert.Equal($"{Kcna} 2013-03-04 1; {Rodong} 2013-03-04 1; {Kcna} 2013-03-05 1",
            Show(f.Archive.Tally(everything with { To = new DateOnly(2013, 3, 5) }, TallyInterval.Day)));
        Assert.Equal($"{Kcna} 2013-01-01 3; {Rodong} 2013-01-01 3; {Kcna} 2014-01-01 1; {Kcna} 2015-01-01 1", Show(f.Archive.Tally(everything, TallyInterval.Year)));
        Assert.Equal($"{Rodong} 2013-01-01 3", Show(f.Archive.Tally(new SearchRequest("source:rodong-sinmun-en"), TallyInterval.Year)));
        Assert.Empty(f.Archive.Tally(everything with { From = new DateOnly(2016, 1, 1) }, TallyInterval.Year));
    }

    [Fact]
    public void The_facets_of_a_search_are_the_tally_by_year()
    {
        using var f = Archive(backend);
        var facets = f.Archive.Search(new SearchRequest("rice", Facets: true)).Facets!;
        Assert.Equal([("2014", 1L), ("2013", 4L)], facets.Years.Select(y => (y.Value, y.Count)));
        Assert.Equal([(Kcna, 3L), (Rodong, 2L)], facets.Sources.Select(s => (s.Value, s.Count)));
    }

    [Theory]
    [InlineData("2013-03-04", "day", "2013-03-04")]
    [InlineData("2013-03-10", "week", "2013-W10")]
    [InlineData("2013-03-11", "week", "2013-W11")]
    [InlineData("2013-03-31", "month", "2013-03")]
    [InlineData("2013-12-31", "year", "2013")]
    [InlineData("2014-12-29", "week", "2015-W01")]
    public void A_bucket_is_named_as_its_interval_names_it(string day, string interval, string label)
    {
        var i = TallyBuckets.Parse(interval);
        Assert.Equal(label, TallyBuckets.Label(TallyBuckets.Start(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), i), i));
    }

    [Fact]
    public void A_span_has_every_bucket_and_an_unknown_interval_is_refused()
    {
        Assert.Equal(["2013-01", "2013-02", "2013-03"], TallyBuckets.Span(new DateOnly(2013, 1, 20), new DateOnly(2013, 3, 2), TallyInterval.Month).Select(b => TallyBuckets.Label(b, TallyInterval.Month)));
        Assert.Equal("'fortnight' is not an interval; write day, week, month or year", Assert.Throws<QueryException>(() => TallyBuckets.Parse("fortnight")).Message);
    }
}

public sealed class SqliteTallyContract() : TallyContract(Backend.Sqlite);

public sealed class PostgresTallyContract() : TallyContract(Backend.Postgres);
