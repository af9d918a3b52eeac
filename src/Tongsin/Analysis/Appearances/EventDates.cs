using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// The day of the event a sentence reports, read against the day the report is dated from (its
/// dateline, else its publication): "on May 5" and "on Sunday" are the latest such day not after
/// it; "yesterday" its day before; "recently" the day itself as an upper bound; none, the day
/// itself. A year stated other than the event's own says the sentence recalls an old event.
/// </summary>
public static partial class EventDates
{
    /// <summary>The day found, how, and whether the sentence states a year the event cannot be in (a recollection).</summary>
    public readonly record struct EventDate(DateOnly Date, string Basis, bool OtherYear);

    // "on May 5", and the first day of a trip of several: "from September 12 (to 14)".
    [GeneratedRegex(@"\b(?:on|from) (?:the (?:morning|afternoon|evening|night|eve) of )?(?<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?) (?<day>\d{1,2})\b(?:,? (?<year>(?:19|20)\d\d)\b)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:in|since|of) (?:(?:the )?(?:year|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|October|November|December),? (?:of )?)?(?<year>(?:19|20)\d\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<day>\d{1,2})\s*일")]
    private static partial Regex KoreanDay();

    /// <summary>
    /// The event's day in an English <paramref name="sentence"/>; <paramref name="dated"/> is the
    /// dateline's day (null without one) and <paramref name="published"/> the publication day.
    /// </summary>
    public static EventDate Of(string sentence, DateOnly? dated, DateOnly published)
    {
        var anchor = dated ?? published;
        var fallback = dated is null ? DateBasis.Published : DateBasis.Dateline;
        var otherYear = false;
        EventDate? found = null;
        var m = MonthDay().Match(sentence);
        if (m.Success)
        {
            var month = Month(m.Groups["month"].Value);
            var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (day is >= 1 and <= 31 && month > 0)
            {
                if (m.Groups["year"].Success)
                {
                    var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                    if (Day(year, month, day) is { } stated && stated <= anchor.AddDays(1) && stated >= anchor.AddDays(-31)) found = new EventDate(stated, DateBasis.Stated, false);
                    else otherYear = true;
                }
                else if (Latest(anchor, month, day) is { } latest) found = new EventDate(latest, DateBasis.Stated, false);
            }
        }
        if (found is null && Weekday().Match(sentence) is { Success: true } w)
        {
            var weekday = Enum.Parse<DayOfWeek>(w.Groups["weekday"].Value);
            var back = ((int)anchor.DayOfWeek - (int)weekday + 7) % 7;
            found = new EventDate(anchor.AddDays(-back), DateBasis.Stated, false);
        }
        if (found is null)
        {
            if (Has(sentence, "yesterday")) found = new EventDate(anchor.AddDays(-1), fallback, false);
            else if (Has(sentence, "recently")) found = new EventDate(anchor, DateBasis.Recently, false);
            else if (Has(sentence, "today") || Has(sentence, "this morning")) found = new EventDate(anchor, dated is null ? DateBasis.Published : DateBasis.Stated, false);
            else found = new EventDate(anchor, fallback, false);
        }
        foreach (Match y in Year().Matches(sentence))
        {
            var year = int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (year < found.Value.Date.Year && !(year == found.Value.Date.Year - 1 && found.Value.Date.Month == 1)) otherYear = true;
        }
        return found.Value with { OtherYear = otherYear };
    }

    /// <summary>The event's day in a Korean sentence: "5일" is the 5th of the dateline's month, or of the month before when that is later than the dateline.</summary>
    public static EventDate OfKorean(string sentence, DateOnly? dated, DateOnly published)
    {
        var anchor = dated ?? published;
        var m = KoreanDay().Match(sentence);
        if (m.Success && int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) is var day and >= 1 and <= 31)
        {
            for (var back = 0; back < 2; back++)
            {
                var month = anchor.AddMonths(-back);
                if (Day(month.Year, month.Month, day) is { } d && d <= anchor) return new EventDate(d, DateBasis.Stated, false);
            }
        }
        if (sentence.Contains("최근", StringComparison.Ordinal)) return new EventDate(anchor, DateBasis.Recently, false);
        return new EventDate(anchor, dated is null ? DateBasis.Published : DateBasis.Dateline, false);
    }

    /// <summary>
    /// A dateline the import did not take off, as older pages write it ("Pyongyang August 4 (KCNA) -",
    /// "Pyongyang,April 16 (KCNA)-"): its day, and the text after it; null when the paragraph opens otherwise.
    /// </summary>
    public static (DateOnly Day, string After)? LooseDateline(string paragraph, DateOnly published)
    {
        var m = LooseDatelinePattern().Match(paragraph);
        if (!m.Success) return null;
        var month = Month(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || day is < 1 or > 31) return null;
        return Latest(published, month, day) is { } d ? (d, paragraph[m.Length..]) : null;
    }

    [GeneratedRegex(@"^[A-Z][a-z]+\s*,?\s*(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<day>\d{1,2})\s*\(KCNA\)\s*[-–—]+\s*")]
    private static partial Regex LooseDatelinePattern();

    // The latest day of that month and day not more than a day after the anchor (a report may be dated the evening before its publication).
    private static DateOnly? Latest(DateOnly anchor, int month, int day)
    {
        for (var year = anchor.Year; year >= anchor.Year - 1; year--)
            if (Day(year, month, day) is { } d && d <= anchor.AddDays(1)) return d;
        return null;
    }

    private static DateOnly? Day(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static bool Has(string sentence, string word) =>
        sentence.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static int Month(string name) => name[..3] switch
    {
        "Jan" => 1, "Feb" => 2, "Mar" => 3, "Apr" => 4, "May" => 5, "Jun" => 6,
        "Jul" => 7, "Aug" => 8, "Sep" => 9, "Oct" => 10, "Nov" => 11, "Dec" => 12, _ => 0,
    };
}
