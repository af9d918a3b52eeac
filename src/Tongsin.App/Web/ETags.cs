using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Tongsin.App.Web;

/// <summary>
/// Entity tags from a hash of the bytes sent: whatever changes what a page shows (a new version,
/// a removal, a new "More From" article) changes its tag, with nothing to keep in step by hand.
/// </summary>
internal static class ETags
{
    public static string Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return "\"" + Convert.ToBase64String(hash[..18]).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>Does If-None-Match name this tag (weakly compared, as RFC 9110 asks for GET)?</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)) return false;
        if (ifNoneMatch.Trim() == "*") return true;
        if (!EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)) return false;
        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Compare(ours, useStrongComparison: false));
    }
}
