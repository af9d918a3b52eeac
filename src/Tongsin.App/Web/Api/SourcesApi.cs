using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;
using Tongsin.Text;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/sources: every source with its counts and the dates it covers.</summary>
internal static class SourcesApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/sources", ListSources);

    public static Ok<SourceListResponse> ListSources(IArchive archive) =>
        TypedResults.Ok(new SourceListResponse([.. archive.Sources().Select(s => new SourceEntry(
            s.Source.Slug, s.Source.Label, s.Source.Outlet.Name, s.Source.Language, s.Articles, s.Stubs,
            s.First is { } first ? Dates.ToIso(first) : null, s.Last is { } last ? Dates.ToIso(last) : null))]));
}

internal sealed record SourceListResponse(IReadOnlyList<SourceEntry> Sources);

internal sealed record SourceEntry(string Slug, string Label, string Outlet, string Language, long Articles, long Stubs, string? First, string? Last);
