using System.Net;
using System.Text.Json;
using Tongsin.Analysis.Trends;
using Tongsin.App.Web;
using Tongsin.Search;
using Tongsin.Tests.Support;
using Tongsin.Tests.Web;

namespace Tongsin.Tests.Analysis;

/// <summary>
/// Attention over time: a query's matches per bucket as counts and shares of all the chosen sources
/// published, every bucket of the span present; on both backends, and through the command line, the
/// API and the /trends page.
/// </summary>
public abstract class TrendsContract(Backend backend)
{
    // March 2013: four KCNA items (two on the drill), one Rodong item on it; April: one KCNA item, none on it; May: two KCNA items, one on it.
    internal static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        (string Title, string Source, string Published, string Body)[] pages =
        [
            ("Drill denounced", "Korean Central News Agency (EN)", "04/03/2013", "The joint military drill was denounced as a rehearsal for war."),
            ("Farm news", "Korean Central News Agency (EN)", "05/03/2013", "Farmers prepared the fields for spring."),
            ("Drill condemned again", "Korean Central News Agency (EN)", "11/03/2013", "Another military drill was condemned by the spokesman."),
            ("Factory news", "Korean Central News Agency (EN)", "20/03/2013", "The factory finished its plan early."),
            ("Editorial on the drill", "Rodong Sinmun (EN)", "12/03/2013", "The military drill of the enemies was condemned in an editorial."),
            ("Theatre news", "Korean Central News Agency (EN)", "02/04/2013", "A new play opened at the theatre."),
            ("Drill ends", "Korean Central News Agency (EN)", "03/05/2013", "The drill ended and the troops left."),
            ("Orchard news", "Korean Central News Agency (EN)", "04/05/2013", "Apple trees blossomed in the orchard."),
        ];
        foreach (var p in pages)
            f.Store(f.Page(new PageBuilder(Title: p.Title, Source: p.Source, Published: p.Published, Body: [p.Body], Cards: []).ToString()));
        return f;
    }

    private static string Show(TrendSeries s) => string.Join("; ", s.Points.Select(p => $"{p.Label} {p.Count}/{p.Total}"));

    [Fact]
    public void A_query_is_counted_per_month_against_everything_published_with_the_empty_months_at_zero()
    {
        using var f = Archive(backend);
        var series = Assert.Single(new Trends(f.Archive).Run(new TrendRequest(["drill"])));
        Assert.Equal("2013-03 3/5; 2013-04 0/1; 2013-05 1/2", Show(series));
        Assert.Equal(0.6, series.Points[0].Share, 6);
        Assert.Equal(0.5, series.Points[2].Share, 6);
    }

    [Fact]
    public void A_source_filter_in_the_query_narrows_its_total_too_and_each_source_can_have_its_own_series()
    {
        using var f = Archive(backend);
        var kcna = Assert.Single(new Trends(f.Archive).Run(new TrendRequest(["drill source:korean-central-news-agency-en"])));
        Assert.Equal("2013-03 2/4; 2013-04 0/1; 2013-05 1/2", Show(kcna));
        var split = new Trends(f.Archive).Run(new TrendRequest(["drill"], BySource: true, From: new DateOnly(2013, 3, 1), To: new DateOnly(2013, 4, 30)));
        Assert.Equal(["korean-central-news-agency-en", "rodong-sinmun-en"], split.Select(s => s.Source));
        Assert.Equal("2013-03 2/4; 2013-04 0/1", Show(split[0]));
        Assert.Equal("2013-03 1/1; 2013-04 0/0", Show(split[1]));
    }

    [Fact]
    public void Several_queries_share_the_buckets_and_mistakes_are_named()
    {
        using var f = Archive(backend);
        var both = new Trends(f.Archive).Run(new TrendRequest(["drill", "farmers OR factory"], TallyInterval.Year));
        Assert.Equal(["2013 4/8", "2013 2/8"], both.Select(Show));
        Assert.Throws<QueryException>(() => new Trends(f.Archive).Run(new TrendRequest([])));
        Assert.Throws<QueryException>(() => new Trends(f.Archive).Run(new TrendRequest(["(unclosed"])));
        Assert.Throws<QueryException>(() => new Trends(f.Archive).Run(new TrendRequest(Enumerable.Repeat("drill", 11).ToList())));
    }

    // June 2014: a KCNA report on a dam, Rodong Sinmun's reprint of it the next day under a new
    // headline, another KCNA report on a dam (a different text) and a KCNA report on something else.
    private static readonly string[] DamReport =
    [
        "Pyongyang, June 4 (KCNA) -- The builders of the Orangchon power station completed the concrete dam of its third stage on Tuesday, two months ahead of schedule.",
        "The soldier-builders poured more than forty thousand cubic metres of concrete into the dam in the spring, working in shifts day and night through the rains.",
        "The ministry of electric power industry said the new turbines would be installed in the summer so that the station could send electricity to the factories of the province by autumn.",
        "A meeting of the builders was held at the site to mark the completion, and the speakers called for the same speed on the remaining tunnels and the power lines.",
    ];

    private static readonly string[] DamReprint =
    [
        "The builders of the Orangchon power station completed the concrete dam of its third stage on Tuesday, two months ahead of schedule.",
        "The soldier-builders poured more than forty thousand cubic metres of concrete into the dam in the spring, working in shifts day and night through the rains.",
        "The ministry of electric power industry said the new turbines would be installed in the summer so that the station could send electricity to the factories of the province by autumn.",
    ];

    internal static ArchiveFixture Reprinted(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        (string Title, string Source, string Published, string[] Body)[] pages =
        [
            ("Third Stage of Orangchon Power Station Completed", "Korean Central News Agency (EN)", "04/06/2014", DamReport),
            ("Reservoir Builders Finish Ahead of Time", "Rodong Sinmun (EN)", "05/06/2014", DamReprint),
            ("Irrigation Dam Repaired", "Korean Central News Agency (EN)", "10/06/2014", ["Farmers of South Hwanghae Province repaired the irrigation dam washed away by the floods of last year."]),
            ("Rice Transplanting Begins", "Korean Central News Agency (EN)", "11/06/2014", ["Rice transplanting began on the cooperative farms of the west coast."]),
        ];
        foreach (var p in pages)
            f.Store(f.Page(new PageBuilder(Title: p.Title, Source: p.Source, Published: p.Published, Body: p.Body, Cards: []).ToString()));
        new Tongsin.Analysis.AnalyserRunner(f.Archive, [new Tongsin.Analysis.Reprints.ReprintSignatures()]).Run();
        new Tongsin.Analysis.Reprints.ReprintClustering().Update(f.Archive);
        return f;
    }

    [Fact]
    public void A_text_reprinted_in_another_outlet_counts_once_in_count_and_total_and_every_copy_counts_when_asked()
    {
        using var f = Reprinted(backend);
        var trends = new Trends(f.Archive);
        Assert.Equal("2014-06 2/3", Show(Assert.Single(trends.Run(new TrendRequest(["dam"])))));
        Assert.Equal("2014-06 3/4", Show(Assert.Single(trends.Run(new TrendRequest(["dam"], EveryCopy: true)))));
        // Only the reprint's headline has the word: the text counts once, by the copy that matches.
        Assert.Equal("2014-06 1/3", Show(Assert.Single(trends.Run(new TrendRequest(["reservoir"])))));
        // Within one source there is nothing to fold, and each source's series counts its own copy.
        Assert.Equal("2014-06 1/1", Show(Assert.Single(trends.Run(new TrendRequest(["dam"], Sources: ["rodong-sinmun-en"])))));
        var split = trends.Run(new TrendRequest(["dam"], BySource: true));
        Assert.Equal(["2014-06 2/3", "2014-06 1/1"], split.Select(Show));
        // Split by day, the copy's day loses its count and total; the original's day keeps them.
        var days = Assert.Single(trends.Run(new TrendRequest(["dam"], TallyInterval.Day, To: new DateOnly(2014, 6, 5))));
        Assert.Equal("2014-06-04 1/1; 2014-06-05 0/0", Show(days));
    }

    [Fact]
    public void Kept_groups_of_copies_serve_later_trends_until_the_clusters_change()
    {
        using var f = Reprinted(backend);
        var kept = new Tongsin.Analysis.Reprints.ReprintGroupCache();
        var clusters = new Tongsin.Analysis.Reprints.ReprintClusters(f.Archive);
        var first = kept.Groups(clusters, null, null, null, false);
        Assert.Equal(2, first.GroupOf.Count);
        Assert.Same(first, kept.Groups(clusters, null, null, null, false));
        Assert.Equal("2014-06 2/3", Show(Assert.Single(new Trends(f.Archive, kept).Run(new TrendRequest(["dam"])))));

        // A third copy, in a third outlet, once the clusters have taken it in.
        f.Store(f.Page(new PageBuilder(Title: "Power Station Dam Completed", Source: "Voice of Korea (EN)", Published: "06/06/2014", Body: DamReprint, Cards: []).ToString()));
        new Tongsin.Analysis.AnalyserRunner(f.Archive, [new Tongsin.Analysis.Reprints.ReprintSignatures()]).Run();
        new Tongsin.Analysis.Reprints.ReprintClustering().Update(f.Archive);
        Assert.Equal(3, kept.Groups(clusters, null, null, null, false).GroupOf.Count);
        Assert.Equal("2014-06 2/3", Show(Assert.Single(new Trends(f.Archive, kept).Run(new TrendRequest(["dam"])))));
        Assert.Equal("2014-06 4/5", Show(Assert.Single(new Trends(f.Archive, kept).Run(new TrendRequest(["dam"], EveryCopy: true)))));
    }
}

public sealed class SqliteTrendsContract() : TrendsContract(Backend.Sqlite);

public sealed class PostgresTrendsContract() : TrendsContract(Backend.Postgres);

/// <summary>The same series from `tongsin trends`, /api/trends and the /trends page.</summary>
public sealed class TrendsSurfaceTests() : ServedArchive(TrendsContract.Archive(Backend.Sqlite))
{
    [Fact]
    public void The_command_writes_csv_and_json()
    {
        var csv = CliRunner.Run("trends", "--db", Archive.Location, "drill");
        Assert.Equal(0, csv.Exit);
        Assert.Equal("query,source,bucket,count,total,share\r\ndrill,,2013-03,3,5,0.6\r\ndrill,,2013-04,0,1,0\r\ndrill,,2013-05,1,2,0.5\r\n", csv.Out);
        var json = CliRunner.Run("trends", "--db", Archive.Location, "--format", "json", "--interval", "year", "drill", "orchard");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("year", doc.RootElement.GetProperty("interval").GetString());
        Assert.Equal([("drill", 4L), ("orchard", 1L)], doc.RootElement.GetProperty("series").EnumerateArray()
            .Select(s => (s.GetProperty("query").GetString(), s.GetProperty("points")[0].GetProperty("count").GetInt64())));
        var wrong = CliRunner.Run("trends", "--db", Archive.Location, "--interval", "fortnight", "drill");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("'fortnight' is not an interval", wrong.Error);
    }

    [Fact]
    public async Task The_api_answers_points_with_bucket_count_total_and_share_and_400_for_mistakes()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/api/trends?q=drill&q=orchard&interval=month"));
        var drill = doc.RootElement.GetProperty("series")[0];
        var point = drill.GetProperty("points")[0];
        Assert.Equal(("2013-03", 3L, 5L, 0.6), (point.GetProperty("bucket").GetString(), point.GetProperty("count").GetInt64(), point.GetProperty("total").GetInt64(), point.GetProperty("share").GetDouble()));
        Assert.Equal(2, doc.RootElement.GetProperty("series").GetArrayLength());
        using var csv = await Client.GetAsync("/api/trends?q=drill&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("query,source,bucket,count,total,share", await csv.Content.ReadAsStringAsync());
        foreach (var bad in new[] { "/api/trends", "/api/trends?q=(drill", "/api/trends?q=drill&interval=decade", "/api/trends?q=drill&split=outlet", "/api/trends?q=drill&copies=some" })
        {
            using var answer = await Client.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }
    }

    [Fact]
    public async Task The_page_draws_the_chart_with_links_to_the_articles_behind_each_point_and_offers_the_downloads()
    {
        var html = await Client.GetStringAsync("/trends?q=drill&interval=month");
        Assert.Contains("class=\"trend-chart\"", html);
        Assert.Contains("<title>drill, 2013-03: 3 of 5 (60%)</title>", html);
        Assert.Contains("href=\"/search?q=drill&amp;from=2013-03-01&amp;to=2013-03-31\"", html);
        Assert.Contains("share of all the articles all sources published in the month", html);
        Assert.Contains("href=\"/api/trends?q=drill&amp;interval=month&amp;format=csv\"", html);
        Assert.Contains("href=\"/trends.svg?q=drill&amp;interval=month\"", html);
        Assert.Contains("href=\"/trends.png?q=drill&amp;interval=month\"", html);
        Assert.Contains("Reprints and duplicate addresses count once: a text published more than once in the chosen sources", html);
        Assert.Contains("href=\"/trends?q=drill&amp;interval=month&amp;copies=all\">Count every copy</a>", html);
        var every = await Client.GetStringAsync("/trends?q=drill&interval=month&copies=all");
        Assert.Contains("Every copy of a text counts", every);
        Assert.Contains("<input type=\"hidden\" name=\"copies\" value=\"all\">", every);
        Assert.Contains("href=\"/trends?q=drill&amp;interval=month\">Count each text once</a>", every);
        var form = await Client.GetStringAsync("/trends");
        Assert.Contains("<form class=\"trends-form\"", form);
        Assert.DoesNotContain("<svg xmlns", form);
        using var svg = await Client.GetAsync("/trends.svg?q=drill&measure=count");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("matching articles", await svg.Content.ReadAsStringAsync());
        using var bad = await Client.GetAsync("/trends?q=drill&measure=loudness");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_chart_as_png_is_the_chart_drawn_at_its_size_with_each_series_in_its_colour()
    {
        using var answer = await Client.GetAsync("/trends.png?q=drill&q=orchard&measure=count");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("image/png", answer.Content.Headers.ContentType!.MediaType);
        Assert.Equal("trends.png", answer.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        using var image = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.Equal((Tongsin.App.Web.Pages.TrendChart.Width, Tongsin.App.Web.Pages.TrendChart.Height), (image.Width, image.Height));
        var colours = image.Pixels.Select(c => $"#{c.Red:X2}{c.Green:X2}{c.Blue:X2}").ToHashSet();
        // The first series' line and marks in the first colour, the second's in the second; a third colour is in no series.
        Assert.Contains(Tongsin.App.Web.Pages.TrendChart.Colour(0), colours);
        Assert.Contains(Tongsin.App.Web.Pages.TrendChart.Colour(1), colours);
        Assert.DoesNotContain(Tongsin.App.Web.Pages.TrendChart.Colour(2), colours);
        using var bad = await Client.GetAsync("/trends.png?q=(drill");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("text/html", bad.Content.Headers.ContentType!.ToString());
    }
}
