using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>A cleaned, non-blank line of a text page with its 1-based line number in the file.</summary>
public readonly record struct Line(int Number, string Text);

public static class Lines
{
    /// <summary>The non-blank lines of a text, cleaned; CRLF, CR and LF all end a line.</summary>
    public static List<Line> NonBlank(string text, int max = int.MaxValue)
    {
        var result = new List<Line>(Math.Min(max, 256));
        var span = text.AsSpan();
        var number = 0;
        while (span.Length > 0 && result.Count < max)
        {
            number++;
            var cut = span.IndexOfAny('\r', '\n');
            ReadOnlySpan<char> line;
            if (cut < 0) { line = span; span = default; }
            else
            {
                line = span[..cut];
                var skip = span[cut] == '\r' && cut + 1 < span.Length && span[cut + 1] == '\n' ? 2 : 1;
                span = span[(cut + skip)..];
            }
            var clean = TextCleaner.CleanLine(line);
            if (clean.Length > 0) result.Add(new Line(number, clean));
        }
        return result;
    }
}
