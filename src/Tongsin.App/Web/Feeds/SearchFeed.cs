using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.App.Web.Pages;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Feeds;

/// <summary>GET /search/feed.rss and feed.atom: the newest hits of any search, with the page's filters.</summary>
internal static class SearchFeed
{
    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/search/feed.{format}", GetFeed);

    public static async Task<Results<FeedResult, ErrorResult>> GetFeed(string format, HttpContext context, IArchive archive, SearchGate gate, SiteAddress site, TimeProvider clock)
    {
        if (Feeds.Format(format) is not { } kind) return Feeds.NoSuchFormat(format);
        var p = new Parameters(context.Request, archive);
        // A feed follows what is new, so it is always newest first whatever order the page had.
        var request = p.Search(Feeds.EntryCount, 0) with { Sort = SearchSort.Newest };
        var results = await gate.Search(context, request);
        var origin = site.Origin();
        var entries = results.Hits.Select(h => new FeedEntry($"{origin}/articles/{h.Id}", h.Title, $"{origin}/articles/{h.Id}",
            h.Published, Snippets.Plain(h.Snippet), h.Source)).ToList();
        var form = new SearchForm(request.Query, p.Values("source"), p.Text("lang"), p.Text("from"), p.Text("to"), "relevance", 1);
        var feed = new Feed($"“{request.Query}” – Tongsin search", $"Articles in the Tongsin archive matching {request.Query}, newest first.",
            origin + form.Link(1, context.Request.Path), origin + form.Link(1), null, Feeds.Updated(entries, clock), entries);
        return new FeedResult(feed, kind);
    }
}
