using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Reprints;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.App.Web.Pages;

/// <summary>The names each pair of an article's versions differ by, read on demand, each pair once.</summary>
internal sealed class VersionNames(MentionRecogniser recogniser, IReadOnlyList<ArticleVersion> versions, int year)
{
    private readonly Dictionary<(int, int), IReadOnlyList<NameChange>> read = [];

    public IReadOnlyList<NameChange> Between(ArticleVersion before, ArticleVersion after) =>
        versions.Count < 2 ? [] : read.TryGetValue((before.Number, after.Number), out var known) ? known
            : read[(before.Number, after.Number)] = NameChanges.Between(recogniser, before, after, year);
}

/// <summary>Two versions of an article to compare, by number.</summary>
internal readonly record struct VersionPair(int Before, int After);

/// <summary>
/// One article, laid out as KCNA Watch lays it out: title, the Date | Source line, the body, and
/// "More From" the same source. Versions, removal and stubs are said plainly.
/// </summary>
internal static class ArticlePage
{
    public const int MoreFromCount = 6;

    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/articles/{id}", GetArticle);

    public static Results<PageResult, RedirectHttpResult, ErrorResult> GetArticle(string id, HttpRequest request, IArchive archive, MentionRecogniser recogniser)
    {
        var n = Routes.ParseId(id);
        var article = n is { } i ? archive.FindArticle(i) : null;
        // An article merged into another (the same text under another address) is that one now.
        if (article is null && n is { } merged && archive.MergedInto(merged) is { } into)
            return TypedResults.Redirect($"/articles/{into}{request.QueryString}", permanent: true);
        if (article is null) return ErrorResult.NotFound($"The archive has no article '{id}'.");
        var versions = archive.Versions(article.Id);
        var diff = ParseDiff(new Parameters(request, archive).Text("diff"), article.Id, versions);
        var more = archive.ListArticles(new ArticleQuery([article.Source.Slug], Limit: MoreFromCount, ExcludeId: article.Id, CountAll: false));
        var copies = new ReprintClusters(archive).Of(article.Id) is { } cluster ? Copies(archive, cluster, article) : null;
        var named = new EntityMentions(archive).Of([article.Id]).GetValueOrDefault(article.Id) ?? [];
        var names = new VersionNames(recogniser, versions, article.Published.Year);
        return new PageResult(Render(article, versions, more, diff, archive.Addresses(article.Id), copies, named, names), tagged: true);
    }

    /// <summary>"1..2": two different versions the article has.</summary>
    internal static VersionPair? ParseDiff(string? text, long articleId, IReadOnlyList<ArticleVersion> versions)
    {
        if (text is null) return null;
        var parts = text.Split("..");
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            throw new QueryException($"'diff' must name two versions like 1..2, not '{(text.Length > 20 ? text[..20] + "..." : text)}'");
        if (versions.Count < 2) throw new QueryException($"article {articleId} has {(versions.Count == 0 ? "no versions" : "one version")}, so there is nothing to compare");
        if (a == b) throw new QueryException("'diff' must name two different versions");
        foreach (var n in new[] { a, b })
            if (versions.All(v => v.Number != n))
                throw new QueryException($"article {articleId} has versions 1 to {versions[^1].Number}; there is no version {n}");
        return new VersionPair(a, b);
    }

    /// <summary>The other copies of an article's text, with the source labels to show and the original's text when this is a copy.</summary>
    internal sealed record CopiesOf(ReprintCluster Cluster, IReadOnlyDictionary<string, string> Labels, ArticleRecord? Original);

    private static CopiesOf Copies(IArchive archive, ReprintCluster cluster, ArticleRecord article) =>
        new(cluster, archive.SourceList().ToDictionary(s => s.Slug, s => s.Label),
            cluster.OriginalId == article.Id ? null : archive.FindArticle(cluster.OriginalId));

    public static Html Render(ArticleRecord a, IReadOnlyList<ArticleVersion> versions, ArticleListing moreFrom, VersionPair? diff,
        IReadOnlyList<ArticleAddress>? addresses = null, CopiesOf? copies = null, IReadOnlyList<ArticleMention>? named = null, VersionNames? names = null)
    {
        var source = a.Source;
        var original = Display.IsWebAddress(a.Url)
            ? Html.Of($""" | <a class="original" href="{a.Url}" rel="noreferrer noopener">Read original version at source</a>""")
            : Html.Empty;
        return Layout.Render(new PageFrame(a.Title), Html.Of($"""
            <article class="article">
            <h1>{a.Title}</h1>
            <p class="dateline">Date: <time datetime="{Display.Iso(a.Published)}">{Display.DayMonthYear(a.Published)}</time> | Source: <a href="/sources/{source.Slug}">{source.Label}</a>{original}</p>
            {Notices(a)}
            {(diff is { } pair ? Diff(a, versions, pair, names) : Body(a))}
            {(versions.Count > 1 ? Versions(a, versions, diff, names) : Html.Empty)}
            {(addresses is { Count: > 1 } ? Addresses(addresses) : Html.Empty)}
            {(copies is not null ? AlsoPublished(a, copies) : Html.Empty)}
            {(named is { Count: > 0 } ? Named(named) : Html.Empty)}
            </article>
            {MoreFrom(source, moreFrom)}
            """));
    }

    private static Html Notices(ArticleRecord a) => Html.Join([
        Html.When(a.Status == ArticleStatus.Stub, Html.Of($"""<p class="notice">Only the title and teaser of this article are known so far: the archive has seen it listed beside another article of {a.Source.Label}, but not its full text.</p>""")),
        a.RemovedOn is { } removed
            ? Html.Of($"""<p class="notice removed">This article was found removed from its outlet on <time datetime="{Display.Iso(removed)}">{Display.Date(removed)}</time>. The archive keeps the text it had.</p>""")
            : Html.Empty,
    ]);

    private static Html Body(ArticleRecord a)
    {
        if (a.Status == ArticleStatus.Stub)
            return a.Teaser is null ? Html.Empty : Html.Of($"""<div class="body"><p class="teaser">{a.Teaser} …</p></div>""");
        return Html.Of($"""
            <div class="body">
            {a.Paragraphs.Select(p => Html.Of($"<p>{p}</p>"))}
            </div>
            """);
    }

    private static Html Versions(ArticleRecord a, IReadOnlyList<ArticleVersion> versions, VersionPair? diff, VersionNames? names)
    {
        var latest = versions[^1].Number;
        var pairs = new List<VersionPair>();
        for (var i = 0; i < versions.Count; i++)
            for (var j = i + 1; j < versions.Count; j++) pairs.Add(new VersionPair(versions[i].Number, versions[j].Number));
        var selected = diff ?? new VersionPair(versions[^2].Number, latest);
        return Html.Of($"""
            <section class="versions" aria-labelledby="versions-heading">
            <h2 id="versions-heading">Versions</h2>
            <p>The outlet changed this article after it was first archived. Each version is kept.</p>
            <ol>
            {versions.Select((v, i) => Html.Of($"""
                <li><span class="vnum">Version {v.Number}</span> captured {Display.Date(v.Captured)}, recorded <time datetime="{Display.Iso(DateOnly.FromDateTime(v.RecordedAt.UtcDateTime))}">{Display.Date(DateOnly.FromDateTime(v.RecordedAt.UtcDateTime))}</time>{Html.When(v.Title != a.Title, Html.Of($": “{v.Title}”"))}{(v.Number == latest ? Html.Empty : Html.Of($""" · <a href="/articles/{a.Id}?diff={v.Number}..{latest}">compare with version {latest}</a>"""))}{(names is not null && i > 0 ? Changes(names.Between(versions[i - 1], v), brief: true) : Html.Empty)}</li>
                """))}
            </ol>
            <form class="compare" method="get" action="/articles/{a.Id}">
            <label for="diff">Compare</label>
            <select id="diff" name="diff" data-autosubmit>
            {pairs.Select(p => Html.Of($"""<option value="{p.Before}..{p.After}"{(p == selected ? Html.Of($" selected") : Html.Empty)}>version {p.Before} with version {p.After}</option>"""))}
            </select>
            <button type="submit">Show changes</button>
            {Html.When(diff is not null, Html.Of($"""<a href="/articles/{a.Id}">Show the text</a>"""))}
            </form>
            </section>
            """);
    }

    // An outlet that files one item under several sections gives it an address in each.
    private static Html Addresses(IReadOnlyList<ArticleAddress> addresses) => Html.Of($"""
        <section class="addresses" aria-labelledby="addresses-heading">
        <h2 id="addresses-heading">Addresses</h2>
        <p>The outlet published this article under {addresses.Count} addresses.</p>
        <ul>
        {addresses.Select(d => Html.Of($"""
            <li>{(Display.IsWebAddress(d.Url) ? Html.Of($"""<a href="{d.Url}" rel="noreferrer noopener">{d.Url}</a>""") : Html.Of($"{d.Url}"))}: first seen <time datetime="{Display.Iso(d.FirstSeen)}">{Display.Date(d.FirstSeen)}</time>, last seen <time datetime="{Display.Iso(d.LastSeen)}">{Display.Date(d.LastSeen)}</time>{(d.GoneOn is { } gone ? Html.Of($", found gone on <time datetime=\"{Display.Iso(gone)}\">{Display.Date(gone)}</time>") : Html.Empty)}</li>
            """))}
        </ul>
        </section>
        """);

    // Who and what the article names, people first, each linked to its page.
    private static Html Named(IReadOnlyList<ArticleMention> named)
    {
        string[] order = ["person", "organisation", "country", "place", "idea"];
        var groups = named.GroupBy(m => m.Kind).OrderBy(g => Array.IndexOf(order, g.Key) is var i && i < 0 ? order.Length : i);
        return Html.Of($"""
            <section class="named" aria-labelledby="named-heading">
            <h2 id="named-heading">Named in this article</h2>
            <dl>
            {groups.Select(g => Html.Of($"""<dt>{(g.Key == "person" ? "People" : g.Key == "country" ? "Countries" : g.Key + "s")}</dt><dd>{Html.Join(g.Select((m, i) => Html.Of($"""{(i > 0 ? ", " : "")}<a class="{g.Key}" href="/entities/{Uri.EscapeDataString(m.Entity)}">{m.Name}</a>""")))}</dd>"""))}
            </dl>
            </section>
            """);
    }

    // The other copies of the text: the original first. A copy shows the words it changed from the original.
    private static Html AlsoPublished(ArticleRecord a, CopiesOf copies)
    {
        var others = copies.Cluster.Members.Where(m => m.ArticleId != a.Id).ToList();
        var changes = copies.Original is { Status: ArticleStatus.Complete } original
            ? Html.Of($"""
                <details class="reprint-diff">
                <summary>Changes from the original ({copies.Labels.GetValueOrDefault(copies.Cluster.Original.Source, copies.Cluster.Original.Source)}, {Display.Date(original.Published)}): <del>removed words</del> <ins>added words</ins></summary>
                {Html.When(original.Title != a.Title, Html.Of($"<p class=\"diff-title\">Title: {Pieces(WordDiff.Compare(original.Title, a.Title))}</p>"))}
                <div class="body"><p>{Pieces(WordDiff.Compare(original.Paragraphs, a.Paragraphs))}</p></div>
                </details>
                """)
            : Html.Empty;
        return Html.Of($"""
            <section class="reprints" aria-labelledby="reprints-heading">
            <h2 id="reprints-heading">Also published by</h2>
            <ul>
            {others.Select(m => Html.Of($"""
                <li><a href="/articles/{m.ArticleId}">{copies.Labels.GetValueOrDefault(m.Source, m.Source)}</a>, <time datetime="{Display.Iso(m.Published)}">{Display.Date(m.Published)}</time>{(m.ArticleId == copies.Cluster.OriginalId ? Html.Of($" (the original)") : Html.Of($", similarity {m.Similarity.ToString("0.00", CultureInfo.InvariantCulture)} to the original"))}</li>
                """))}
            </ul>
            {changes}
            </section>
            """);
    }

    private static Html Diff(ArticleRecord a, IReadOnlyList<ArticleVersion> versions, VersionPair pair, VersionNames? names)
    {
        var before = versions.First(v => v.Number == pair.Before);
        var after = versions.First(v => v.Number == pair.After);
        var title = before.Title == after.Title ? Html.Empty : Html.Of($"<p class=\"diff-title\">Title: {Pieces(WordDiff.Compare(before.Title, after.Title))}</p>");
        return Html.Of($"""
            <section class="diff" aria-label="Changes">
            <p class="legend">Changes from version {pair.Before} to version {pair.After}: <del>removed words</del> <ins>added words</ins></p>
            {(names is null ? Html.Empty : Changes(names.Between(before, after), brief: false))}
            {title}
            <div class="body"><p>{Pieces(WordDiff.Compare(before.Paragraphs, after.Paragraphs))}</p></div>
            </section>
            """);
    }

    // The names an edit took out or put in, linked to their pages; brief for a line of the versions list.
    private static Html Changes(IReadOnlyList<NameChange> changes, bool brief)
    {
        if (changes.Count == 0) return Html.Empty;
        Html Name(NameChange c) => Html.Of($"""<a href="/entities/{Uri.EscapeDataString(c.Key)}">{c.Name}</a>""");
        Html Group(string label, IEnumerable<NameChange> group, Func<NameChange, Html> each)
        {
            var list = group.ToList();
            return list.Count == 0 ? Html.Empty : Html.Of($"""<span class="names-{label.Split(' ')[0]}">{label}: {Html.Join(list.Select((c, i) => Html.Of($"{(i > 0 ? ", " : "")}{each(c)}")))}.</span> """);
        }
        var parts = Html.Of($"""{Group("dropped", changes.Where(c => c.Dropped), Name)}{Group("added", changes.Where(c => c.Added), Name)}{(brief ? Html.Empty : Group("named more or less often", changes.Where(c => !c.Dropped && !c.Added), c => Html.Of($"{Name(c)} ({c.Before} to {c.After} times)")))}""");
        return brief ? Html.Of($""" <span class="name-changes">Names {parts}</span>""") : Html.Of($"""<p class="name-changes">Names this change touches: {parts}</p>""");
    }

    // A paragraph break inside a piece closes the paragraph and opens the next, keeping the piece's mark open across it.
    private static Html Pieces(IReadOnlyList<DiffPiece> pieces)
    {
        var parts = new List<Html>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (i > 0 && !piece.Text.StartsWith('\n') && !pieces[i - 1].Text.EndsWith('\n')) parts.Add(Html.Of($" "));
            var (open, close) = piece.Op switch { DiffOp.Removed => ("<del>", "</del>"), DiffOp.Added => ("<ins>", "</ins>"), _ => ("", "") };
            var lines = piece.Text.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                if (l > 0) parts.Add(Html.Trusted("</p><p>"));
                if (lines[l].Length > 0) parts.Add(Html.Of($"{Html.Trusted(open)}{lines[l]}{Html.Trusted(close)}"));
            }
        }
        return Html.Join(parts);
    }

    private static Html MoreFrom(Source source, ArticleListing more) => more.Articles.Count == 0 ? Html.Empty : Html.Of($"""
        <section class="more-from" aria-labelledby="more-heading">
        <h2 id="more-heading">More From {source.Label}</h2>
        <ul class="cards">
        {more.Articles.Select(m => Html.Of($"""
            <li>
            <a class="title" href="/articles/{m.Id}">{m.Title}</a>
            {(Display.Teaser(m) is { } teaser ? Html.Of($"<p class=\"teaser\">{teaser}</p>") : Html.Empty)}
            <time datetime="{Display.Iso(m.Published)}">{Display.Date(m.Published)}</time>
            </li>
            """))}
        </ul>
        <p class="more"><a href="/sources/{source.Slug}">More Articles</a></p>
        </section>
        """);
}
