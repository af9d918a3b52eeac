using System.Globalization;
using System.Text.RegularExpressions;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// The agency's opening line, in the forms the agency writes it: "Pyongyang, June 30 (KCNA) --" in
/// English, "Pyongyang, 15 de julio (ATCC) --" in Spanish, and "(평양 8월 21일발 조선중앙통신)" in Korean, as
/// a paragraph of its own. The line names a day and month only; the year is the publication's.
/// </summary>
public static partial class DatelineReader
{
    private static Regex LatinPattern() => DatelinePatterns.Latin();

    private static Regex KoreanPattern() => DatelinePatterns.Korean();

    [GeneratedRegex(@"^(?:(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})|(?<day>\d{1,2})\s+de\s+(?<mes>[a-z]+))$", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    private static readonly string[] SpanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>Whether the line opens with a dateline.</summary>
    public static bool Opens(string line) => LatinPattern().IsMatch(line) || KoreanPattern().IsMatch(line);

    /// <summary>
    /// Takes the dateline off the first paragraph and returns it; the paragraph keeps the text after
    /// it, or goes when there is none. Null, and the paragraphs untouched, when there is no dateline.
    /// </summary>
    public static Dateline? Take(List<string> paragraphs, DateOnly published)
    {
        if (paragraphs.Count == 0) return null;
        var first = paragraphs[0];
        Dateline dateline;
        int length;
        var m = LatinPattern().Match(first);
        if (m.Success)
        {
            dateline = new Dateline(m.Groups["place"].Value.Trim(), DayOf(m.Groups["date"].Value.Trim(), published), m.Groups["agency"].Value.ToUpperInvariant());
            length = m.Length;
        }
        else
        {
            m = KoreanPattern().Match(first);
            if (!m.Success) return null;
            var day = Day(published, int.Parse(m.Groups["month"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
            dateline = new Dateline(m.Groups["place"].Value, day, m.Groups["agency"].Value);
            length = m.Length;
        }
        var rest = first[length..].Trim();
        if (rest.Length > 0) paragraphs[0] = rest; else paragraphs.RemoveAt(0);
        return dateline;
    }

    // "January 1" or "15 de julio".
    private static DateOnly? DayOf(string text, DateOnly published)
    {
        var m = DayMonth().Match(text);
        if (!m.Success) return null;
        var month = m.Groups["month"].Success ? Dates.Month(m.Groups["month"].Value) : Array.IndexOf(SpanishMonths, m.Groups["mes"].Value.ToLowerInvariant()) + 1;
        if (month is null or < 1) return null;
        return Day(published, month.Value, int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
    }

    // In the year of publication, or the one before for a December item published in January.
    private static DateOnly? Day(DateOnly published, int month, int day)
    {
        var year = month == 12 && published.Month == 1 ? published.Year - 1 : published.Year;
        return Dates.Create(year, month, day);
    }
}
