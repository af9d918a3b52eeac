using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Statements;
using Tongsin.App.Web.Api;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Feeds;

/// <summary>GET /statements/feed.atom?issuer=... (and feed.rss): the newest statements, of one issuer when given, with the tracker's other filters.</summary>
internal static class StatementFeed
{
    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/statements/feed.{format}", GetFeed);

    public static Results<FeedResult, ErrorResult> GetFeed(string format, HttpRequest request, IArchive archive, Gazetteer gazetteer, SiteAddress site, TimeProvider clock)
    {
        if (Feeds.Format(format) is not { } kind) return Feeds.NoSuchFormat(format);
        StatementFilter filter;
        try { filter = StatementsApi.Filter(new Parameters(request, archive)); }
        catch (QueryException e) { return new ErrorResult(StatusCodes.Status400BadRequest, e.Message); }
        var origin = site.Origin();
        var entries = new StatementTracker(archive, gazetteer).List(filter, Feeds.EntryCount)
            .Select(s => new FeedEntry($"{origin}/articles/{s.ArticleId}", s.Title, $"{origin}/articles/{s.ArticleId}", s.Published,
                $"{StatementKinds.Name(s.Kind)} · {Who(s)}", s.Source)).ToList();
        var whose = filter.Issuer is { } i ? $" of {i}" : "";
        var feed = new Feed($"Statements{whose} – Tongsin", $"The newest statements{whose} in the Tongsin archive.",
            origin + request.Path + request.QueryString, $"{origin}/statements{request.QueryString}", null, Feeds.Updated(entries, clock), entries);
        return new FeedResult(feed, kind);
    }

    internal static string Who(TrackedStatement s) => string.Join(", ", new[] { s.Issuer, s.Office }.Where(w => !string.IsNullOrEmpty(w))) is { Length: > 0 } w ? w : "issuer not named";
}
