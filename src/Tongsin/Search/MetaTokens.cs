using System.Globalization;

namespace Tongsin.Search;

/// <summary>
/// The tokens every backend's index holds beside an article's words: its source by row id and its
/// publication year, month and day (s3 y2024 m202403 d20240305). A filter on sources or dates then
/// narrows the match inside the index, by merging posting lists, rather than by looking up the
/// article row of every match.
/// </summary>
internal static class MetaTokens
{
    /// <summary>
    /// Published between the two days, inclusive: any of the first list of tokens and none of the
    /// second (often empty). Whole years, then whole months, then days, so any range takes at most a
    /// few dozen tokens. When that is many, the range is widened to whole months and the days it
    /// gains are taken out again: a day's token matches a thirtieth of a month's, so leaving out
    /// twenty days costs less than naming twenty.
    /// </summary>
    public static (List<string> Any, List<string> Not) Dates(DateOnly from, DateOnly to)
    {
        var exact = Cover(from, to);
        var start = new DateOnly(from.Year, from.Month, 1);
        var end = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        if (start == from && end == to) return (exact, []);
        var widened = Cover(start, end);
        var outside = Cover(start, from.AddDays(-1)).Concat(Cover(to.AddDays(1), end)).ToList();
        return widened.Count + outside.Count / 4.0 < exact.Count ? (widened, outside) : (exact, []);
    }

    private static List<string> Cover(DateOnly from, DateOnly to)
    {
        var tokens = new List<string>();
        for (var d = from; d <= to;)
        {
            if (d is { Month: 1, Day: 1 } && d.AddYears(1).AddDays(-1) <= to)
            {
                tokens.Add("y" + d.Year.ToString("D4", CultureInfo.InvariantCulture));
                d = d.AddYears(1);
            }
            else if (d.Day == 1 && d.AddMonths(1).AddDays(-1) <= to)
            {
                tokens.Add("m" + d.ToString("yyyyMM", CultureInfo.InvariantCulture));
                d = d.AddMonths(1);
            }
            else
            {
                tokens.Add("d" + d.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                d = d.AddDays(1);
            }
        }
        return tokens;
    }
}
