namespace Tongsin.App.Shared;

/// <summary>The dates a filter takes, on the command line (--from) and in a query string (from=).</summary>
internal static class DateBounds
{
    /// <summary>
    /// YYYY-MM-DD, or YYYY-MM and YYYY meaning their first or last day: the query language's own rule.
    /// Null when nothing was given; the error names the option or parameter and says what to write.
    /// </summary>
    public static DateOnly? Parse(string? text, string name, bool start, Func<string, Exception> error)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Text.Dates.TryParseBound(text, start, out var day) ? day
            : throw error($"{name} '{text}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY");
    }
}
