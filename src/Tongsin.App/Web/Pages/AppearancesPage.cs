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
            var with = AppearancesApi.Companion(p.Text("with"), gazetteer);
            var year = p.Text("year") is null ? (int?)null : p.Number("year", 0, 1900, 2100);
            var calendar = new AppearanceCalendar(archive);
            var appearances = with is null ? calendar.Appearances(person, from, to) : calendar.With(with, person, from, to);
            var selection = new Selection(person, gazetteer[person]?.Name ?? person, from, to, with is null ? null : (with, gazetteer[with]?.Name ?? with));
            var companions = calendar.Companions(person, from, to, 20);
            var gaps = appearances.Count == 0 || with is not null ? ([], null) : calendar.Gaps(person, 3);
            return new PageResult(Render(gazetteer, selection, year, appearances, companions, gaps));
        }
        catch (QueryException e)
        {
            return new ErrorResult(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    // What the page shows: whose appearances, in which days, and beside whom if a companion was chosen.
    private sealed record Selection(string Person, string Name, DateOnly? From, DateOnly? To, (string Key, string Name)? With)
    {
        public string Address(int? year = null, DateOnly? from = null, DateOnly? to = null, string path = "/appearances")
        {
            var (f, t) = (from ?? From, to ?? To);
            return path + "?person=" + Uri.EscapeDataString(Person)
                + (With is { } w ? "&with=" + Uri.EscapeDataString(w.Key) : "")
                + (f is { } ff ? "&from=" + Display.Iso(ff) : "")
                + (t is { } tt ? "&to=" + Display.Iso(tt) : "")
                + (year is { } y ? "&year=" + y.ToString(CultureInfo.InvariantCulture) : "");
        }
    }

    /// <summary>One appearance as a line of a timeline: day, kind, what and where, companions, and its articles.</summary>
    internal static Html Item(CalendarAppearance a) => Html.Of($"""
        <li><time datetime="{Display.Iso(a.Date)}">{Display.Date(a.Date)}</time> <span class="kind">{a.Kind}</span>: {a.Activity} {a.Place}{(a.Companions.Count > 0 ? Html.Of($"; with {string.Join(", ", a.Companions.Select(c => c.Name))}") : Html.Empty)} · {Html.Join(a.Articles.Select((id, i) => Html.Of($"""{(i > 0 ? " " : "")}<a href="/articles/{id.ToString(CultureInfo.InvariantCulture)}">{(i == 0 ? "report" : $"[{i + 1}]")}</a>""")))}</li>
        """);

    // The class a kind's days take in the calendar grid.
    private static string KindClass(string kind) => "k-" + kind.Split(' ')[0];

    /// <summary>
    /// A year as twelve month grids, weeks from Monday: a day with an appearance is marked by the
    /// kind of its first one and links to that day's appearances; its title lists them.
    /// </summary>
    private static Html Grid(Selection selection, int year, IReadOnlyList<CalendarAppearance> appearances)
    {
        var byDay = appearances.Where(a => a.Date.Year == year).GroupBy(a => a.Date).ToDictionary(g => g.Key, g => g.ToList());
        var years = appearances.Select(a => a.Date.Year).Distinct().Order().ToList();
        var earlier = years.LastOrDefault(y => y < year);
        var later = years.FirstOrDefault(y => y > year);
        Html Month(int month)
        {
            var first = new DateOnly(year, month, 1);
            var blank = ((int)first.DayOfWeek + 6) % 7;
            var days = DateTime.DaysInMonth(year, month);
            var cells = Enumerable.Repeat<DateOnly?>(null, blank).Concat(Enumerable.Range(1, days).Select(d => (DateOnly?)new DateOnly(year, month, d))).ToList();
            while (cells.Count % 7 != 0) cells.Add(null);
            Html Cell(DateOnly? day)
            {
                if (day is not { } d) return Html.Of($"<td></td>");
                var n = d.Day.ToString(CultureInfo.InvariantCulture);
                if (!byDay.TryGetValue(d, out var those)) return Html.Of($"<td>{n}</td>");
                var title = string.Join("; ", those.Select(a => $"{a.Kind}: {a.Activity} {a.Place}".Trim()));
                return Html.Of($"""<td class="on {KindClass(those[0].Kind)}"><a href="{selection.Address(from: d, to: d)}" title="{title}">{n}</a></td>""");
            }
            return Html.Of($"""
                <table class="month"><caption>{first.ToString("MMMM", CultureInfo.InvariantCulture)}</caption>
                <thead><tr><th>Mo</th><th>Tu</th><th>We</th><th>Th</th><th>Fr</th><th>Sa</th><th>Su</th></tr></thead>
                <tbody>{Enumerable.Range(0, cells.Count / 7).Select(w => Html.Of($"<tr>{cells.Skip(w * 7).Take(7).Select(Cell)}</tr>"))}</tbody></table>
                """);
        }
        var count = byDay.Values.Sum(l => l.Count);
        return Html.Of($"""
            <section class="calendar" id="calendar">
            <h2>Calendar of {year.ToString(CultureInfo.InvariantCulture)}</h2>
            <p class="year-nav">{(earlier > 0 ? Html.Of($"""<a href="{selection.Address(earlier)}#calendar">← {earlier.ToString(CultureInfo.InvariantCulture)}</a> """) : Html.Empty)}<strong>{count.ToString("N0", CultureInfo.InvariantCulture)}</strong> appearances on {byDay.Count.ToString("N0", CultureInfo.InvariantCulture)} days{(later > 0 ? Html.Of($""" <a href="{selection.Address(later)}#calendar">{later.ToString(CultureInfo.InvariantCulture)} →</a>""") : Html.Empty)}</p>
            <ul class="legend kinds">{Kinds.Select(k => Html.Of($"""<li><span class="swatch {KindClass(k)}"></span> {k}</li>"""))}</ul>
            <div class="months">{Enumerable.Range(1, 12).Select(Month)}</div>
            </section>
            """);
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

    private static Html Render(Gazetteer gazetteer, Selection selection, int? year, IReadOnlyList<CalendarAppearance> appearances,
        IReadOnlyList<CompanionCount> companions, (IReadOnlyList<CalendarGap> Longest, CalendarGap? Current) gaps)
    {
        var followed = gazetteer.Entities.Where(e => e.Followed).ToList();
        var series = PerMonth(appearances);
        var (person, name, from, to) = (selection.Person, selection.Name, selection.From, selection.To);
        string Iso(DateOnly d) => Display.Iso(d);
        var shownYear = year ?? (appearances.Count > 0 ? appearances.Max(a => a.Date).Year : (int?)null);
        var heading = selection.With is { } w ? $"{name}: public appearances with {w.Name}" : $"{name}: public appearances";
        return Layout.Render(new PageFrame(selection.With is null ? $"{name}: appearances" : heading), Html.Of($"""
            <h1>{heading}</h1>
            <form class="trends-form" method="get" action="/appearances">
            <label>Person <select name="person">{followed.Select(e => Html.Of($"""<option value="{e.Slug}"{Html.When(e.Slug == person, Html.Of($" selected"))}>{e.Name}</option>"""))}</select></label>
            <label>With <input name="with" value="{selection.With?.Key ?? ""}" placeholder="a companion" size="16"></label>
            <label>From <input name="from" value="{(from is { } f ? Iso(f) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <label>To <input name="to" value="{(to is { } t ? Iso(t) : "")}" placeholder="YYYY-MM-DD" size="10"></label>
            <button type="submit">Show</button>
            </form>
            <p class="counts"><strong>{appearances.Count.ToString("N0", CultureInfo.InvariantCulture)}</strong> reported public appearances{(appearances.Count > 0 ? Html.Of($", from <time datetime=\"{Iso(appearances.Min(a => a.Date))}\">{Display.Date(appearances.Min(a => a.Date))}</time> to <time datetime=\"{Iso(appearances.Max(a => a.Date))}\">{Display.Date(appearances.Max(a => a.Date))}</time>") : Html.Empty)}{(selection.With is { } w2 ? Html.Of($" in which {w2.Name} was named beside {name}") : Html.Empty)}. One appearance is one reported public activity, however many articles report it (docs/appearances.md).</p>
            {(series.Count > 0 ? Html.Of($"""
                <figure class="trend">
                {TrendChart.Svg(series, TrendMeasure.Count, (s, p) => selection.Address(from: p.Bucket, to: TallyBuckets.Next(p.Bucket, TallyInterval.Month).AddDays(-1)))}
                <figcaption><ul class="legend">{series.Select((s, k) => Html.Of($"""<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{TrendChart.Colour(k)}"/></svg> {s.Query}: {s.Points.Sum(p => p.Count).ToString("N0", CultureInfo.InvariantCulture)}</li>"""))}</ul>
                <p>Appearances per month by kind (vertical axis: appearances; horizontal axis: months). Each point leads to that month's appearances.</p></figcaption>
                </figure>
                """) : Html.Empty)}
            {(shownYear is { } y ? Grid(selection, y, appearances) : Html.Empty)}
            {(gaps.Longest.Count > 0 ? Html.Of($"""<h2>Longest gaps</h2><ul class="gaps">{gaps.Longest.Select(g => Html.Of($"""<li>{g.Days.ToString(CultureInfo.InvariantCulture)} days, {Display.Date(g.After)} to {Display.Date(g.Until)}{Html.When(g.Current, Html.Of($" (current)"))}{Html.When(g.ArchiveThin, Html.Of($"; the archive holds only {g.Articles.ToString("N0", CultureInfo.InvariantCulture)} articles of these days, so this gap may be the archive's rather than his"))}</li>"""))}</ul>""") : Html.Empty)}
            {(companions.Count > 0 && selection.With is null ? Html.Of($"""<h2>Companions</h2><ol class="companions">{companions.Select(c => Html.Of($"""<li>{(c.Entity is { } slug ? Html.Of($"""<a href="/entities/{Uri.EscapeDataString(slug)}">{c.Name}</a>""") : Html.Of($"{c.Name}"))} <span class="n">{c.Appearances.ToString(CultureInfo.InvariantCulture)}</span> <a class="with" href="{(selection with { With = (c.Entity ?? c.Name, c.Name) }).Address()}">appearances</a></li>"""))}</ol>""") : Html.Empty)}
            <h2>Timeline</h2>
            <ol class="appearances">
            {appearances.OrderByDescending(a => a.Date).Take(500).Select(Item)}
            </ol>
            <p class="downloads">Download: <a href="{selection.Address(path: "/api/appearances")}">JSON</a></p>
            """));
    }
}
