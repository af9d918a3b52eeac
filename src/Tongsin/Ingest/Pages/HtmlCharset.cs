using System.Text;
using System.Text.RegularExpressions;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// The character set a saved HTML page declares in its meta tags. Pages from the DPRK sites and
/// from older browsers are often EUC-KR or CP949 rather than UTF-8; the bytes are only readable with
/// the encoding the page names.
/// </summary>
public static partial class HtmlCharset
{
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    /// <summary>The encoding named in the first 4 KiB of an HTML page, when it is not UTF-8; null otherwise.</summary>
    public static Encoding? DeclaredOtherThanUtf8(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 4096);
        var start = 0;
        while (start < n && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start >= n || bytes[start] != (byte)'<') return null;
        var m = MetaCharset().Match(Encoding.Latin1.GetString(bytes, 0, n));
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return null;
        // KS C 5601 and EUC-KR pages are written by browsers that mean Windows' superset, CP949.
        if (name.Equals("euc-kr", StringComparison.OrdinalIgnoreCase) || name.Equals("ks_c_5601-1987", StringComparison.OrdinalIgnoreCase)
            || name.Equals("cp949", StringComparison.OrdinalIgnoreCase) || name.Equals("windows-949", StringComparison.OrdinalIgnoreCase))
            name = "ks_c_5601-1987";
        // The code-page provider is asked directly, so nothing is registered process-wide.
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name);
        if (encoding is not null) return encoding;
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException)
        {
            throw new ImportFailureException(ImportFailureKind.Encoding, $"the page declares the character set '{name}', which Tongsin cannot read");
        }
    }
}
