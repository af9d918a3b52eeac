using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;

namespace Tongsin.App.Web.Pages;

/// <summary>One source's articles, newest first, a page at a time.</summary>
internal static class SourcePage
{
    public const int PageSize = 20;

    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/sources/{slug}", GetSource);

    public static Results<PageResult, ErrorResult> GetSource(string slug, HttpRequest request, IArchive archive)
    {
        var source = archive.FindSource(slug);
        if (source is null) return ErrorResult.NotFound($"The archive has no source '{slug}'.");
        var page = new Parameters(request, archive).Number("page", 1, 1, 100_000);
        var listing = archive.ListArticles(new ArticleQuery([slug], Limit: PageSize, Offset: (page - 1) * PageSize));
        return new PageResult(Render(source, listing, page));
    }

    public static Html Render(SourceSummary source, ArticleListing listing, int page)
    {
        var slug = source.Source.Slug;
        var frame = new PageFrame(source.Source.Label, AtomFeed: $"/sources/{slug}/feed.atom", RssFeed: $"/sources/{slug}/feed.rss");
        var range = source.First is null ? "Nothing published yet." : $"Published {Display.Date(source.First)} to {Display.Date(source.Last)}.";
        return Layout.Render(frame, Html.Of($"""
            <h1>{source.Source.Label}</h1>
            <p class="lede">{Display.Count(source.Articles, "article", "articles")} and {Display.Count(source.Stubs, "title-only article", "title-only articles")}. {range}
            <span class="feeds">Follow: <a href="{frame.AtomFeed}">Atom</a> · <a href="{frame.RssFeed}">RSS</a></span></p>
            {(listing.Articles.Count == 0 ? Html.Of($"""<p class="empty">No articles on this page.</p>""") : ArticleList.Render(listing.Articles, showSource: false))}
            <nav class="pager" aria-label="Pages">
            {Html.When(page > 1, Html.Of($"""<a rel="prev" href="{PageLink(slug, page - 1)}">Newer articles</a>"""))}
            <span class="where">Page {page} of {Math.Max(1, (listing.Total + PageSize - 1) / PageSize)}</span>
            {Html.When(listing.HasMore, Html.Of($"""<a rel="next" class="next" href="{PageLink(slug, page + 1)}">More Articles</a>"""))}
            </nav>
            """));
    }

    private static string PageLink(string slug, int page) => page <= 1 ? $"/sources/{slug}" : $"/sources/{slug}?page={page}";
}
