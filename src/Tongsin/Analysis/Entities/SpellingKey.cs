using System.Text;
using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// The key two spellings of one name share: case, diacritics, apostrophes, hyphens, full stops and
/// spaces folded away, so "Kim Jong-il", "KIM JONG IL" and "Kim Jŏng-il" meet, and so do "U.S." and
/// "US". Hangul is keyed apart, its initial ㄹ and ㄴ folded as the South writes them (리병철, 이병철).
/// </summary>
public static class SpellingKey
{
    public static string Of(string spelling)
    {
        if (Hangul.Contains(spelling)) return Korean(spelling);
        var folded = Romanisation.Fold(spelling);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>The Hangul syllables and digits of a spelling, initial sounds folded; spaces dropped.</summary>
    public static string Korean(string spelling)
    {
        var sb = new StringBuilder(spelling.Length);
        foreach (var c in spelling)
            if (Hangul.IsSyllable(c)) sb.Append(Hangul.FoldInitial(c));
            else if (char.IsDigit(c)) sb.Append(c);
        return sb.ToString();
    }
}
