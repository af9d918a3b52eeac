using System.Globalization;

namespace Tongsin.Analysis.Appearances;

/// <summary>Days as the calendar's tables keep them: ISO text on both backends.</summary>
internal static class CalendarDays
{
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
