using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Reprints;
using Tongsin.Analysis.Trends;
using Tongsin.App.Web.Api;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>
/// /trends: attention over time for up to five queries, as a chart made on the server (an SVG the
/// page holds, readable without scripts), the numbers in a table, and downloads of the series (CSV,
/// JSON) and the chart (SVG, PNG). /trends.svg and /trends.png give the chart alone.
/// </summary>
internal static class TrendsPage
{
    private const int Boxes = 5;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapRead("/trends", Page);
        app.MapRead("/trends.svg", Svg);
        app.MapRead("/trends.png", Png);
    }

    public static async Task<IResult> Page(HttpContext context, IArchive archive, SearchGate gate, ReprintGroupCache kept)
    {
        var p = new Parameters(context.Request, archive);
        var sources = archive.SourceList();
        if (p.Values("q").All(string.IsNullOrWhiteSpace)) return new PageResult(Render(context.Request, sources, null, null, TrendMeasure.Share));
        try
        {
            var (request, _) = TrendsApi.Read(p, context.Request);
            var measure = Measure(p);
            var series = await gate.Run(context, (bounds, cancel) => new Trends(archive, kept).Run(request with { Bounds = bounds }, cancel));
            return new PageResult(Render(context.Request, sources, request, series, measure));
        }
        catch (QueryException e)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    public static Task<IResult> Svg(HttpContext context, IArchive archive, SearchGate gate, ReprintGroupCache kept) => Chart(context, archive, gate, kept, svg =>
    {
        context.Response.Headers.ContentDisposition = "attachment; filename=\"trends.svg\"";
        return Results.Bytes(System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg), "image/svg+xml");
    });

    public static Task<IResult> Png(HttpContext context, IArchive archive, SearchGate gate, ReprintGroupCache kept) => Chart(context, archive, gate, kept, svg =>
    {
        context.Response.Headers.ContentDisposition = "attachment; filename=\"trends.png\"";
        return Results.Bytes(TrendChart.Png(svg), "image/png");
    });

    // The chart alone, as the page draws it, answered in the form the route gives.
    private static async Task<IResult> Chart(HttpContext context, IArchive archive, SearchGate gate, ReprintGroupCache kept, Func<Html, IResult> answer)
    {
        try
        {
            var p = new Parameters(context.Request, archive);
            var (request, _) = TrendsApi.Read(p, context.Request);
            var measure = Measure(p);
            var series = await gate.Run(context, (bounds, cancel) => new Trends(archive, kept).Run(request with { Bounds = bounds }, cancel));
            return answer(TrendChart.Svg(series, measure, (s, point) => Behind(request, s, point)));
        }
        catch (QueryException e)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static TrendMeasure Measure(Parameters p) => p.Text("measure") switch
    {
        null or "share" => TrendMeasure.Share,
        "count" => TrendMeasure.Count,
        var other => throw new QueryException($"'measure' must be share or count, not '{(other.Length > 20 ? other[..20] : other)}'"),
    };

    // The search behind a point: its query, in its source when the series is one source's, within the bucket's days.
    private static string Behind(TrendRequest request, TrendSeries s, TrendPoint p)
    {
        var last = TallyBuckets.Next(p.Bucket, request.Interval).AddDays(-1);
        var parts = new List<string> { "q=" + Uri.EscapeDataString(s.Query), "from=" + Display.Iso(p.Bucket), "to=" + Display.Iso(last) };
        if (s.Source is not null) parts.Add("source=" + Uri.EscapeDataString(s.Source));
        else if (request.Sources is { } chosen) parts.AddRange(chosen.Select(c => "source=" + Uri.EscapeDataString(c)));
        return "/search?" + string.Join("&", parts);
    }

    private static Html Render(HttpRequest http, IReadOnlyList<Model.Source> sources, TrendRequest? request, IReadOnlyList<TrendSeries>? series, TrendMeasure measure)
    {
        var query = http.QueryString.Value ?? "";
        var queries = request?.Queries ?? [];
        var interval = request?.Interval ?? TallyInterval.Month;
        var chosen = request?.Sources ?? [];
        var form = Html.Of($"""
            <form class="trends-form" method="get" action="/trends">
            {Enumerable.Range(0, Boxes).Select(i => Html.Of($"""<label>Query {(i + 1).ToString(CultureInfo.InvariantCulture)} <input type="search" name="q" value="{(i < queries.Count ? queries[i] : "")}"{Html.When(i == 0, Html.Of($" autofocus"))}></label>"""))}
            <label>Every <select name="interval">{new[] { "day", "week", "month", "year" }.Select(v => Html.Of($"""<option value="{v}"{Html.When(v == interval.ToString().ToLowerInvariant(), Html.Of($" selected"))}>{v}</option>"""))}</select></label>
            <label>Source <select name="source"><option value="">all sources</option>{sources.Select(s => Html.Of($"""<option value="{s.Slug}"{Html.When(chosen.Contains(s.Slug), Html.Of($" selected"))}>{s.Label}</option>"""))}</select></label>
            <label>From <input name="from" value="{(request?.From is { } f ? Display.Iso(f) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <label>To <input name="to" value="{(request?.To is { } t ? Display.Iso(t) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <label>Show <select name="measure"><option value="share"{Html.When(measure == TrendMeasure.Share, Html.Of($" selected"))}>share of all articles</option><option value="count"{Html.When(measure == TrendMeasure.Count, Html.Of($" selected"))}>number of articles</option></select></label>
            <label><input type="checkbox" name="split" value="source"{Html.When(request?.BySource == true, Html.Of($" checked"))}> a line for each source</label>
            {Html.When(request?.EveryCopy == true, Html.Of($"""<input type="hidden" name="copies" value="all">"""))}
            <button type="submit">Draw</button>
            </form>
            """);
        var body = series is null || request is null
            ? Html.Of($"""<p class="hint">Each query of the search language is counted per day, week, month or year: the number of articles it matches and their share of everything the chosen sources published in that time, so that a busy month does not look like a surge.</p>""")
            : Result(request, series, measure, query);
        return Layout.Render(new PageFrame("Trends"), Html.Of($"""
            <h1>Trends</h1>
            {form}
            {body}
            """));
    }

    // The name=value parts of a query string, as given.
    private static string[] Parameters(string query) => query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);

    // How copies of one text were counted, with a link to the other way (the same query string, copies changed).
    private static Html Copies(TrendRequest request, string query)
    {
        var rest = Parameters(query).Where(p => !p.StartsWith("copies=", StringComparison.Ordinal)).ToList();
        if (request.EveryCopy)
            return Html.Of($"""Every copy of a text counts: a reprint in another outlet, or a copy under another address, counts again. <a href="/trends?{string.Join("&", rest)}">Count each text once</a>.""");
        var where = request.BySource ? "in a source" : "in the chosen sources";
        return Html.Of($"""Reprints and duplicate addresses count once: a text published more than once {where} (a reprint in another outlet, a copy under another address) counts once, at its first publication, in the number of articles and in the total alike. <a href="/trends?{string.Join("&", rest.Append("copies=all"))}">Count every copy</a>.""");
    }

    private static Html Result(TrendRequest request, IReadOnlyList<TrendSeries> series, TrendMeasure measure, string query)
    {
        var unit = request.Interval.ToString().ToLowerInvariant();
        var scope = request.Sources is { Count: > 0 } s ? string.Join(", ", s) : "all sources";
        var explain = measure == TrendMeasure.Share
            ? $"Vertical axis: the articles each query matched as a share of all the articles {scope} published in the {unit}. Horizontal axis: {unit}s."
            : $"Vertical axis: the number of articles each query matched in the {unit}, in {scope}. Horizontal axis: {unit}s.";
        return Html.Of($"""
            <figure class="trend">
            {TrendChart.Svg(series, measure, (s, p) => Behind(request, s, p), request.Interval)}
            <figcaption>
            <ul class="legend">{series.Select((s, k) => Html.Of($"""<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{TrendChart.Colour(k)}"/></svg> {TrendChart.Name(s)}: {s.Points.Sum(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)} articles</li>"""))}</ul>
            <p>{explain} Each point links to the articles behind it. {Copies(request, query)}</p>
            {Html.When(request.From is not null || request.To is not null, Html.Of($"""<p class="zoom-out"><a href="/trends?{string.Join("&", Parameters(query).Where(p => !p.StartsWith("from=", StringComparison.Ordinal) && !p.StartsWith("to=", StringComparison.Ordinal)))}">Show all dates</a></p>"""))}
            <p class="downloads">Download: <a href="/api/trends{query}&amp;format=csv">CSV</a> · <a href="/api/trends{query}">JSON</a> · <a href="/trends.svg{query}">SVG</a> · <a href="/trends.png{query}">PNG</a></p>
            </figcaption>
            </figure>
            <details class="trend-table"><summary>The numbers</summary>
            <table><thead><tr><th>series</th><th>{unit}</th><th>articles</th><th>of all</th><th>share</th></tr></thead><tbody>
            {series.SelectMany(s => s.Points.Where(p => p.Count > 0).Select(p => Html.Of($"""<tr><td>{TrendChart.Name(s)}</td><td>{p.Label}</td><td>{p.Count}</td><td>{p.Total}</td><td>{(p.Share * 100).ToString("0.##", CultureInfo.InvariantCulture)}%</td></tr>""")))}
            </tbody></table>
            </details>
            """);
    }
}
