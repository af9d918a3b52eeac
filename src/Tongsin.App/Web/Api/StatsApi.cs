using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;
using Tongsin.Text;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/stats: what the archive holds. Its location stays private.</summary>
internal static class StatsApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/stats", GetStats);

    public static Ok<StatsResponse> GetStats(IArchive archive)
    {
        var s = archive.Stats();
        return TypedResults.Ok(new StatsResponse(s.Articles, s.Stubs, s.Versions, s.Removed, s.Sources,
            s.FirstPublished is { } first ? Dates.ToIso(first) : null, s.LastPublished is { } last ? Dates.ToIso(last) : null,
            s.SizeBytes, s.SchemaVersion));
    }
}

internal sealed record StatsResponse(long Articles, long Stubs, long Versions, long Removed, long Sources,
    string? FirstPublished, string? LastPublished, long SizeBytes, int SchemaVersion);
