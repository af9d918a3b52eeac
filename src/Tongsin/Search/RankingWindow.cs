namespace Tongsin.Search;

/// <summary>
/// How many of a query's matches a backend ranks by relevance: when a query matches more than twice
/// this many, only about the newest this many are ranked (docs/search.md sets out the trade-off).
/// Every backend takes the same default, so that they rank the same matches.
/// </summary>
internal static class RankingWindow
{
    public const int Default = 5000;
}
