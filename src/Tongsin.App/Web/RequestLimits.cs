using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tongsin.App.Web;

/// <summary>
/// The limits on a request's line and headers, enforced here rather than by Kestrel: Kestrel
/// answers a request past its own limits before any middleware runs, with a bare status, no
/// message and none of the security headers, and offers no way to change that answer. So
/// Kestrel's limits are set to <see cref="KestrelFactor"/> times these, and a request between
/// the two gets a 414 or 431 that says what was too long, like every other error.
/// </summary>
internal static class RequestLimits
{
    /// <summary>Kestrel still refuses, bare, what is more than this many times the limits.</summary>
    public const int KestrelFactor = 4;

    public static Task Check(HttpContext context, WebOptions options, Func<Task> next)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        // As Kestrel counts it: "GET /search?q=... HTTP/1.1" and its CRLF.
        var line = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length + 2;
        if (line > options.MaxRequestLineBytes)
            return Errors.Write(context, StatusCodes.Status414UriTooLong,
                $"The request line is {Bytes(line)} long; this server reads at most {Bytes(options.MaxRequestLineBytes)}. A shorter address will do.");

        var count = 0;
        long size = 2;
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
            {
                count++;
                size += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        if (count > options.MaxRequestHeaderCount)
            return Errors.Write(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request has {count} header fields; this server reads at most {options.MaxRequestHeaderCount}.");
        if (size > options.MaxRequestHeaderBytes)
            return Errors.Write(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request's header fields come to {Bytes(size)}; this server reads at most {Bytes(options.MaxRequestHeaderBytes)}. Large cookies are the usual cause.");
        return next();
    }

    private static string Bytes(long n) => n.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
