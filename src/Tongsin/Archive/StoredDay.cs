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

/// <summary>A moment as a backend gives it back: SQLite keeps it as ISO text in UTC, PostgreSQL as a timestamptz.</summary>
public static class StoredMoment
{
    public static DateTimeOffset Of(object value) => value switch
    {
        DateTimeOffset o => o,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidOperationException($"a moment read as {value.GetType().Name}"),
    };

    /// <summary>The moment, or null for a column without one.</summary>
    public static DateTimeOffset? OrNull(object? value) => value is null or DBNull ? null : Of(value);
}
