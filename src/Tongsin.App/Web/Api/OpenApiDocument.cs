using Microsoft.AspNetCore.Routing;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/openapi.json: the API's description (wwwroot/openapi.json, written by hand; see docs/web.md).</summary>
internal static class OpenApiDocument
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/openapi.json", GetDocument);

    public static AssetResult GetDocument() => new(StaticAssets.OpenApi);
}
