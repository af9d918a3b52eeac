using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Trends;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>
/// /entities: the people, organisations, countries and places the articles name, by kind, with
/// their counts and a filter by name. /entities/{slug}: one of them: names and spellings, Korean
/// name, roles over time, first and last mention, mentions per month as a chart, who is named with
/// it, its newest articles and a feed.
/// </summary>
internal static class EntitiesPage
{
    // The kinds the gazetteer knows, in its order.
    private static readonly string[] Kinds = [.. EntityKinds.ByName.Keys];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapRead("/entities", List);
        app.MapRead("/entities/{slug}", Show);
    }

    public static IResult List(HttpRequest request, IArchive archive)
    {
        var p = new Parameters(request, archive);
        var kind = p.Text("kind");
        if (kind is not null && !Kinds.Contains(kind))
            return new ErrorResult(StatusCodes.Status400BadRequest, $"'kind' must be one of {string.Join(", ", Kinds)}");
        var filter = p.Text("filter");
        var all = new EntityMentions(archive).All(kind)
            .Where(e => filter is null || e.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) || e.Entity.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Take(500).ToList();
        return new PageResult(Layout.Render(new PageFrame("Entities"), Html.Of($"""
            <h1>Who and what the articles name</h1>
            <form class="entity-filter" method="get" action="/entities">
            <label>Kind <select name="kind"><option value="">every kind</option>{Kinds.Select(k => Html.Of($"""<option value="{k}"{Html.When(k == kind, Html.Of($" selected"))}>{k}</option>"""))}</select></label>
            <label>Name <input type="search" name="filter" value="{filter ?? ""}"></label>
            <button type="submit">Show</button>
            </form>
            {(all.Count == 0
                ? Html.Of($"""<p class="hint">No entity found. The names come from the <code>mentions</code> analysis: run <code>tongsin analyse</code> after an import.</p>""")
                : Html.Of($"""
                    <table class="entities"><thead><tr><th>name</th><th>kind</th><th>articles</th></tr></thead><tbody>
                    {all.Select(e => Html.Of($"""<tr><td><a href="/entities/{Uri.EscapeDataString(e.Entity)}">{e.Name}</a></td><td>{e.Kind}</td><td>{e.Articles}</td></tr>"""))}
                    </tbody></table>
                    """))}
            """)));
    }

    public static IResult Show(string slug, HttpRequest request, IArchive archive, Gazetteer gazetteer)
    {
        var profile = EntityProfile.Find(archive, gazetteer, slug);
        if (profile is null) return ErrorResult.NotFound($"No entity '{(slug.Length > 60 ? slug[..57] + "..." : slug)}' is in the gazetteer or named in the archive.");
        if (profile.Slug != slug) return Results.Redirect($"/entities/{Uri.EscapeDataString(profile.Slug)}", permanent: false);
        return new PageResult(Render(profile, Monthly(archive, profile), Beside(archive, gazetteer, profile)), tagged: false);
    }

    /// <summary>The entity's articles per month over the months it is named, with the archive's total per month.</summary>
    internal static TrendSeries Monthly(IArchive archive, EntityProfile profile)
    {
        if (profile.Span is not { } span) return new TrendSeries(profile.Name, null, []);
        var totals = archive.Tally(new SearchRequest("", From: new DateOnly(span.First.Year, span.First.Month, 1), To: span.Last), TallyInterval.Month)
            .GroupBy(t => t.Bucket).ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
        var counts = profile.Months.ToDictionary(m => m.Month, m => m.Articles);
        var points = TallyBuckets.Span(span.First, span.Last, TallyInterval.Month).Select(b =>
        {
            var label = TallyBuckets.Label(b, TallyInterval.Month);
            var (count, total) = (counts.GetValueOrDefault(label), totals.GetValueOrDefault(b));
            return new TrendPoint(b, label, count, total, total == 0 ? 0 : (double)count / total);
        }).ToList();
        return new TrendSeries(profile.Name, null, points);
    }

    /// <summary>For a person, the followed persons' appearances in which the calendar names them as a companion, by followed person.</summary>
    internal static IReadOnlyList<(Entity Followed, IReadOnlyList<CalendarAppearance> Appearances)> Beside(IArchive archive, Gazetteer gazetteer, EntityProfile profile)
    {
        if (profile.Kind != EntityKinds.Name(EntityKind.Person)) return [];
        var calendar = new AppearanceCalendar(archive);
        var all = calendar.With(profile.Slug);
        if (all.Count == 0 && profile.Entry is null) all = calendar.With(profile.Name);
        return all.GroupBy(a => a.Person)
            .Select(g => (Followed: gazetteer[g.Key], Appearances: (IReadOnlyList<CalendarAppearance>)g.ToList()))
            .Where(g => g.Followed is not null)
            .Select(g => (g.Followed!, g.Appearances))
            .OrderByDescending(g => g.Appearances.Count).ToList();
    }

    private static Html Render(EntityProfile e, TrendSeries months, IReadOnlyList<(Entity Followed, IReadOnlyList<CalendarAppearance> Appearances)> beside)
    {
        var entry = e.Entry;
        string Years(EntityRole r) => r.From is null && r.To is null ? "" : $" ({r.From?.ToString(CultureInfo.InvariantCulture) ?? "?"}–{r.To?.ToString(CultureInfo.InvariantCulture) ?? ""})";
        var search = "/search?q=" + Uri.EscapeDataString("\"" + e.Name + "\"");
        return Layout.Render(new PageFrame(e.Name, AtomFeed: $"/entities/{Uri.EscapeDataString(e.Slug)}/feed.atom", RssFeed: $"/entities/{Uri.EscapeDataString(e.Slug)}/feed.rss"), Html.Of($"""
            <article class="entity">
            <h1>{e.Name}{(entry?.Korean is { } ko ? Html.Of($""" <span class="korean" lang="ko">{ko}</span>""") : Html.Empty)}</h1>
            <p class="kind">{e.Kind}{Html.When(entry is null, Html.Of($" · found by the shape of the name; not in the gazetteer"))}</p>
            {(entry is { Aliases.Count: > 0 } ? Html.Of($"""<p class="spellings">Also written: {string.Join(", ", entry.Aliases)}</p>""") : Html.Empty)}
            {(entry is { Roles.Count: > 0 } ? Html.Of($"""<h2>Roles</h2><ul class="roles">{entry.Roles.Select(r => Html.Of($"<li>{r.Title}{Years(r)}</li>"))}</ul>""") : Html.Empty)}
            <p class="counts"><strong>{e.Articles.ToString("N0", CultureInfo.InvariantCulture)}</strong> articles name {e.Name}{(e.Span is { } span ? Html.Of($", first on <time datetime=\"{Display.Iso(span.First)}\">{Display.Date(span.First)}</time>, last on <time datetime=\"{Display.Iso(span.Last)}\">{Display.Date(span.Last)}</time>") : Html.Empty)}.</p>
            {(months.Points.Count > 0 ? Html.Of($"""
                <figure class="trend">
                {TrendChart.Svg([months], TrendMeasure.Count, (_, p) => $"{search}&from={Display.Iso(p.Bucket)}&to={Display.Iso(TallyBuckets.Next(p.Bucket, TallyInterval.Month).AddDays(-1))}")}
                <figcaption><p>Articles naming {e.Name}, month by month (vertical axis: articles; horizontal axis: months). Each point links to a search for the name in that month.</p></figcaption>
                </figure>
                """) : Html.Empty)}
            {Html.Join(beside.Select(b => Html.Of($"""
                <section class="beside">
                <h2>Appearances with {b.Followed.Name}</h2>
                <p>Named beside {b.Followed.Name} in <strong>{b.Appearances.Count.ToString("N0", CultureInfo.InvariantCulture)}</strong> of the reported public appearances, from <time datetime="{Display.Iso(b.Appearances[0].Date)}">{Display.Date(b.Appearances[0].Date)}</time> to <time datetime="{Display.Iso(b.Appearances[^1].Date)}">{Display.Date(b.Appearances[^1].Date)}</time>. <a href="/appearances?person={Uri.EscapeDataString(b.Followed.Slug)}&amp;with={Uri.EscapeDataString(e.Entry is null ? e.Name : e.Slug)}">All of them on the calendar</a></p>
                <ol class="appearances">{b.Appearances.Reverse().Take(10).Select(AppearancesPage.Item)}</ol>
                </section>
                """)))}
            {(e.Entry is { Followed: true } ? Html.Of($"""<p class="calendar-link"><a href="/appearances?person={Uri.EscapeDataString(e.Slug)}">{e.Name}'s public appearances</a></p>""") : Html.Empty)}
            {(e.With.Count > 0 ? Html.Of($"""<h2>Named with</h2><ul class="with">{e.With.Select(w => Html.Of($"""<li><a href="/entities/{Uri.EscapeDataString(w.Entity)}">{w.Name}</a> <span class="n">{w.Articles}</span></li>"""))}</ul>""") : Html.Empty)}
            {(e.Newest.Count > 0 ? Html.Of($"""<h2>Newest articles</h2><ol class="articles">{e.Newest.Select(a => Html.Of($"""<li><a class="title" href="/articles/{a.ArticleId.ToString(CultureInfo.InvariantCulture)}">{a.Title}</a> <span class="meta">{a.Source} · <time datetime="{Display.Iso(a.Published)}">{Display.Date(a.Published)}</time></span></li>"""))}</ol>""") : Html.Empty)}
            <p class="feeds">Follow: <a href="/entities/{Uri.EscapeDataString(e.Slug)}/feed.atom">Atom</a> · <a href="/entities/{Uri.EscapeDataString(e.Slug)}/feed.rss">RSS</a> · <a href="/api/entities/{Uri.EscapeDataString(e.Slug)}">JSON</a></p>
            </article>
            """));
    }
}
