using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Tongsin.Text;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// A report's text cut into sentences as KCNA writes them: leftover entities (&amp;nbsp;) and runs
/// of spaces gone, the dateline left out, and a full stop ending a sentence only before a capital
/// and not after an abbreviation ("Col. General", "Nov. 23", "C.C., WPK", "V.V. Putin").
/// </summary>
public static partial class ReportSentences
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Mr", "Mrs", "Ms", "Dr", "No", "Nos", "St", "Mt", "Col", "Gen", "Lt", "Maj", "Capt", "Vol", "Jr", "Sr", "Prof", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co", "Ltd", "Inc", "vs", "etc", "Rev", "Adm", "Cmdr", "Sgt", "Brig",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"&nbsp;?|&#160;|\u00A0|\uFEFF")]
    private static partial Regex Entities();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>A paragraph with its entities and runs of white space made one space, and any dateline taken off.</summary>
    public static string Clean(string paragraph)
    {
        var text = Spaces().Replace(Entities().Replace(paragraph, " "), " ").Trim();
        var m = DatelinePatterns.Latin().Match(text);
        if (!m.Success) m = DatelinePatterns.Korean().Match(text);
        return m.Success ? text[m.Length..].Trim() : text;
    }

    /// <summary>The sentences of a cleaned paragraph.</summary>
    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length - 2; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?' or '다') || paragraph[i + 1] != ' ') continue;
            var next = paragraph[i + 2];
            if (c == '다') { yield return paragraph[start..(i + 1)]; start = i + 2; continue; }
            if (!(char.IsUpper(next) || next is '"' or '“' or '\'')) continue;
            if (c == '.' && Abbreviated(paragraph, i)) continue;
            yield return paragraph[start..(i + 1)];
            start = i + 2;
        }
        if (start < paragraph.Length) yield return paragraph[start..];
    }

    // The word before the full stop: a known abbreviation, a single letter (V.V.), or one with stops inside (C.C).
    private static bool Abbreviated(string text, int stop)
    {
        var from = stop;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1])) from--;
        var word = text[from..stop].TrimStart('(', '"', '“');
        return word.Length <= 1 || word.Contains('.') || Abbreviations.Contains(word);
    }
}
