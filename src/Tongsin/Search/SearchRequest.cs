namespace Tongsin.Search;

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>
/// A search: the query text and the filters beside it. Dates are inclusive. <see cref="FoldKorean"/>
/// lets the DPRK's and the South's spellings find each other (로동/노동, 리/이); off, Korean matches as written.
/// <see cref="Bounds"/> says what the search may cost; null is <see cref="SearchBounds.Default"/>.
/// </summary>
public sealed record SearchRequest(
    string Query,
    IReadOnlyList<string>? SourceSlugs = null,
    string? Language = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = 20,
    int Offset = 0,
    SearchSort Sort = SearchSort.Relevance,
    bool Facets = false,
    bool FoldKorean = true,
    SearchBounds? Bounds = null)
{
    /// <summary>What the search may cost: <see cref="Bounds"/>, or the default bounds.</summary>
    public SearchBounds Limits => Bounds ?? SearchBounds.Default;

    /// <summary>The query parsed, once the page asked for is checked: what every backend's search starts from.</summary>
    public ParsedQuery Parse()
    {
        if (Limit is < 0 or > 1000) throw new QueryException("the limit must be between 0 and 1000");
        if (Offset < 0) throw new QueryException("the offset must not be negative");
        return QueryParser.Parse(Query);
    }
}

/// <summary>
/// One hit. <see cref="Snippet"/> marks matched words between <see cref="Snippets.MatchStart"/>
/// and <see cref="Snippets.MatchEnd"/>; render it with <see cref="Snippets"/>.
/// </summary>
public sealed record SearchHit(long Id, string Title, string Source, string SourceSlug, DateOnly Published, bool IsStub, string Snippet, double Score);

/// <summary>
/// What a search found. <see cref="Total"/> is exact. When <see cref="RankedAmong"/> is set, the
/// query matched more articles than the archive ranks by relevance at once, and the hits are the
/// best of the newest <see cref="RankedAmong"/> matches; a narrower query ranks them all.
/// </summary>
public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets? Facets = null, long? RankedAmong = null);

/// <summary>How many matches one value of a facet has: a source (slug and label), a language, a year.</summary>
public sealed record Facet(string Value, string Label, long Count);

/// <summary>The matches of a query counted by source, language and year, most first (years newest first).</summary>
public sealed record SearchFacets(IReadOnlyList<Facet> Sources, IReadOnlyList<Facet> Languages, IReadOnlyList<Facet> Years);

/// <summary>A query the user must fix, with a message that says what is wrong.</summary>
public sealed class QueryException(string message, int? position = null) : Exception(message)
{
    public int? Position { get; } = position;
}
