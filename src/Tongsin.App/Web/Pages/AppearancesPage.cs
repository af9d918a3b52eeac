using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Trends;
using Tongsin.App.Web.Api;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>
/// /appearances: a followed person's public appearances for a period: how many a month by kind as a
/// chart, the longest gap and the current one, the companions ranked, and the timeline, each
/// appearance with its companions in order and links to every article that reports it.
/// </summary>
internal static class AppearancesPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/appearances", Page);

    private static readonly string[] Kinds = ["military", "economic", "political", "diplomatic", "social and cultural"];

    public static IResult Page(HttpRequest request, IArchive archive, Gazetteer gazetteer)
    {
        try
        {
            var p = new Parameters(request, archive);
            var person = AppearancesApi.Followed(p.Text("person") ?? "kim-jong-un", gazetteer)!;
            var (from, to) = p.Dates();
            var calendar = new AppearanceCalendar(archive);
            var appearances = calendar.Appearances(person, from, to);
            var name = gazetteer[person]?.Name ?? person;
            var companions = calendar.Companions(person, from, to, 20);
            var gaps = appearances.Count == 0 ? ([], null) : calendar.Gaps(person, 3);
            return new PageResult(Render(gazetteer, person, name, from, to, appearances, companions, gaps));
        }
        catch (QueryException e)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    // Appearances per month of each kind, every month of the span present.
    private static List<TrendSeries> PerMonth(IReadOnlyList<CalendarAppearance> appearances)
    {
        if (appearances.Count == 0) return [];
        var (first, last) = (appearances.Min(a => a.Date), appearances.Max(a => a.Date));
        var months = TallyBuckets.Span(first, last, TallyInterval.Month).ToList();
        var all = appearances.GroupBy(a => TallyBuckets.Start(a.Date, TallyInterval.Month)).ToDictionary(g => g.Key, g => (long)g.Count());
        return Kinds.Select(kind =>
        {
            var counted = appearances.Where(a => a.Kind == kind).GroupBy(a => TallyBuckets.Start(a.Date, TallyInterval.Month)).ToDictionary(g => g.Key, g => (long)g.Count());
            return new TrendSeries(kind, null, months.Select(m =>
            {
                var (count, total) = (counted.GetValueOrDefault(m), all.GetValueOrDefault(m));
                return new TrendPoint(m, TallyBuckets.Label(m, TallyInterval.Month), count, total, total == 0 ? 0 : (double)count / total);
            }).ToList());
        }).Where(s => s.Points.Any(p => p.Count > 0)).ToList();
    }

    private static Html Render(Gazetteer gazetteer, string person, string name, DateOnly? from, DateOnly? to, IReadOnlyList<CalendarAppearance> appearances,
        IReadOnlyList<CompanionCount> companions, (IReadOnlyList<CalendarGap> Longest, CalendarGap? Current) gaps)
    {
        var followed = gazetteer.Entities.Where(e => e.Followed).ToList();
        var series = PerMonth(appearances);
        string Iso(DateOnly d) => Display.Iso(d);
        return Layout.Render(new PageFrame($"{name}: appearances"), Html.Of($"""
            <h1>{name}: public appearances</h1>
            <form class="trends-form" method="get" action="/appearances">
            <label>Person <select name="person">{followed.Select(e => Html.Of($"""<option value="{e.Slug}"{Html.When(e.Slug == person, Html.Of($" selected"))}>{e.Name}</option>"""))}</select></label>
            <label>From <input name="from" value="{(from is { } f ? Iso(f) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <label>To <input name="to" value="{(to is { } t ? Iso(t) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <button type="submit">Show</button>
            </form>
            <p class="counts"><strong>{appearances.Count.ToString("N0", CultureInfo.InvariantCulture)}</strong> reported public appearances{(appearances.Count > 0 ? Html.Of($", from <time datetime=\"{Iso(appearances.Min(a => a.Date))}\">{Display.Date(appearances.Min(a => a.Date))}</time> to <time datetime=\"{Iso(appearances.Max(a => a.Date))}\">{Display.Date(appearances.Max(a => a.Date))}</time>") : Html.Empty)}. One appearance is one reported public activity, however many articles report it (docs/appearances.md).</p>
            {(series.Count > 0 ? Html.Of($"""
                <figure class="trend">
                {TrendChart.Svg(series, TrendMeasure.Count, (s, p) => $"/appearances?person={Uri.EscapeDataString(person)}&from={Iso(p.Bucket)}&to={Iso(TallyBuckets.Next(p.Bucket, TallyInterval.Month).AddDays(-1))}")}
                <figcaption><ul class="legend">{series.Select((s, k) => Html.Of($"""<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{TrendChart.Colour(k)}"/></svg> {s.Query}: {s.Points.Sum(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)}</li>"""))}</ul>
                <p>Appearances per month by kind (vertical axis: appearances; horizontal axis: months). Each point leads to that month's appearances.</p></figcaption>
                </figure>
                """) : Html.Empty)}
            {(gaps.Longest.Count > 0 ? Html.Of($"""<h2>Longest gaps</h2><ul class="gaps">{gaps.Longest.Select(g => Html.Of($"""<li>{g.Days.ToString(CultureInfo.InvariantCulture)} days, {Display.Date(g.After)} to {Display.Date(g.Until)}{Html.When(g.Current, Html.Of($" (current)"))}</li>"""))}</ul>""") : Html.Empty)}
            {(companions.Count > 0 ? Html.Of($"""<h2>Companions</h2><ol class="companions">{companions.Select(c => Html.Of($"""<li>{(c.Entity is { } slug ? Html.Of($"""<a href="/entities/{Uri.EscapeDataString(slug)}">{c.Name}</a>""") : Html.Of($"{c.Name}"))} <span class="n">{c.Appearances.ToString(CultureInfo.InvariantCulture)}</span></li>"""))}</ol>""") : Html.Empty)}
            <h2>Timeline</h2>
            <ol class="appearances">
            {appearances.OrderByDescending(a => a.Date).Take(500).Select(a => Html.Of($"""
                <li><time datetime="{Iso(a.Date)}">{Display.Date(a.Date)}</time> <span class="kind">{a.Kind}</span>: {a.Activity} {a.Place}{(a.Companions.Count > 0 ? Html.Of($"; with {string.Join(", ", a.Companions.Select(c => c.Name))}") : Html.Empty)} · {Html.Join(a.Articles.Select((id, i) => Html.Of($"""{(i > 0 ? " " : "")}<a href="/articles/{id.ToString(CultureInfo.InvariantCulture)}">{(i == 0 ? "report" : $"[{i + 1}]")}</a>""")))}</li>
                """))}
            </ol>
            <p class="downloads">Download: <a href="/api/appearances?person={Uri.EscapeDataString(person)}{(from is { } f2 ? "&from=" + Iso(f2) : "")}{(to is { } t2 ? "&to=" + Iso(t2) : "")}">JSON</a></p>
            """));
    }
}
