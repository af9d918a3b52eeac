using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Archive;

namespace Tongsin.App.Web.Feeds;

/// <summary>GET /entities/{slug}/feed.rss and feed.atom: the newest articles that name an entity.</summary>
internal static class EntityFeed
{
    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/entities/{slug}/feed.{format}", GetFeed);

    public static Results<FeedResult, ErrorResult> GetFeed(string slug, string format, HttpRequest request, IArchive archive, Gazetteer gazetteer, SiteAddress site, TimeProvider clock)
    {
        if (Feeds.Format(format) is not { } kind) return Feeds.NoSuchFormat(format);
        var profile = EntityProfile.Find(archive, gazetteer, slug, Feeds.EntryCount);
        if (profile is null) return ErrorResult.NotFound($"No entity '{(slug.Length > 60 ? slug[..57] + "..." : slug)}' is in the gazetteer or named in the archive.");
        var origin = site.Origin();
        var entries = profile.Newest.Select(a => new FeedEntry($"{origin}/articles/{a.ArticleId}", a.Title, $"{origin}/articles/{a.ArticleId}", a.Published, "", a.Source)).ToList();
        var feed = new Feed($"{profile.Name} – Tongsin", $"The newest articles that name {profile.Name} in the Tongsin archive.",
            origin + request.Path, $"{origin}/entities/{Uri.EscapeDataString(profile.Slug)}", null, Feeds.Updated(entries, clock), entries);
        return new FeedResult(feed, kind);
    }
}
