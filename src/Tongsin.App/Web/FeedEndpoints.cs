using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.App.Web.Feeds;
using Tongsin.App.Web.Pages;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web;

/// <summary>RSS and Atom for each source and for any search.</summary>
internal static class FeedEndpoints
{
    public const int EntryCount = 50;

    public static void Map(IEndpointRouteBuilder app, IArchive archive, TimeProvider clock, SiteAddress site)
    {
        app.MapMethods("/sources/{slug}/feed.{format}", Routes.Read, (HttpContext c, string slug, string format) =>
        {
            if (format is not ("rss" or "atom")) return Errors.Write(c, StatusCodes.Status404NotFound, $"There is no '{format}' feed; try feed.rss or feed.atom.");
            var source = Routes.FindSource(archive, slug);
            if (source is null) return Errors.Write(c, StatusCodes.Status404NotFound, $"The archive has no source '{slug}'.");
            var listing = archive.ListArticles(new ArticleQuery([slug], Limit: EntryCount));
            var origin = site.Origin();
            var entries = listing.Articles.Select(a => new FeedEntry($"{origin}/articles/{a.Id}", a.Title, $"{origin}/articles/{a.Id}",
                a.Published, Display.Teaser(a, 400) ?? "", a.Source.Label)).ToList();
            var feed = new Feed($"{source.Source.Label} – Tongsin", $"The latest articles of {source.Source.Label} in the Tongsin archive.",
                origin + c.Request.Path, $"{origin}/sources/{slug}", source.Source.Language, Updated(entries, clock), entries);
            return Send(c, format, feed);
        });

        app.MapMethods("/search/feed.{format}", Routes.Read, async (HttpContext c, string format) =>
        {
            if (format is not ("rss" or "atom")) { await Errors.Write(c, StatusCodes.Status404NotFound, $"There is no '{format}' feed; try feed.rss or feed.atom."); return; }
            var p = new Parameters(c.Request, archive);
            // A feed follows what is new, so it is always newest first whatever order the page had.
            var request = p.Search(EntryCount, 0) with { Sort = SearchSort.Newest };
            var results = await SearchGate.Of(c).Search(c, request);
            var origin = site.Origin();
            var entries = results.Hits.Select(h => new FeedEntry($"{origin}/articles/{h.Id}", h.Title, $"{origin}/articles/{h.Id}",
                h.Published, Snippets.Plain(h.Snippet), h.Source)).ToList();
            var form = new SearchForm(request.Query, p.Values("source"), p.Text("lang"), p.Text("from"), p.Text("to"), "relevance", 1);
            var feed = new Feed($"“{request.Query}” – Tongsin search", $"Articles in the Tongsin archive matching {request.Query}, newest first.",
                origin + form.Link(1, c.Request.Path), origin + form.Link(1), null, Updated(entries, clock), entries);
            await Send(c, format, feed);
        });
    }

    private static Task Send(HttpContext c, string format, Feed feed) => format == "rss"
        ? Respond.Bytes(c, RssFeed.Write(feed), RssFeed.ContentType, tagged: true)
        : Respond.Bytes(c, AtomFeed.Write(feed), AtomFeed.ContentType, tagged: true);

    private static DateTimeOffset Updated(IReadOnlyList<FeedEntry> entries, TimeProvider clock) =>
        entries.Count > 0 ? Feed.Midnight(entries.Max(e => e.Published)) : clock.GetUtcNow();
}
