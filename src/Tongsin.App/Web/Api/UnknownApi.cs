using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Tongsin.App.Web.Api;

/// <summary>Anything else under /api: a JSON 404 that points to the description, not the page people get.</summary>
internal static class UnknownApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/{**rest}", NoSuchEndpoint);

    public static ProblemHttpResult NoSuchEndpoint(HttpRequest request) =>
        ApiProblems.NotFound($"There is no API endpoint at {request.Path}; /api/openapi.json lists them.");
}
