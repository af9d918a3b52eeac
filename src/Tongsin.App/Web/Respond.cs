using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Tongsin.App.Web;

/// <summary>Writes pages, JSON and feeds, with entity tags where a client may cache.</summary>
internal static class Respond
{
    // Escapes <, >, & and quotes as \u003C and so on, so that no JSON string reads as markup anywhere.
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Indented = true };

    public const string HtmlType = "text/html; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public static Task Html(HttpContext context, Html page, int status = StatusCodes.Status200OK, bool tagged = false) =>
        Bytes(context, Encoding.UTF8.GetBytes(page.ToString()), HtmlType, status, tagged);

    public static Task Json(HttpContext context, Action<Utf8JsonWriter> body, int status = StatusCodes.Status200OK, bool tagged = false, string contentType = JsonType) =>
        Bytes(context, JsonBytes(body), contentType, status, tagged);

    public static byte[] JsonBytes(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions)) body(w);
        return buffer.ToArray();
    }

    /// <summary>
    /// Sends the bytes, or 304 when the client already has them (a tagged response). A tagged
    /// response is checked again on each use ("no-cache") unless the caller chose a longer life.
    /// </summary>
    public static async Task Bytes(HttpContext context, byte[] body, string contentType, int status = StatusCodes.Status200OK, bool tagged = false, string cacheControl = "no-cache")
    {
        var response = context.Response;
        if (tagged && status == StatusCodes.Status200OK)
        {
            var etag = ETags.Of(body);
            response.Headers.ETag = etag;
            response.Headers.CacheControl = cacheControl;
            if (ETags.Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
