using System.Globalization;
using System.Text;
using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// A text reduced to what a spelling key keeps (letters and digits, lower case, no diacritics;
/// Hangul with its initial ㄹ and ㄴ folded), each character remembering where it stood, whether it
/// was upper case, and whether a word starts at it. A word starts after a space or a mark, and also
/// where a capital follows a small letter, or a capital and comes before a small one ("HEKim"): kcna.kp runs names into their neighbours
/// ("the respected ComradeKim Jong Ungladly met"), and that change of case is all that is left of the space.
/// </summary>
internal sealed class FoldedText
{
    public char[] Letters { get; }
    public int[] Origin { get; }
    public bool[] Upper { get; }
    /// <summary>After a space, a mark or the start: a word's own start.</summary>
    public bool[] AfterSeparator { get; }
    /// <summary>A capital right after a small letter, with nothing between: a start the glue hid.</summary>
    public bool[] AfterGlue { get; }
    public int Length { get; }

    public FoldedText(string text, int from = 0)
    {
        Letters = new char[text.Length];
        Origin = new int[text.Length];
        Upper = new bool[text.Length];
        AfterSeparator = new bool[text.Length];
        AfterGlue = new bool[text.Length];
        var n = 0;
        var separated = true;
        var lastWasLower = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            char folded;
            if (char.IsAsciiLetter(c) || char.IsAsciiDigit(c)) folded = char.ToLowerInvariant(c);
            else if (Hangul.IsSyllable(c)) folded = Hangul.FoldInitial(c);
            else if (char.IsLetter(c)) folded = Fold(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else
            {
                // An apostrophe or hyphen inside a word is no start of a word for the glue rule, but
                // it does end the word before it: "Kim Jong Il's", "Kim Jong-il".
                separated = true;
                lastWasLower = false;
                continue;
            }
            if (folded == '\0') { separated = true; lastWasLower = false; continue; }
            var upper = char.IsUpper(c);
            Letters[n] = folded;
            Origin[n] = i;
            Upper[n] = upper;
            AfterSeparator[n] = separated;
            // "HEKim Jong Un": a capital between a capital and a small letter starts a word too.
            AfterGlue[n] = !separated && upper && (lastWasLower || (n > 0 && Upper[n - 1] && i + 1 < text.Length && char.IsLower(text[i + 1])));
            lastWasLower = char.IsLower(c);
            separated = false;
            n++;
        }
        Length = n;
    }

    /// <summary>Whether a word may start at <paramref name="i"/>.</summary>
    public bool StartsWord(int i) => AfterSeparator[i] || AfterGlue[i];

    /// <summary>Whether a word ends before <paramref name="i"/>: a separator or a capital run on.</summary>
    public bool StartsWords(int i) => i >= Length || StartsWord(i);

    // A letter outside ASCII: its base letter, lower case (ŏ is o); '\0' when it has none.
    private static char Fold(char c)
    {
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var x in d)
            if (char.IsLetterOrDigit(x)) return char.ToLowerInvariant(x);
        return '\0';
    }
}
