using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;

namespace Tongsin.App.Web.Pages;

/// <summary>The front page: the latest articles of every source, and the sources with their counts.</summary>
internal static class HomePage
{
    public const int Count = 30;

    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/", GetHome);

    public static PageResult GetHome(IArchive archive) =>
        new(Render(archive.ListArticles(new ArticleQuery(Limit: Count)), archive.Sources()));

    public static Html Render(ArticleListing latest, IReadOnlyList<SourceSummary> sources) => Layout.Render(new PageFrame("Latest articles"), Html.Of($"""
        <div class="columns">
        <section class="primary">
        <h1>Latest articles</h1>
        {(latest.Articles.Count == 0 ? Html.Of($"<p class=\"empty\">The archive is empty. Import pages with <code>tongsin import</code>.</p>") : ArticleList.Render(latest.Articles, showSource: true))}
        {Html.When(latest.HasMore, Html.Of($"""<p class="more"><a href="/search">Search all {Display.Count(latest.Total, "article", "articles")}</a> or browse <a href="/sources">by source</a></p>"""))}
        </section>
        <aside class="secondary" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <ul class="source-counts">
        {sources.Select(s => Html.Of($"""<li><a href="/sources/{s.Source.Slug}">{s.Source.Label}</a> <span class="count">{Display.Count(s.Articles + s.Stubs, "article", "articles")}</span></li>"""))}
        </ul>
        </aside>
        </div>
        """));
}
