using System.Security.Cryptography;
using System.Text;
using Tongsin.Text;

namespace Tongsin.Analysis.Rhetoric;

/// <summary>
/// An article's sentences as docs/rhetoric.md counts them: the title is sentence 0; the body's
/// sentences follow from 1, the dateline ("Pyongyang, March 29 (KCNA) --") left out. A sentence ends
/// at '.', '!' or '?' (closing quotes after it go with it) followed by whitespace and a capital
/// letter or an opening quote, or at the end of a paragraph. A full stop after an abbreviation
/// KCNA writes with one (U.S., U.N., D.P.R.K., Mr., Dr., St., No., the months, a single initial)
/// ends nothing.
/// </summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    /// <summary>The title, then the body's sentences, each trimmed; empty ones are not sentences.</summary>
    public static List<string> Split(string title, IReadOnlyList<string> paragraphs)
    {
        var sentences = new List<string> { title.Trim() };
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph;
            if (DatelinePatterns.Latin().Match(text) is { Success: true } dateline) text = text[dateline.Length..];
            SplitParagraph(text, sentences);
        }
        return sentences;
    }

    private static void SplitParagraph(string text, List<string> sentences)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?')) continue;
            var end = i + 1;
            while (end < text.Length && IsClosingQuote(text[end])) end++;
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next == end || next >= text.Length) continue;
            if (!char.IsUpper(text[next]) && !IsOpeningQuote(text[next])) continue;
            if (text[i] == '.' && end == i + 1 && IsAbbreviation(text, i)) continue;
            Add(text[start..end], sentences);
            start = next;
            i = next - 1;
        }
        Add(text[start..], sentences);
    }

    private static void Add(string sentence, List<string> sentences)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0) sentences.Add(trimmed);
    }

    // The word before the full stop at `dot`: a listed abbreviation, or capitals each with its stop (U.S, D.P.R.K, J).
    private static bool IsAbbreviation(string text, int dot)
    {
        var from = dot;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]) && text[from - 1] is not ('(' or '"' or '“' or '‘')) from--;
        var word = text.AsSpan(from, dot - from);
        if (word.Length == 0) return false;
        if (Abbreviations.Contains(word.ToString())) return true;
        // Initials: a capital, then '.' and a capital, as often as it goes; "U.S." and "D.P.R.K." as well as "J.".
        // Joined to a word by a hyphen they still are ("DPRK-U.S."): only the part after the last hyphen counts.
        var last = word.LastIndexOf('-');
        if (last >= 0) word = word[(last + 1)..];
        if (word.Length == 0 || word.Length % 2 == 0) return false;
        for (var k = 0; k < word.Length; k++)
            if (k % 2 == 0 ? !char.IsUpper(word[k]) : word[k] != '.') return false;
        return true;
    }

    private static bool IsClosingQuote(char c) => c is '"' or '”' or '’' or '\'' or ')';

    private static bool IsOpeningQuote(char c) => c is '"' or '“' or '‘' or '\'';

    /// <summary>
    /// The judged sample's key for a sentence: the first 8 hexadecimal digits of the SHA-256 of its
    /// text, trimmed, whitespace collapsed to single spaces, lower-cased.
    /// </summary>
    public static string Hash(string sentence)
    {
        var sb = new StringBuilder(sentence.Length);
        var space = false;
        foreach (var c in sentence.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..8];
    }
}
