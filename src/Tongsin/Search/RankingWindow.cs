namespace Tongsin.Search;

/// <summary>
/// How many of a query's matches a backend ranks by relevance: when a query matches more than twice
/// this many, only about the newest this many are ranked (docs/search.md sets out the trade-off).
/// Every backend takes the same default and the same rules here, so that they rank the same
/// matches; how each finds the newest matches is its own.
/// </summary>
internal static class RankingWindow
{
    public const int Default = 5000;

    /// <summary>How many matches a page needing <paramref name="need"/> results is ranked among: the window, or the page's reach when it goes further.</summary>
    public static int Size(int window, int need) => Math.Max(window, need);

    /// <summary>Whether there are too many matches to rank them all, so that only the newest <paramref name="size"/> are.</summary>
    public static bool RanksNewestOnly(long matches, int size) => matches > 2L * size;

    /// <summary>Whether a listing by date sorts every match at once rather than taking them a year at a time.</summary>
    public static bool SortsAllByDate(long matches, int window) => matches <= 4L * window;
}
