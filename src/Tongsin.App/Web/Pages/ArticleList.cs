using Tongsin.Model;

namespace Tongsin.App.Web.Pages;

/// <summary>The list of articles that the home page and a source's page show.</summary>
internal static class ArticleList
{
    public static Html Render(IEnumerable<ArticleRecord> articles, bool showSource) => Html.Of($"""
        <ol class="articles">
        {articles.Select(a => Item(a, showSource))}
        </ol>
        """);

    private static Html Item(ArticleRecord a, bool showSource) => Html.Of($"""
        <li>
        <a class="title" href="/articles/{a.Id}">{a.Title}</a>{Labels(a)}
        <div class="meta">{(showSource ? Html.Of($"""<a href="/sources/{a.Source.Slug}">{a.Source.Label}</a> · """) : Html.Empty)}<time datetime="{Display.Iso(a.Published)}">{Display.Date(a.Published)}</time></div>
        </li>
        """);

    public static Html Labels(ArticleRecord a) => Html.Join([
        Html.When(a.Status == ArticleStatus.Stub, Html.Of($""" <span class="label">title only</span>""")),
        Html.When(a.VersionCount > 1, Html.Of($""" <span class="label">{a.VersionCount} versions</span>""")),
        Html.When(a.RemovedOn is not null, Html.Of($""" <span class="label removed">removed</span>""")),
    ]);
}
