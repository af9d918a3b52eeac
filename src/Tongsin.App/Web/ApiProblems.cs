using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tongsin.App.Web;

/// <summary>
/// The API's errors as typed results. They are written by <see cref="ProblemWriter"/>, so a problem an
/// endpoint returns reads exactly like one the site's middleware sends (a bad host, a rate limit, a 405).
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Of(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: Errors.ReasonPhrase(status), type: "about:blank");

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, detail);

    /// <summary>A malformed parameter: the message names it and says what it should be.</summary>
    public static ProblemHttpResult BadRequest(Search.QueryException e) => Of(StatusCodes.Status400BadRequest, e.Message);
}

/// <summary>
/// Writes every ProblemDetails the framework or an endpoint produces the way <see cref="Errors.Write"/> does:
/// problem+json with type, title, status, detail and instance under /api, the error page elsewhere.
/// </summary>
internal sealed class ProblemWriter : IProblemDetailsService
{
    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        await Errors.Write(http, status, context.ProblemDetails.Detail ?? Errors.ReasonPhrase(status) + ".");
    }

    public async ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
    {
        await WriteAsync(context);
        return true;
    }
}
