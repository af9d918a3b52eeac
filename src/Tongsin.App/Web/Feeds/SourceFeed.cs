using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;

namespace Tongsin.App.Web.Feeds;

/// <summary>GET /sources/{slug}/feed.rss and feed.atom: the latest articles of a source.</summary>
internal static class SourceFeed
{
    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/sources/{slug}/feed.{format}", GetFeed);

    public static Results<FeedResult, ErrorResult> GetFeed(string slug, string format, HttpRequest request, IArchive archive, SiteAddress site, TimeProvider clock)
    {
        if (Feeds.Format(format) is not { } kind) return Feeds.NoSuchFormat(format);
        var source = archive.FindSource(slug);
        if (source is null) return ErrorResult.NotFound($"The archive has no source '{slug}'.");
        var listing = archive.ListArticles(new ArticleQuery([slug], Limit: Feeds.EntryCount));
        var origin = site.Origin();
        var entries = listing.Articles.Select(a => new FeedEntry($"{origin}/articles/{a.Id}", a.Title, $"{origin}/articles/{a.Id}",
            a.Published, Display.Teaser(a, 400) ?? "", a.Source.Label)).ToList();
        var feed = new Feed($"{source.Source.Label} – Tongsin", $"The latest articles of {source.Source.Label} in the Tongsin archive.",
            origin + request.Path, $"{origin}/sources/{slug}", source.Source.Language, Feeds.Updated(entries, clock), entries);
        return new FeedResult(feed, kind);
    }
}
