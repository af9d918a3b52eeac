using System.Text;
using System.Text.RegularExpressions;
using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// The character set of an HTML page: from the Content-Type header of a fetched page, else the
/// page's meta tag, else a byte-order mark, else UTF-8. Pages from the DPRK sites and from older
/// browsers are often EUC-KR or CP949 rather than UTF-8; the bytes are only readable with the
/// encoding the page names.
/// </summary>
public static partial class HtmlCharset
{
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();

    /// <summary>The encoding of a charset name, or null when .NET cannot read it.</summary>
    public static Encoding? Resolve(string name)
    {
        var n = name.Trim();
        if (n.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || n.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return Encoding.UTF8;
        // KS C 5601 and EUC-KR pages are written by browsers that mean Windows' superset, CP949.
        if (n.Equals("euc-kr", StringComparison.OrdinalIgnoreCase) || n.Equals("ks_c_5601-1987", StringComparison.OrdinalIgnoreCase)
            || n.Equals("cp949", StringComparison.OrdinalIgnoreCase) || n.Equals("windows-949", StringComparison.OrdinalIgnoreCase)
            || n.Equals("x-windows-949", StringComparison.OrdinalIgnoreCase))
            n = "ks_c_5601-1987";
        // The code-page provider is asked directly, so nothing is registered process-wide.
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(n);
        if (encoding is not null) return encoding;
        try { return Encoding.GetEncoding(n); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>The charset named in the first 4 KiB of a page's meta tags, or null.</summary>
    public static string? FromMeta(ReadOnlySpan<byte> bytes)
    {
        var m = MetaCharset().Match(Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]));
        return m.Success ? m.Groups["name"].Value : null;
    }

    public static string? FromContentType(string? contentType)
    {
        var m = contentType is null ? null : HeaderCharset().Match(contentType);
        return m is { Success: true } ? m.Groups["name"].Value : null;
    }

    /// <summary>The encoding a saved HTML page declares in its meta tags, when it is not UTF-8; null otherwise.</summary>
    public static Encoding? DeclaredOtherThanUtf8(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 4096);
        var start = 0;
        while (start < n && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start >= n || bytes[start] != (byte)'<') return null;
        if (FromMeta(bytes) is not { } name) return null;
        var encoding = Resolve(name)
            ?? throw new ImportFailureException(ImportFailureKind.Encoding, $"the page declares the character set '{name}', which Tongsin cannot read");
        return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
    }

    /// <summary>
    /// Decodes a fetched page by byte-order mark, header, meta tag, in that order. A charset nobody
    /// can read is taken as UTF-8 rather than losing the page.
    /// </summary>
    public static string DecodeFetched(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes[3..]);
        var name = FromContentType(contentType) ?? FromMeta(bytes);
        var encoding = name is null ? Encoding.UTF8 : Resolve(name) ?? Encoding.UTF8;
        return encoding.GetString(bytes);
    }
}
