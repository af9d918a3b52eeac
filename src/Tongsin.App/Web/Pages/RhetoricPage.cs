using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Rhetoric;
using Tongsin.Analysis.Trends;
using Tongsin.App.Web.Api;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>
/// /rhetoric: the rhetoric index of one target as a chart made on the server (the trend chart,
/// measured per 1,000 sentences), each point linking to the articles behind it, the numbers in a
/// table, and the lexicon the index counts, for a reader to judge. /rhetoric.svg gives the chart alone.
/// </summary>
internal static class RhetoricPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapRead("/rhetoric", Page);
        app.MapRead("/rhetoric.svg", Chart);
    }

    public static async Task<IResult> Page(HttpContext context, IArchive archive, RhetoricScorer scorer)
    {
        var p = new Parameters(context.Request, archive);
        var sources = archive.SourceList();
        if (string.IsNullOrWhiteSpace(p.Text("target"))) return new PageResult(Render(context.Request, sources, scorer, null, null, null));
        try
        {
            var (target, request, _) = RhetoricApi.Read(p, scorer);
            var points = await Task.Run(() => new RhetoricIndex(archive).Run(request, context.RequestAborted), context.RequestAborted);
            return new PageResult(Render(context.Request, sources, scorer, target, request, points));
        }
        catch (QueryException e)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    public static async Task<IResult> Chart(HttpContext context, IArchive archive, RhetoricScorer scorer)
    {
        try
        {
            var (target, request, _) = RhetoricApi.Read(new Parameters(context.Request, archive), scorer);
            var points = await Task.Run(() => new RhetoricIndex(archive).Run(request, context.RequestAborted), context.RequestAborted);
            var svg = Svg(target, request, points).ToString();
            context.Response.Headers.ContentDisposition = "attachment; filename=\"rhetoric.svg\"";
            return Results.Bytes(System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg), "image/svg+xml");
        }
        catch (QueryException e)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    // The index as a trend series: hostile sentences of all sentences, drawn per 1,000.
    private static Html Svg(Entity target, RhetoricRequest request, IReadOnlyList<RhetoricPoint> points)
    {
        var series = new TrendSeries(target.Name, null, points.Select(p => new TrendPoint(p.Bucket, p.Label, p.Hostile, p.Sentences, p.Sentences == 0 ? 0 : (double)p.Hostile / p.Sentences)).ToList());
        var byBucket = points.ToDictionary(p => p.Bucket);
        return TrendChart.Svg([series], TrendMeasure.PerThousand, (_, tp) => RhetoricApi.Behind(target, request, byBucket[tp.Bucket]));
    }

    private static Html Render(HttpRequest http, IReadOnlyList<Model.Source> sources, RhetoricScorer scorer, Entity? target, RhetoricRequest? request, IReadOnlyList<RhetoricPoint>? points)
    {
        var interval = request?.Interval ?? TallyInterval.Month;
        var chosen = request?.Sources ?? [];
        var targets = scorer.Targets.Targets.Values.OrderBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var form = Html.Of($"""
            <form class="trends-form" method="get" action="/rhetoric">
            <label>Target <select name="target">{targets.Select(e => Html.Of($"""<option value="{e.Slug}"{Html.When(e.Slug == (target?.Slug ?? "united-states"), Html.Of($" selected"))}>{e.Name}</option>"""))}</select></label>
            <label>Every <select name="interval">{new[] { "day", "week", "month", "year" }.Select(v => Html.Of($"""<option value="{v}"{Html.When(v == interval.ToString().ToLowerInvariant(), Html.Of($" selected"))}>{v}</option>"""))}</select></label>
            <label>Source <select name="source"><option value="">all sources</option>{sources.Select(s => Html.Of($"""<option value="{s.Slug}"{Html.When(chosen.Contains(s.Slug), Html.Of($" selected"))}>{s.Label}</option>"""))}</select></label>
            <label>From <input name="from" value="{(request?.From is { } f ? Display.Iso(f) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <label>To <input name="to" value="{(request?.To is { } t ? Display.Iso(t) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <button type="submit">Draw</button>
            </form>
            """);
        var body = target is null || request is null || points is null
            ? Html.Of($"""<p class="hint">The rhetoric index counts the sentences that name a target and carry a hostile term of the lexicon below, per 1,000 sentences published, so that a busy month does not look like a surge.</p>""")
            : Result(http.QueryString.Value ?? "", target, request, points);
        return Layout.Render(new PageFrame("Rhetoric"), Html.Of($"""
            <h1>Rhetoric</h1>
            {form}
            {body}
            {LexiconTable(scorer.Lexicon)}
            """));
    }

    private static Html Result(string query, Entity target, RhetoricRequest request, IReadOnlyList<RhetoricPoint> points)
    {
        var unit = request.Interval.ToString().ToLowerInvariant();
        var hostile = points.Sum(p => p.Hostile);
        return Html.Of($"""
            <figure class="trend">
            {Svg(target, request, points)}
            <figcaption>
            <p>{target.Name}: {hostile.ToString("N0", CultureInfo.InvariantCulture)} hostile sentences. Vertical axis: sentences hostile toward {target.Name} per 1,000 sentences the chosen sources published in the {unit}. Horizontal axis: {unit}s. Each point links to the articles naming {target.Name} in its {unit}.</p>
            <p class="downloads">Download: <a href="/api/rhetoric{query}&amp;format=csv">CSV</a> · <a href="/api/rhetoric{query}">JSON</a> · <a href="/rhetoric.svg{query}">SVG</a></p>
            </figcaption>
            </figure>
            <details class="trend-table"><summary>The numbers</summary>
            <table><thead><tr><th>{unit}</th><th>index</th><th>hostile</th><th>naming</th><th>sentences</th><th>articles</th></tr></thead><tbody>
            {points.Where(p => p.Naming > 0).Select(p => Html.Of($"""<tr><td>{p.Label}</td><td>{p.Index.ToString("0.#", CultureInfo.InvariantCulture)}</td><td>{p.Hostile}</td><td>{p.Naming}</td><td>{p.Sentences}</td><td><a href="{RhetoricApi.Behind(target, request, p)}">{p.Articles.Count}</a></td></tr>"""))}
            </tbody></table>
            </details>
            """);
    }

    private static Html LexiconTable(Lexicon lexicon) => Html.Of($"""
        <details class="lexicon"><summary>The lexicon: {lexicon.Terms.Count} hostile terms</summary>
        <p>A term matches whole words in any case; a * lets the last word go on (punish* matches punishment).</p>
        <table><thead><tr><th>term</th><th>class</th><th>stands for</th><th>note</th></tr></thead><tbody>
        {lexicon.Terms.Select(t => Html.Of($"""<tr><td>{t.Text}</td><td>{t.Class.ToString().ToLowerInvariant()}</td><td>{t.StandsFor ?? ""}</td><td>{t.Note ?? ""}</td></tr>"""))}
        </tbody></table>
        </details>
        """);
}
