using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tongsin.App.Web.Pages;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web;

/// <summary>
/// Every error the site sends: problem+json (RFC 9457) under /api, a page for people elsewhere.
/// A query to correct is a 400 naming what is wrong; anything unexpected is a 500 that says
/// nothing of the code, while the log keeps the details.
/// </summary>
internal static class Errors
{
    public const string ProblemType = "application/problem+json; charset=utf-8";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task Write(HttpContext context, int status, string message)
    {
        if (IsApi(context.Request))
        {
            return Respond.Json(context, w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "about:blank");
                w.WriteString("title", ReasonPhrase(status));
                w.WriteNumber("status", status);
                w.WriteString("detail", message);
                w.WriteString("instance", context.Request.Path.Value);
                w.WriteEndObject();
            }, status, contentType: ProblemType);
        }
        return Respond.Html(context, ErrorPage.Render(status, message), status);
    }

    /// <summary>Turns exceptions into responses; registered first so it sees everything.</summary>
    public static async Task Catch(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (QueryException e) when (!context.Response.HasStarted)
        {
            await Write(context, StatusCodes.Status400BadRequest, IsApi(context.Request) ? e.Message : Sentence(e.Message));
        }
        catch (SearchBudgetException e) when (!context.Response.HasStarted)
        {
            // The server is not broken, the search is too costly: it may pass later, or narrowed.
            context.Response.Headers.RetryAfter = "10";
            await Write(context, StatusCodes.Status503ServiceUnavailable, IsApi(context.Request) ? e.Message : Sentence(e.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: no one is waiting for an answer, and the work has stopped.
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var log = (context.RequestServices.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("Tongsin.Web");
            log?.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            WebServer.AddSecurityHeaders(context.Response);
            var message = e is ArchiveException ? "The archive cannot be read just now. Try again in a moment." : "Something went wrong on our side. Try again in a moment.";
            await Write(context, StatusCodes.Status500InternalServerError, message);
        }
    }

    /// <summary>For statuses the framework sets with no body (404 for unknown paths, 405 for other methods).</summary>
    public static Task WriteBare(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var message = status switch
        {
            404 => $"There is nothing at {context.Request.Path}.",
            405 => "The archive is read-only here: only GET and HEAD are answered.",
            _ => ReasonPhrase(status) + ".",
        };
        return Write(context, status, message);
    }

    public static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : "Error";

    private static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
