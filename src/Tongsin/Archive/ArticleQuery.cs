using Tongsin.Model;

namespace Tongsin.Archive;

/// <summary>
/// A page of a listing, newest first: filtered by sources (empty means every source) and by
/// publication dates (inclusive), optionally leaving one article out, as "More From" does.
/// Without <see cref="CountAll"/> the total is not counted (a source can hold hundreds of
/// thousands of articles): it is then only enough to say whether there are more.
/// </summary>
public sealed record ArticleQuery(
    IReadOnlyList<string>? SourceSlugs = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = 20,
    int Offset = 0,
    long? ExcludeId = null,
    bool CountAll = true)
{
    public const int MaxLimit = 1000;

    /// <summary>Throws a message a user can act on when the page asked for cannot be served.</summary>
    public void Check()
    {
        if (Limit is < 0 or > MaxLimit) throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"the limit must be between 0 and {MaxLimit}");
        if (Offset < 0) throw new ArgumentOutOfRangeException(nameof(Offset), Offset, "the offset must not be negative");
    }
}

/// <summary>One page of articles and stubs, newest first, and how many match in all.</summary>
public sealed record ArticleListing(long Total, IReadOnlyList<ArticleRecord> Articles, int Offset)
{
    public bool HasMore => Offset + Articles.Count < Total;
}
