using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Tongsin.App.Web;

/// <summary>What the page, API and feed routes share.</summary>
internal static class Routes
{
    // Every route only reads; HEAD is answered like GET, without a body.
    public static readonly string[] Read = ["GET", "HEAD"];

    /// <summary>Maps a route that answers GET and HEAD, the only methods the site answers.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, Read, handler);

    /// <summary>An id as it appears in a URL: digits only, so "007" works and "1e3" or "-1" do not.</summary>
    public static long? ParseId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
