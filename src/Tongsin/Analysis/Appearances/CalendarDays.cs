using System.Globalization;

namespace Tongsin.Analysis.Appearances;

/// <summary>Days as the calendar's tables keep them (ISO text) and as the archive's publication dates come back (SQLite text, PostgreSQL date).</summary>
internal static class CalendarDays
{
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Of(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => Parse(s),
        _ => throw new InvalidOperationException($"a day read as {value.GetType().Name}"),
    };
}
