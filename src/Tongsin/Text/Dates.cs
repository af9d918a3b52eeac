using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongsin.Text;

/// <summary>
/// The date forms outlets and monitoring services write: "January 29, 2026", "Jan 29, 2026",
/// "19/03/2023", "2026-01-29", "2026년 1월 29일", and Juche years (Juche 1 = 1912).
/// </summary>
public static partial class Dates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Juche 1 is 1912, the year of Kim Il Sung's birth.</summary>
    public static int JucheToGregorian(int jucheYear) => jucheYear + 1911;

    public static int? Month(string name)
    {
        var n = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (n.Length < 3) return null;
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].StartsWith(n, StringComparison.Ordinal) || (n == "sept" && i == 8)) return i + 1;
        return null;
    }

    public static DateOnly? Create(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"^(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})")]
    private static partial Regex EnglishPattern();

    [GeneratedRegex(@"^(?<year>\d{4})\s*년\s*(?<month>\d{1,2})\s*월\s*(?<day>\d{1,2})\s*일")]
    private static partial Regex KoreanPattern();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<day>\d{1,2})/(?<month>\d{1,2})/(?<year>\d{4})$")]
    private static partial Regex DayMonthYearPattern();

    /// <summary>Reads an English or Korean date at the start of <paramref name="text"/>; returns the characters it used.</summary>
    public static DateOnly? ReadWrittenDate(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        var s = text.ToString();
        var m = EnglishPattern().Match(s);
        if (m.Success && Month(m.Groups["month"].Value) is { } month)
        {
            length = m.Length;
            return Create(int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture), month,
                int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
        }
        m = KoreanPattern().Match(s);
        if (m.Success)
        {
            length = m.Length;
            return FromGroups(m);
        }
        return null;
    }

    /// <summary>A whole line that is a date and nothing else, in any form a card or listing uses.</summary>
    public static DateOnly? ParseDateLine(string line)
    {
        var s = line.Trim();
        var written = ReadWrittenDate(s, out var used);
        if (written is not null && used == s.Length) return written;
        var m = IsoPattern().Match(s);
        if (m.Success) return FromGroups(m);
        m = DayMonthYearPattern().Match(s);
        return m.Success ? FromGroups(m) : null;
    }

    /// <summary>"19/03/2023": day first, as KCNA Watch writes it.</summary>
    public static DateOnly? ParseDayMonthYear(string text)
    {
        var m = DayMonthYearPattern().Match(text.Trim());
        return m.Success ? FromGroups(m) : null;
    }

    /// <summary>A date as a user types it on the command line or in a URL: YYYY-MM-DD.</summary>
    public static bool TryParseIso(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? ToIso(DateOnly? date) => date is { } d ? ToIso(d) : null;

    private static DateOnly? FromGroups(Match m) =>
        Create(int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["month"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
}
