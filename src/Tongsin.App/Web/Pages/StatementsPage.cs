using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Statements;
using Tongsin.Analysis.Trends;
using Tongsin.App.Web.Api;
using Tongsin.App.Web.Feeds;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>
/// /statements: the statements tracker. Filters (issuer, kind, target, dates); the statements per
/// month by kind as a chart, with Kim Yo Jong's and the Foreign Ministry's as series of their own;
/// and the statements, newest first, each linking to its article; feeds of the same filters.
/// </summary>
internal static class StatementsPage
{
    // The issuers followed with a series of their own: the label, and the issuer filter behind it.
    private static readonly (string Label, string Issuer)[] Followed = [("Kim Yo Jong", "kim-yo-jong"), ("Foreign Ministry", "ministry-of-foreign-affairs")];

    private const int Listed = 200;

    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/statements", Show);

    public static IResult Show(HttpRequest request, IArchive archive, Gazetteer gazetteer)
    {
        StatementFilter filter;
        try { filter = StatementsApi.Filter(new Parameters(request, archive)); }
        catch (QueryException e) { return new ErrorResult(StatusCodes.Status400BadRequest, e.Message); }
        var tracker = new StatementTracker(archive, gazetteer);
        var listed = tracker.List(filter, Listed);
        var series = Series(tracker, filter);
        var query = request.QueryString.Value ?? "";
        return new PageResult(Layout.Render(new PageFrame("Statements", AtomFeed: "/statements/feed.atom" + query, RssFeed: "/statements/feed.rss" + query), Html.Of($"""
            <h1>Statements</h1>
            <p class="hint">Press statements, statements, spokespeople's answers, commentaries, memoranda, letters and press releases, as the <code>statements</code> analysis reads them from the articles' titles and first paragraphs.</p>
            <form class="statement-filter" method="get" action="/statements">
            <label>Issuer <input type="search" name="issuer" value="{filter.Issuer ?? ""}" placeholder="Kim Yo Jong, Foreign Ministry"></label>
            <label>Kind <select name="kind"><option value="">every kind</option>{StatementKinds.ByName.Keys.Select(k => Html.Of($"""<option value="{k}"{Html.When(filter.Kind is { } f && StatementKinds.Name(f) == k, Html.Of($" selected"))}>{k}</option>"""))}</select></label>
            <label>Against <input type="search" name="target" value="{filter.Target ?? ""}" placeholder="U.S., Japan"></label>
            <label>From <input type="text" name="from" value="{(filter.From is { } f1 ? Display.Iso(f1) : "")}" placeholder="YYYY-MM-DD"></label>
            <label>To <input type="text" name="to" value="{(filter.To is { } t1 ? Display.Iso(t1) : "")}" placeholder="YYYY-MM-DD"></label>
            <button type="submit">Show</button>
            </form>
            {(series.Count > 0 && series[0].Points.Count > 0 ? Html.Of($"""
                <figure class="trend">
                {TrendChart.Svg(series, TrendMeasure.Count, (s, p) => Link(s, p, filter))}
                <figcaption><p>Statements per month (vertical axis: statements; horizontal axis: months), a line for each kind, and for {string.Join(" and ", Followed.Select(f => f.Label))}. Each point links to that month's statements.</p>
                <ul class="legend">{series.Select((s, k) => Html.Of($"""<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{TrendChart.Colour(k)}"/></svg> {s.Query}: {s.Points.Sum(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)}</li>"""))}</ul></figcaption>
                </figure>
                """) : Html.Empty)}
            {(listed.Count == 0
                ? Html.Of($"""<p class="hint">No statement found. Statements come from the <code>statements</code> analysis: run <code>tongsin analyse</code> after an import.</p>""")
                : Html.Of($"""
                    <table class="statements"><thead><tr><th>date</th><th>issuer</th><th>kind</th><th>against</th><th>article</th></tr></thead><tbody>
                    {listed.Select(s => Html.Of($"""<tr><td><time datetime="{Display.Iso(s.Published)}">{Display.Iso(s.Published)}</time></td><td>{StatementFeed.Who(s)}{Html.When(!s.Dprk, Html.Of($" <span class=\"foreign\">(foreign)</span>"))}</td><td>{StatementKinds.Name(s.Kind)}</td><td>{string.Join(", ", s.Targets)}</td><td><a href="/articles/{s.ArticleId.ToString(CultureInfo.InvariantCulture)}">{s.Title}</a></td></tr>"""))}
                    </tbody></table>
                    """))}
            <p class="feeds">Follow: <a href="/statements/feed.atom{query}">Atom</a> · <a href="/statements/feed.rss{query}">RSS</a> · <a href="/api/statements{query}">JSON</a></p>
            """)));
    }

    /// <summary>A series per kind and one per followed issuer, over the same months: from the first month any statement falls in to the last.</summary>
    internal static IReadOnlyList<TrendSeries> Series(StatementTracker tracker, StatementFilter filter)
    {
        var byKind = tracker.PerMonthByKind(filter);
        var followed = Followed.Select(f => (f.Label, Counts: tracker.PerMonthByKind(filter with { Issuer = f.Issuer }))).ToList();
        var months = byKind.Select(c => c.Month).ToList();
        if (months.Count == 0) return [];
        var first = DateOnly.ParseExact(months.Min()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(months.Max()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var buckets = TallyBuckets.Span(first, last, TallyInterval.Month).ToList();
        TrendSeries Line(string name, IEnumerable<StatementMonthCount> counts)
        {
            var perMonth = counts.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Sum(c => c.Statements));
            return new TrendSeries(name, null, buckets.Select(b =>
            {
                var label = TallyBuckets.Label(b, TallyInterval.Month);
                var n = perMonth.GetValueOrDefault(label);
                return new TrendPoint(b, label, n, n, n == 0 ? 0 : 1);
            }).ToList());
        }
        return [.. byKind.Select(c => c.Key).Distinct().Select(k => Line(k, byKind.Where(c => c.Key == k))), .. followed.Select(f => Line(f.Label, f.Counts))];
    }

    // A point's link: the same filters narrowed to its kind or issuer and its month.
    private static string Link(TrendSeries s, TrendPoint p, StatementFilter filter)
    {
        var issuer = Followed.FirstOrDefault(f => f.Label == s.Query).Issuer;
        var parts = new List<string>();
        if ((issuer ?? filter.Issuer) is { } i) parts.Add("issuer=" + Uri.EscapeDataString(i));
        if (issuer is null) parts.Add("kind=" + Uri.EscapeDataString(s.Query));
        else if (filter.Kind is { } k) parts.Add("kind=" + StatementKinds.Name(k));
        if (filter.Target is { } t) parts.Add("target=" + Uri.EscapeDataString(t));
        parts.Add("from=" + Display.Iso(p.Bucket));
        parts.Add("to=" + Display.Iso(TallyBuckets.Next(p.Bucket, TallyInterval.Month).AddDays(-1)));
        return "/statements?" + string.Join("&", parts);
    }
}
