using System.Globalization;
using System.Text;

namespace Tongsin.Model;

/// <summary>URL-safe names: "Voice of Korea (EN)" becomes "voice-of-korea-en".</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "unnamed" : slug.Normalize(NormalizationForm.FormC);
    }
}
