using Microsoft.AspNetCore.Http;

namespace Tongsin.App.Web.Feeds;

/// <summary>A feed as RSS or Atom, with an entity tag from its bytes so a reader that has it gets 304.</summary>
internal sealed class FeedResult(Feed feed, FeedFormat format) : IResult
{
    public Task ExecuteAsync(HttpContext context) => format == FeedFormat.Rss
        ? Respond.Bytes(context, RssFeed.Write(feed), RssFeed.ContentType, tagged: true)
        : Respond.Bytes(context, AtomFeed.Write(feed), AtomFeed.ContentType, tagged: true);
}

internal enum FeedFormat { Rss, Atom }

/// <summary>What the two feed routes share: the formats they answer in and how many entries they hold.</summary>
internal static class Feeds
{
    public const int EntryCount = 50;

    /// <summary>"rss" or "atom", the extension in feed.{format}; anything else is not a feed.</summary>
    public static FeedFormat? Format(string extension) => extension switch
    {
        "rss" => FeedFormat.Rss,
        "atom" => FeedFormat.Atom,
        _ => null,
    };

    public static ErrorResult NoSuchFormat(string extension) => ErrorResult.NotFound($"There is no '{extension}' feed; try feed.rss or feed.atom.");

    /// <summary>A feed is as new as its newest entry; an empty one, as new as now.</summary>
    public static DateTimeOffset Updated(IReadOnlyList<FeedEntry> entries, TimeProvider clock) =>
        entries.Count > 0 ? Feed.Midnight(entries.Max(e => e.Published)) : clock.GetUtcNow();
}
