using System.Globalization;

namespace Tongsin.Archive;

/// <summary>A day as a backend gives it back: SQLite keeps it as its ISO text, PostgreSQL as a date.</summary>
public static class StoredDay
{
    public static DateOnly Of(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"a day read as {value.GetType().Name}"),
    };

    /// <summary>The day, or null for a column without one.</summary>
    public static DateOnly? OrNull(object? value) => value is null or DBNull ? null : Of(value);
}
