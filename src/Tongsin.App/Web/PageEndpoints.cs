using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.App.Web.Pages;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web;

/// <summary>The pages people read: home, sources, a source, an article, search.</summary>
internal static class PageEndpoints
{
    public const int HomeCount = 30;
    public const int MoreFromCount = 6;

    public static void Map(IEndpointRouteBuilder app, IArchive archive)
    {
        app.MapMethods("/", Routes.Read, (HttpContext c) =>
            Respond.Html(c, HomePage.Render(archive.ListArticles(new ArticleQuery(Limit: HomeCount)), archive.Sources())));

        app.MapMethods("/sources", Routes.Read, (HttpContext c) => Respond.Html(c, SourcesPage.Render(archive.Sources())));

        app.MapMethods("/sources/{slug}", Routes.Read, (HttpContext c, string slug) =>
        {
            var source = Routes.FindSource(archive, slug);
            if (source is null) return Errors.Write(c, StatusCodes.Status404NotFound, $"The archive has no source '{slug}'.");
            var page = new Parameters(c.Request, archive).Number("page", 1, 1, 100_000);
            var listing = archive.ListArticles(new ArticleQuery([slug], Limit: SourcePage.PageSize, Offset: (page - 1) * SourcePage.PageSize));
            return Respond.Html(c, SourcePage.Render(source, listing, page));
        });

        app.MapMethods("/articles/{id}", Routes.Read, (HttpContext c, string id) =>
        {
            var article = Routes.ParseId(id) is { } n ? archive.FindArticle(n) : null;
            if (article is null) return Errors.Write(c, StatusCodes.Status404NotFound, $"The archive has no article '{id}'.");
            var versions = archive.Versions(article.Id);
            var diff = ParseDiff(new Parameters(c.Request, archive).Text("diff"), article.Id, versions);
            var more = archive.ListArticles(new ArticleQuery([article.Source.Slug], Limit: MoreFromCount, ExcludeId: article.Id, CountAll: false));
            return Respond.Html(c, ArticlePage.Render(article, versions, more, diff), tagged: true);
        });

        app.MapMethods("/search", Routes.Read, async (HttpContext c) =>
        {
            var p = new Parameters(c.Request, archive);
            var sources = archive.SourceList();
            var form = new SearchForm(p.Text("q"), p.Values("source"), p.Text("lang"), p.Text("from"), p.Text("to"), p.Text("sort") ?? "relevance", p.Number("page", 1, 1, 10_000), p.Text("fold") is "0" or "false");
            if (form.Query is null) { await Respond.Html(c, SearchPage.Render(form, sources, null)); return; }
            var request = p.Search(SearchPage.PageSize, (form.Page - 1) * SearchPage.PageSize) with { Facets = true };
            await Respond.Html(c, SearchPage.Render(form, sources, await SearchGate.Of(c).Search(c, request)));
        });
    }

    /// <summary>"1..2": two different versions the article has.</summary>
    internal static VersionPair? ParseDiff(string? text, long articleId, IReadOnlyList<Model.ArticleVersion> versions)
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
}
