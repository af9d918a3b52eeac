using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.App.Shared;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/search: the query language over the archive, through the <see cref="SearchGate"/>.</summary>
internal static class SearchApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/search", Search);

    // A search past its budget is not answered here: it throws, and Errors.Catch sends 503 with Retry-After.
    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(HttpContext context, IArchive archive, SearchGate gate)
    {
        try
        {
            var p = new Parameters(context.Request, archive);
            var request = p.Search(p.Number("limit", 20, 1, ApiPaging.MaxLimit), p.Number("offset", 0, 0, ApiPaging.MaxOffset))
                with { Facets = p.Text("facets") is "1" or "true" };
            var results = await gate.Search(context, request);
            var more = request.Offset + results.Hits.Count < results.Total;
            return TypedResults.Ok(new SearchResponse(request.Query, results.Total, results.RankedAmong, request.Limit, request.Offset,
                more ? ApiPaging.NextLink(context.Request, request.Offset + request.Limit) : null,
                [.. results.Hits.Select(SearchHitRecord.From)],
                results.Facets is { } f ? new SearchFacetLists(Facets(f.Sources), Facets(f.Languages), Facets(f.Years)) : null));
        }
        catch (QueryException e)
        {
            return ApiProblems.BadRequest(e);
        }
    }

    private static IReadOnlyList<FacetCount> Facets(IReadOnlyList<Facet> facets) => [.. facets.Select(f => new FacetCount(f.Value, f.Label, f.Count))];
}

internal sealed record SearchResponse(
    string Query,
    long Total,
    // Set when relevance ranked only the newest of many matches (see docs/search.md).
    [property: JsonPropertyName("rankedAmong")] long? RankedAmong,
    int Limit,
    int Offset,
    string? Next,
    IReadOnlyList<SearchHitRecord> Hits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SearchFacetLists? Facets);

internal sealed record SearchFacetLists(IReadOnlyList<FacetCount> Sources, IReadOnlyList<FacetCount> Languages, IReadOnlyList<FacetCount> Years);

internal sealed record FacetCount(string Value, string Label, long Count);
