using System.Text;

namespace Tongsin.Text;

/// <summary>
/// Brings a line of outlet text to one canonical form, so that the same words always hash the same:
/// Unicode NFC, every kind of space and line end folded to one ASCII space, control, zero-width and
/// bidirectional embedding, override and isolate characters dropped, no space at either end.
/// Letters, quotes and dashes are kept exactly as published.
/// </summary>
public static class TextCleaner
{
    public static string CleanLine(ReadOnlySpan<char> line)
    {
        var needsWork = false;
        var nonAscii = false;
        var previousSpace = true;
        foreach (var ch in line)
        {
            var space = IsSpace(ch);
            if ((space && (previousSpace || ch != ' ')) || IsDropped(ch)) { needsWork = true; break; }
            nonAscii |= ch > '\u007F';
            previousSpace = space;
        }
        if (!needsWork && (line.Length == 0 || line[^1] != ' '))
        {
            // Most lines need no folding; one with letters beyond ASCII (quotes, Korean) only needs NFC.
            var same = line.ToString();
            return !nonAscii || same.IsNormalized(NormalizationForm.FormC) ? same : same.Normalize(NormalizationForm.FormC);
        }

        var sb = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var ch in line)
        {
            if (IsSpace(ch)) { pendingSpace = sb.Length > 0; continue; }
            if (IsDropped(ch)) continue;
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch);
        }
        var text = sb.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    public static string CleanLine(string line) => CleanLine(line.AsSpan());

    // A line end inside a title or paragraph (a record's field may hold one) parts words, as a space does.
    private static bool IsSpace(char ch) =>
        ch is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or '\u2028' or '\u2029'
        || ch is >= '\u2000' and <= '\u200A';

    // Zero-width characters and byte-order marks carry no text, and C0/C1 controls are never text.
    // The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are never in
    // what the outlets publish, and would let a title show other than it reads; the marks U+200E/U+200F
    // change no order of their own and are kept.
    private static bool IsDropped(char ch) =>
        ch is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || ch is >= '\u202A' and <= '\u202E' || ch is >= '\u2066' and <= '\u2069'
        || (ch < ' ' && ch != '\t') || ch is >= '\u007F' and <= '\u009F';
}
