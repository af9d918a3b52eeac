using Microsoft.AspNetCore.Http;

namespace Tongsin.App.Web.Api;

/// <summary>How the API's listings page: limit and offset, and a link to the next page.</summary>
internal static class ApiPaging
{
    public const int MaxLimit = 100;
    public const int MaxOffset = 1_000_000;

    /// <summary>The same request with the offset moved on, so a client can follow "next" to the end.</summary>
    public static string NextLink(HttpRequest request, int offset)
    {
        var query = request.Query.Where(kv => kv.Key != "offset")
            .SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("offset=" + offset);
        return request.Path + "?" + string.Join("&", query);
    }
}
