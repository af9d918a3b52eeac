using System.Text;
using System.Text.RegularExpressions;

namespace Tongsin.Ingest.Fetch;

/// <summary>
/// Finds a page's character set: the Content-Type header first, then a meta tag in the first
/// bytes, then a UTF-8 byte-order mark; UTF-8 when nothing says. Names .NET does not know fall back
/// to UTF-8 rather than failing the page. (EUC-KR and other legacy sets need the code-pages
/// provider, which the application registers at start-up.)
/// </summary>
public static partial class Charsets
{
    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    public static string? FromContentType(string? contentType)
    {
        if (contentType is null) return null;
        var m = CharsetPattern().Match(contentType);
        return m.Success ? m.Groups["name"].Value : null;
    }

    /// <summary>The charset a page declares in its first 2 KiB (meta charset or http-equiv).</summary>
    public static string? FromMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        foreach (Match meta in Regex.Matches(head, @"<meta\b[^>]*>", RegexOptions.IgnoreCase))
        {
            var m = CharsetPattern().Match(meta.Value);
            if (m.Success) return m.Groups["name"].Value;
        }
        return null;
    }

    public static Encoding Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Encoding.UTF8;
        var n = name.Trim().ToLowerInvariant();
        // Pages labelled ks_c_5601-1987 or euc-kr are written in the Windows superset, CP949.
        if (n is "ks_c_5601-1987" or "ksc5601" or "euc-kr" or "euckr" or "cp949" or "x-windows-949") n = "ks_c_5601-1987";
        try { return Encoding.GetEncoding(n); }
        catch (ArgumentException) { return Encoding.UTF8; }
    }

    /// <summary>Decodes a page's bytes by header, meta tag or byte-order mark, in that order.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes[3..]);
        var encoding = Resolve(FromContentType(contentType) ?? FromMeta(bytes));
        return encoding.GetString(bytes);
    }
}
