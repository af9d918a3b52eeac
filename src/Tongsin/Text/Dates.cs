using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongsin.Text;

/// <summary>
/// The date forms outlets and monitoring services write: "January 29, 2026", "Jan 29, 2026",
/// "19/03/2023", "2026-01-29", "2026년 1월 29일", the dotted forms of the DPRK sites ("[2026.7.19.]",
/// "(Juche113.10.28.)", "(2026.10.4)"), the old Rodong Sinmun header
/// ("Mar. 10, Juche 111 (2022) Thursday"), feed dates (RFC 822 and ISO 8601), and Juche years (Juche 1 = 1912).
/// </summary>
public static partial class Dates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// The years a date may fall in, wherever it comes from: a page, a record, an export, a bound a
    /// reader types. Nothing the archive keeps was published before 1900, and a year past 2200 is a
    /// mistake; an import refuses such a date as invalid, as the search and the web refuse it as a bound.
    /// </summary>
    public const int FirstYear = 1900, LastYear = 2200;

    /// <summary>Whether the day falls in the years dates may have (<see cref="FirstYear"/> to <see cref="LastYear"/>).</summary>
    public static bool InRange(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>Juche 1 is 1912, the year of Kim Il Sung's birth.</summary>
    public static int JucheToGregorian(int jucheYear) => jucheYear + 1911;

    /// <summary>
    /// A date a reader types as a bound, in the query language and the filters alike: YYYY, YYYY-MM
    /// or YYYY-MM-DD (months and days with or without a leading zero), years 1900 to 2200 (<see cref="InRange"/>); a year or
    /// a month stands for its first day when <paramref name="start"/>, else its last.
    /// </summary>
    public static bool TryParseBound(string text, bool start, out DateOnly day)
    {
        day = default;
        var parts = text.Trim().Split('-');
        int year = 0, month = 0, d = 0;
        var ok = parts.Length is >= 1 and <= 3 && parts[0].Length == 4 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= FirstYear and <= LastYear
            && (parts.Length < 2 || (parts[1].Length is 1 or 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12))
            && (parts.Length < 3 || (parts[2].Length is 1 or 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out d) && d >= 1 && d <= DateTime.DaysInMonth(year, month)));
        if (!ok) return false;
        day = parts.Length switch
        {
            1 => start ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31),
            2 => start ? new DateOnly(year, month, 1) : new DateOnly(year, month, DateTime.DaysInMonth(year, month)),
            _ => new DateOnly(year, month, d),
        };
        return true;
    }

    public static int? Month(string name)
    {
        var n = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (n.Length < 3) return null;
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].StartsWith(n, StringComparison.Ordinal) || (n == "sept" && i == 8)) return i + 1;
        return null;
    }

    public static DateOnly? Create(int year, int month, int day) =>
        year is >= FirstYear and <= LastYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
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

    [GeneratedRegex(@"(?:(?<juche>Juche|주체)\s*(?<jyear>\d{1,3})|(?<year>\d{4}))\s*\.\s*(?<month>\d{1,2})\s*\.\s*(?<day>\d{1,2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DottedPattern();

    [GeneratedRegex(@"(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2}),?\s+Juche\s*(?<jyear>\d{1,3})(?:\s*\(\s*(?<year>\d{4})\s*\))?", RegexOptions.IgnoreCase)]
    private static partial Regex JucheWrittenPattern();

    /// <summary>
    /// The first dotted date in <paramref name="text"/>: "[2026.7.19.]", "2022.03.11", "(2026.10.4)",
    /// or with a Juche year, "[Juche113.10.28.]" or "주체113.10.28". Null when there is none or it is not a real day.
    /// </summary>
    public static DateOnly? FindDotted(string text)
    {
        foreach (Match m in DottedPattern().Matches(text))
        {
            var year = m.Groups["juche"].Success
                ? JucheToGregorian(int.Parse(m.Groups["jyear"].ValueSpan, CultureInfo.InvariantCulture))
                : int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            var date = Create(year, int.Parse(m.Groups["month"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
            if (date is not null) return date;
        }
        return null;
    }

    /// <summary>
    /// "Mar. 10, Juche 111 (2022) Thursday", as the old Rodong Sinmun site heads its pages. The
    /// Gregorian year in brackets wins when it is there, since it is what the reader was shown beside
    /// the Juche year; without it the Juche year is converted.
    /// </summary>
    public static DateOnly? FindJucheWritten(string text)
    {
        var m = JucheWrittenPattern().Match(TextCleaner.CleanLine(text));
        if (!m.Success || Month(m.Groups["month"].Value) is not { } month) return null;
        var year = m.Groups["year"].Success
            ? int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture)
            : JucheToGregorian(int.Parse(m.Groups["jyear"].ValueSpan, CultureInfo.InvariantCulture));
        return Create(year, month, int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
    }

    private static readonly string[] FeedFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz",
        "ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy",
    ];

    /// <summary>
    /// A feed's date: RFC 822 as RSS writes it ("Thu, 10 Mar 2022 09:30:00 +0900", also with GMT or
    /// a zone name) or ISO 8601 as Atom does. The calendar day is the one at the publisher, so the
    /// date is taken as written, before any shift to UTC.
    /// </summary>
    public static DateOnly? ParseFeedDate(string text)
    {
        var s = TextCleaner.CleanLine(text);
        if (s.Length == 0) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var iso) && s.Length >= 10 && char.IsAsciiDigit(s[0]))
            return DateOnly.FromDateTime(iso.DateTime);
        // Zone names such as GMT, UT, KST or EST are not understood by .NET's "zzz": the day is all we need.
        var zoneless = Regex.Replace(s, @"\s+(?:[A-Z]{1,4}|[+-]\d{4})$", "");
        var hasZone = zoneless.Length != s.Length;
        if (DateTimeOffset.TryParseExact(s, FeedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc))
            return DateOnly.FromDateTime(rfc.DateTime);
        if (hasZone && DateTime.TryParseExact(zoneless, FeedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            return DateOnly.FromDateTime(local);
        return ParseDateLine(s);
    }

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

    /// <summary>A date written YYYY-MM-DD, as records, exports and addresses write it, in the years <see cref="InRange"/> allows.</summary>
    public static bool TryParseIso(string text, out DateOnly date) =>
        TryParseIsoAnyYear(text, out date) && InRange(date);

    /// <summary>Why <paramref name="text"/>, the value of field <paramref name="name"/>, is not a date <see cref="TryParseIso"/> takes.</summary>
    public static string IsoProblem(string name, string text) =>
        TryParseIsoAnyYear(text, out var date)
            ? $"'{name}' is {ToIso(date)}, outside the years {FirstYear} to {LastYear}"
            : $"'{name}' must be a date written YYYY-MM-DD, not \"{text}\"";

    private static bool TryParseIsoAnyYear(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? ToIso(DateOnly? date) => date is { } d ? ToIso(d) : null;

    private static DateOnly? FromGroups(Match m) =>
        Create(int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["month"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture));
}
