using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tongsin.App.Web;

/// <summary>A page for people, sent with an entity tag when it may be cached (an article).</summary>
internal sealed class PageResult(Html page, bool tagged = false) : IResult
{
    public Task ExecuteAsync(HttpContext context) => Respond.Html(context, page, tagged: tagged);
}

/// <summary>
/// An error as a person or a client meets it: a page, or problem+json under /api (see <see cref="Errors"/>).
/// </summary>
internal sealed class ErrorResult(int status, string message) : IResult
{
    public int StatusCode => status;

    public string Message => message;

    public Task ExecuteAsync(HttpContext context) => Errors.Write(context, status, message);

    public static ErrorResult NotFound(string message) => new(StatusCodes.Status404NotFound, message);
}

/// <summary>
/// JSON written by hand (an article as `tongsin export` writes it), with an entity tag from its bytes,
/// so a client that has it gets 304.
/// </summary>
internal sealed class TaggedJsonResult(Action<Utf8JsonWriter> body) : IResult
{
    public Task ExecuteAsync(HttpContext context) => Respond.Json(context, body, tagged: true);
}

/// <summary>A file from inside the executable: the stylesheet, script, icon or the API's description.</summary>
internal sealed class AssetResult(StaticAsset asset, string cacheControl = "no-cache") : IResult
{
    public Task ExecuteAsync(HttpContext context) =>
        Respond.Bytes(context, asset.Content, asset.ContentType, tagged: true, cacheControl: cacheControl);
}
