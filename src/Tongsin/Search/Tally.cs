using System.Globalization;

namespace Tongsin.Search;

/// <summary>The buckets of time a tally counts in.</summary>
public enum TallyInterval { Day, Week, Month, Year }

/// <summary>One cell of a tally: how many articles of one source (its slug) a query matched in one bucket of time (its first day).</summary>
public readonly record struct TallyCount(string Source, DateOnly Bucket, long Count);

/// <summary>
/// The buckets of a tally: where a day falls, what a bucket is called, and every bucket of a
/// span, so that a series has a point for each one, the empty ones at zero. Weeks begin on
/// Monday and are named as ISO 8601 names them (2013-W11).
/// </summary>
public static class TallyBuckets
{
    /// <summary>The first day of the bucket a day falls in.</summary>
    public static DateOnly Start(DateOnly day, TallyInterval interval) => interval switch
    {
        TallyInterval.Day => day,
        TallyInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TallyInterval.Month => new DateOnly(day.Year, day.Month, 1),
        TallyInterval.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>The bucket's name: 2013-03-07, 2013-W10, 2013-03, 2013.</summary>
    public static string Label(DateOnly start, TallyInterval interval) => interval switch
    {
        TallyInterval.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TallyInterval.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):D2}",
        TallyInterval.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TallyInterval.Year => start.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>The first day of the bucket after this one.</summary>
    public static DateOnly Next(DateOnly start, TallyInterval interval) => interval switch
    {
        TallyInterval.Day => start.AddDays(1),
        TallyInterval.Week => start.AddDays(7),
        TallyInterval.Month => start.AddMonths(1),
        TallyInterval.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>Every bucket from the one <paramref name="from"/> falls in to the one <paramref name="to"/> falls in.</summary>
    public static IEnumerable<DateOnly> Span(DateOnly from, DateOnly to, TallyInterval interval)
    {
        for (var b = Start(from, interval); b <= to; b = Next(b, interval)) yield return b;
    }

    /// <summary>day, week, month or year; anything else is the user's mistake.</summary>
    public static TallyInterval Parse(string text) => text.ToLowerInvariant() switch
    {
        "day" => TallyInterval.Day,
        "week" => TallyInterval.Week,
        "month" => TallyInterval.Month,
        "year" => TallyInterval.Year,
        _ => throw new QueryException($"'{text}' is not an interval; write day, week, month or year"),
    };

    /// <summary>Counts by source and day (each source's day once), summed into the interval's buckets.</summary>
    public static List<TallyCount> Sum(IEnumerable<TallyCount> days, TallyInterval interval) => interval == TallyInterval.Day
        ? days.OrderBy(t => t.Bucket).ThenBy(t => t.Source, StringComparer.Ordinal).ToList()
        : days.GroupBy(d => (d.Source, Bucket: Start(d.Bucket, interval)))
            .Select(g => new TallyCount(g.Key.Source, g.Key.Bucket, g.Sum(d => d.Count)))
            .OrderBy(t => t.Bucket).ThenBy(t => t.Source, StringComparer.Ordinal)
            .ToList();

    /// <summary>The query of a tally: its words and filters, or, blank, everything the request's own scope covers.</summary>
    public static ParsedQuery Parse(SearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Query) ? new ParsedQuery(null, new QueryFilters()) : request.Parse();
}

/// <summary>
/// Articles a tally counts once a group, such as the copies of one text: each article's group by
/// its id (articles in no group count as themselves). Of a group's articles that match, only the
/// first published (then the lowest id) is counted, in its source and bucket.
/// </summary>
public sealed record TallyGroups(IReadOnlyDictionary<long, long> GroupOf)
{
    /// <summary>
    /// The tally's counts less the matches that another match of their group stands for: each
    /// backend says which grouped articles matched (<paramref name="matched"/>: id, source, day), the rest is here.
    /// </summary>
    public List<TallyCount> Fold(IReadOnlyList<TallyCount> counts, IEnumerable<(long Id, string Source, DateOnly Day)> matched, TallyInterval interval)
    {
        var less = new Dictionary<(string Source, DateOnly Bucket), long>();
        foreach (var group in matched.GroupBy(m => GroupOf[m.Id]))
            foreach (var copy in group.OrderBy(m => m.Day).ThenBy(m => m.Id).Skip(1))
            {
                var cell = (copy.Source, TallyBuckets.Start(copy.Day, interval));
                less[cell] = less.GetValueOrDefault(cell) + 1;
            }
        if (less.Count == 0) return counts.ToList();
        return counts.Select(c => c with { Count = c.Count - less.GetValueOrDefault((c.Source, c.Bucket)) }).Where(c => c.Count > 0).ToList();
    }
}
