using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Reprints;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>
/// What the search form shows and the link of each of its pages: the whole query lives in the URL.
/// Sources are as given (slugs, labels or outlet names), as many as were given.
/// </summary>
internal sealed record SearchForm(string? Query, IReadOnlyList<string> Sources, string? Language, string? From, string? To, string Sort, int Page, bool Exact = false)
{
    public string Link(int page, string path = "/search")
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("q", Query);
        foreach (var source in Sources) Add("source", source);
        Add("lang", Language);
        Add("from", From);
        Add("to", To);
        if (Sort != "relevance" && path == "/search") Add("sort", Sort);
        if (Exact) Add("fold", "0");
        if (page > 1) Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }
}

/// <summary>The search form, and the hits with their snippets when there is a query.</summary>
internal static class SearchPage
{
    public const int PageSize = 20;

    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/search", Search);

    // Only a page with a query waits for the gate; the empty form never does.
    public static async Task<PageResult> Search(HttpContext context, IArchive archive, SearchGate gate)
    {
        var p = new Parameters(context.Request, archive);
        var sources = archive.SourceList();
        var form = new SearchForm(p.Text("q"), p.Values("source"), p.Text("lang"), p.Text("from"), p.Text("to"), p.Text("sort") ?? "relevance", p.Number("page", 1, 1, 10_000), p.Text("fold") is "0" or "false");
        if (form.Query is null) return new PageResult(Render(form, sources, null));
        var request = p.Search(PageSize, (form.Page - 1) * PageSize) with { Facets = true };
        var results = await gate.Search(context, request);
        var copies = p.Text("copies") is "all" ? null : new ReprintClusters(archive).Among(results.Hits.Select(h => h.Id).ToList());
        // Who and what the best results name: on the first page, over the best EntityReach of them.
        var named = form.Page == 1 && results.Total > 0
            ? Named(archive, await gate.Search(context, request with { Limit = EntityReach, Offset = 0, Facets = false }))
            : null;
        return new PageResult(Render(form, sources, results, copies, named));
    }

    /// <summary>How many of the best results the people, organisations and countries are counted over.</summary>
    public const int EntityReach = 200;

    // The entities most often named among these results, per kind, with how many of the results name each.
    private static IReadOnlyList<(string Kind, IReadOnlyList<(string Entity, string Name, int Articles)> Top)> Named(IArchive archive, SearchResults best)
    {
        var mentions = new EntityMentions(archive).Of(best.Hits.Select(h => h.Id).ToList());
        return new[] { "person", "organisation", "country" }.Select(kind => (kind, (IReadOnlyList<(string, string, int)>)mentions.Values
                .SelectMany(list => list.Where(m => m.Kind == kind))
                .GroupBy(m => m.Entity)
                .Select(g => (Entity: g.Key, Name: g.First().Name, Articles: g.Count()))
                .OrderByDescending(x => x.Articles).ThenBy(x => x.Name, StringComparer.Ordinal).Take(8).ToList()))
            .Where(k => k.Item2.Count > 0).ToList();
    }

    /// <summary>
    /// The hits to show: of the copies of one text on the page (reprints in other outlets, edited
    /// copies at other addresses), the best ranked stands for the others, with how many there are.
    /// </summary>
    internal static List<(SearchHit Hit, int Others, int Sources)> Fold(IReadOnlyList<SearchHit> hits, IReadOnlyDictionary<long, (long Original, int Articles, int Sources)>? copies)
    {
        var shown = new List<(SearchHit, int, int)>();
        var seen = new HashSet<long>();
        foreach (var hit in hits)
        {
            if (copies is null || !copies.TryGetValue(hit.Id, out var cluster)) { shown.Add((hit, 0, 0)); continue; }
            if (seen.Add(cluster.Original)) shown.Add((hit, cluster.Articles - 1, cluster.Sources));
        }
        return shown;
    }

    public static Html Render(SearchForm form, IReadOnlyList<Model.Source> sources, SearchResults? results,
        IReadOnlyDictionary<long, (long Original, int Articles, int Sources)>? copies = null,
        IReadOnlyList<(string Kind, IReadOnlyList<(string Entity, string Name, int Articles)> Top)>? named = null)
    {
        var frame = form.Query is null
            ? new PageFrame("Search", QuickSearch: false)
            : new PageFrame($"{form.Query} – search", form.Query, form.Link(1, "/search/feed.atom"), form.Link(1, "/search/feed.rss"), QuickSearch: false);
        return Layout.Render(frame, Html.Of($"""
            <h1>Search</h1>
            {Form(form, sources)}
            {(results is null ? Help : Results(form, results, frame, copies, named))}
            """));
    }

    // The query language, as people need it at the box.
    private static readonly Html Help = Html.Of($"""
        <section class="hint query-help">
        <p>Every word must match; matches in titles count most.</p>
        <dl>
        <dt><code>"exact phrase"</code></dt><dd>the words together, in this order</dd>
        <dt><code>missile OR rocket</code></dt><dd>either word</dd>
        <dt><code>korea NOT south</code>, <code>korea -south</code></dt><dd>leave out what has the word</dd>
        <dt><code>sanction*</code></dt><dd>words that begin so: sanction, sanctions, sanctioned</dd>
        <dt><code>(drill OR exercise) "united states"</code></dt><dd>parentheses group</dd>
        <dt><code>title:statement</code></dt><dd>in the title</dd>
        <dt><code>source:"Voice of Korea (EN)"</code>, <code>outlet:"Rodong Sinmun"</code>, <code>lang:ko</code></dt><dd>from a source, an outlet, a language; <code>-source:</code> leaves one out</dd>
        <dt><code>김정은</code>, <code>노동</code></dt><dd>Korean inside longer words (김정은동지께서); northern and southern spellings (로동/노동) find each other, unless the address has <code>fold=0</code></dd>
        <dt><code>Kim Jong Un</code></dt><dd>every spelling of the name (Kim Jong-un, Kim Jongun, 김정은)</dd>
        <dt><code>date:2024-02</code>, <code>date:2023-03-01..2023-03-31</code>, <code>before:2020</code>, <code>after:2024-06-30</code></dt><dd>published then</dd>
        </dl>
        </section>
        """);

    private static Html Form(SearchForm form, IReadOnlyList<Model.Source> sources)
    {
        var languages = sources.Select(s => s.Language).Distinct().Order().ToList();
        return Html.Of($"""
            <form class="search" method="get" action="/search" role="search">
            <div class="field wide"><label for="q">Words</label><input id="q" type="search" name="q" value="{form.Query}" maxlength="{Parameters.MaxQueryLength}"></div>
            {SourceField(form, sources)}
            <div class="field"><label for="lang">Language</label><select id="lang" name="lang">
            <option value="">Any language</option>
            {languages.Select(l => Option(l, l.ToUpperInvariant(), form.Language))}
            </select></div>
            <div class="field"><label for="from">From</label><input id="from" type="date" name="from" value="{form.From}"></div>
            <div class="field"><label for="to">To</label><input id="to" type="date" name="to" value="{form.To}"></div>
            <div class="field"><label for="sort">Order</label><select id="sort" name="sort">
            {Option("relevance", "Best match", form.Sort)}{Option("newest", "Newest first", form.Sort)}{Option("oldest", "Oldest first", form.Sort)}
            </select></div>
            <div class="field submit"><button type="submit">Search</button></div>
            </form>
            """);
    }

    // One source is chosen from a list; a search of several (source=a&source=b) keeps them all chosen.
    private static Html SourceField(SearchForm form, IReadOnlyList<Model.Source> sources)
    {
        bool Chosen(Model.Source s) => form.Sources.Any(v => string.Equals(v, s.Slug, StringComparison.OrdinalIgnoreCase) || string.Equals(v, s.Label, StringComparison.OrdinalIgnoreCase));
        var several = form.Sources.Count > 1;
        return Html.Of($"""
            <div class="field"><label for="source">Source</label><select id="source" name="source"{(several ? Html.Of($" multiple") : Html.Empty)}>
            {Html.When(!several, Html.Of($"""<option value="">All sources</option>"""))}
            {sources.Select(s => Option(s.Slug, s.Label, Chosen(s)))}
            </select></div>
            """);
    }

    private static Html Option(string value, string label, string? selected) => Option(value, label, value == selected);

    private static Html Option(string value, string label, bool selected) =>
        Html.Of($"""<option value="{value}"{(selected ? Html.Of($" selected") : Html.Empty)}>{label}</option>""");

    private static Html Results(SearchForm form, SearchResults results, PageFrame frame, IReadOnlyDictionary<long, (long Original, int Articles, int Sources)>? copies,
        IReadOnlyList<(string Kind, IReadOnlyList<(string Entity, string Name, int Articles)> Top)>? named)
    {
        var shown = Fold(results.Hits, copies);
        var folded = results.Hits.Count - shown.Count;
        var pages = Math.Max(1, (results.Total + PageSize - 1) / PageSize);
        return Html.Of($"""
            <p class="count" role="status"><strong>{Display.Count(results.Total, "result", "results")}</strong> for “{form.Query}”<span class="feeds"> · Follow: <a href="{frame.AtomFeed}">Atom</a> · <a href="{frame.RssFeed}">RSS</a></span></p>
            {Html.When(results.RankedAmong is not null, Html.Of($"""<p class="note">Ranked by relevance among the newest {(results.RankedAmong ?? 0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} of these results. Add a date range or other words to rank them all, or sort by date.</p>"""))}
            {Facets(form, results.Facets)}
            {(named is { Count: > 0 } ? Named(form, named, Math.Min(results.Total, EntityReach)) : Html.Empty)}
            <ol class="hits">
            {shown.Select(h => Hit(h.Hit, h.Others, h.Sources))}
            </ol>
            {Html.When(folded > 0, Html.Of($"""<p class="note">{Display.Count(folded, "copy", "copies")} of texts above folded into their best match. <a href="{form.Link(form.Page)}{(form.Link(form.Page).Contains('?') ? "&" : "?")}copies=all">Show every copy</a></p>"""))}
            {Html.When(results.Total > 0, Html.Of($"""
                <nav class="pager" aria-label="Pages">
                {Html.When(form.Page > 1, Html.Of($"""<a rel="prev" href="{form.Link(form.Page - 1)}">Previous</a>"""))}
                <span class="where">Page {form.Page} of {pages}</span>
                {Html.When(form.Page < pages, Html.Of($"""<a rel="next" class="next" href="{form.Link(form.Page + 1)}">Next</a>"""))}
                </nav>
                """))}
            """);
    }

    // Each count is a link that narrows the search to that source, language or year.
    private static Html Facets(SearchForm form, SearchFacets? facets)
    {
        if (facets is null || facets.Sources.Count == 0) return Html.Empty;
        Html Group(string name, IEnumerable<(string Label, long Count, string Link)> items) => Html.Of($"""
            <div class="facet"><h2>{name}</h2><ul>{items.Select(i => Html.Of($"""<li><a href="{i.Link}">{i.Label}</a> <span class="n">{i.Count}</span></li>"""))}</ul></div>
            """);
        return Html.Of($"""
            <details class="facets"{(facets.Sources.Count > 1 || facets.Years.Count > 1 ? Html.Of($" open") : Html.Empty)}><summary>Narrow the results</summary>
            {Group("Source", facets.Sources.Select(f => (f.Label, f.Count, (form with { Sources = [f.Value], Page = 1 }).Link(1))))}
            {Group("Language", facets.Languages.Select(f => (f.Value.ToUpperInvariant(), f.Count, (form with { Language = f.Value, Page = 1 }).Link(1))))}
            {Years(form, facets.Years)}
            </details>
            """);
    }

    // A query to add a word to: an OR binds looser than the word added, so the query is put in
    // parentheses first, unless it has filters, which must stay at the top.
    private static string Within(string query) =>
        (query.Contains(" OR ", StringComparison.Ordinal) || query.Contains('|')) && !query.Contains(':') ? $"({query})" : query;

    // Each name narrows the search to the results that name it (mentions: in the query).
    private static Html Named(SearchForm form, IReadOnlyList<(string Kind, IReadOnlyList<(string Entity, string Name, int Articles)> Top)> named, long over) => Html.Of($"""
        <details class="facets named-facets" open><summary>Named in the best {over.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} results</summary>
        {named.Select(k => Html.Of($"""
            <div class="facet"><h2>{(k.Kind == "person" ? "People" : k.Kind == "country" ? "Countries" : "Organisations")}</h2><ul>{k.Top.Select(e => Html.Of($"""<li><a href="{(form with { Query = Within(form.Query!) + (e.Entity.Contains(':') ? $" \"{e.Name}\"" : $" mentions:\"{e.Entity}\""), Page = 1 }).Link(1)}">{e.Name}</a> <span class="n">{e.Articles.ToString(System.Globalization.CultureInfo.InvariantCulture)}</span></li>"""))}</ul></div>
            """))}
        </details>
        """);

    /// <summary>
    /// The matches per year as bars, oldest on the left, every year between the first and the last
    /// present; a bar is a link that narrows the search to its year, and its title gives the count.
    /// </summary>
    private static Html Years(SearchForm form, IReadOnlyList<Facet> years)
    {
        var counts = years.Where(y => int.TryParse(y.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(y => int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture), y => y.Count);
        if (counts.Count == 0) return Html.Empty;
        var (first, last) = (counts.Keys.Min(), counts.Keys.Max());
        var most = counts.Values.Max();
        const int height = 80, gap = 2;
        var n = last - first + 1;
        var width = Math.Min(640, Math.Max(120, n * 16));
        var bar = (double)width / n;
        string N(double v) => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return Html.Of($"""
            <div class="facet"><h2>Year</h2>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="year-bars" viewBox="0 0 {N(width)} {N(height + 14)}" width="{N(width)}" height="{N(height + 14)}" role="img" aria-label="Matches per year, {first.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {last.ToString(System.Globalization.CultureInfo.InvariantCulture)}">
            {Enumerable.Range(first, n).Select(y =>
            {
                var count = counts.GetValueOrDefault(y);
                var h = count == 0 ? 0 : Math.Max(2, (double)count / most * height);
                var year = y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                var link = (form with { From = year + "-01-01", To = year + "-12-31", Page = 1 }).Link(1);
                return Html.Of($"""<a href="{link}" xlink:href="{link}"><rect x="{N((y - first) * bar + gap / 2.0)}" y="{N(height - h)}" width="{N(Math.Max(1, bar - gap))}" height="{N(h)}" fill="#0072B2"><title>{year}: {count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}</title></rect></a>""");
            })}
            <g font-family="sans-serif" font-size="10" fill="#333333"><text x="0" y="{N(height + 12)}">{first.ToString(System.Globalization.CultureInfo.InvariantCulture)}</text><text x="{N(width)}" y="{N(height + 12)}" text-anchor="end">{last.ToString(System.Globalization.CultureInfo.InvariantCulture)}</text></g>
            </svg>
            <ul class="years">{years.Select(f => Html.Of($"""<li><a href="{(form with { From = f.Value + "-01-01", To = f.Value + "-12-31", Page = 1 }).Link(1)}">{f.Value}</a> <span class="n">{f.Count}</span></li>"""))}</ul>
            </div>
            """);
    }

    private static Html Hit(SearchHit hit, int others, int sources) => Html.Of($"""
        <li>
        <a class="title" href="/articles/{hit.Id}">{hit.Title}</a>{Html.When(hit.IsStub, Html.Of($""" <span class="label">title only</span>"""))}
        <div class="meta"><a href="/sources/{hit.SourceSlug}">{hit.Source}</a> · <time datetime="{Display.Iso(hit.Published)}">{Display.Date(hit.Published)}</time>{Html.When(others > 0, Html.Of($""" · <a class="copies" href="/articles/{hit.Id}#reprints-heading">also in {Display.Count(others, "other article", "other articles")}{(sources > 1 ? Html.Of($" from {sources} sources") : Html.Empty)}</a>"""))}</div>
        {Html.When(hit.Snippet.Length > 0, Html.Of($"""<p class="snippet">{Html.Trusted(Snippets.Html(hit.Snippet))}</p>"""))}
        </li>
        """);
}
