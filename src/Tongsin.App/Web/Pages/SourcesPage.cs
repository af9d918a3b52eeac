using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;

namespace Tongsin.App.Web.Pages;

/// <summary>Every source, with what it holds and the span of dates it covers.</summary>
internal static class SourcesPage
{
    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/sources", GetSources);

    public static PageResult GetSources(IArchive archive) => new(Render(archive.Sources()));

    public static Html Render(IReadOnlyList<SourceSummary> sources) => Layout.Render(new PageFrame("Sources"), Html.Of($"""
        <h1>Sources</h1>
        <p class="lede">{Display.Count(sources.Count, "source", "sources")}. A title-only article is one the archive has seen listed beside another, with its title and teaser, but not yet in full.</p>
        <div class="table-wrap">
        <table class="sources">
        <thead><tr><th scope="col">Source</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Title only</th><th scope="col">First</th><th scope="col">Last</th></tr></thead>
        <tbody>
        {sources.Select(Row)}
        </tbody>
        </table>
        </div>
        """));

    private static Html Row(SourceSummary s) => Html.Of($"""
        <tr><th scope="row"><a href="/sources/{s.Source.Slug}">{s.Source.Label}</a></th><td class="num">{s.Articles}</td><td class="num">{s.Stubs}</td><td>{Display.Date(s.First)}</td><td>{Display.Date(s.Last)}</td></tr>
        """);
}
