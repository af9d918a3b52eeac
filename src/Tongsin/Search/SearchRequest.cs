namespace Tongsin.Search;

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>A search: the query text and the filters beside it. Dates are inclusive.</summary>
public sealed record SearchRequest(
    string Query,
    IReadOnlyList<string>? SourceSlugs = null,
    string? Language = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = 20,
    int Offset = 0,
    SearchSort Sort = SearchSort.Relevance);

/// <summary>
/// One hit. <see cref="Snippet"/> marks matched words between <see cref="Snippets.MatchStart"/>
/// and <see cref="Snippets.MatchEnd"/>; render it with <see cref="Snippets"/>.
/// </summary>
public sealed record SearchHit(long Id, string Title, string Source, string SourceSlug, DateOnly Published, bool IsStub, string Snippet, double Score);

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits);

/// <summary>A query the user must fix, with a message that says what is wrong.</summary>
public sealed class QueryException(string message, int? position = null) : Exception(message)
{
    public int? Position { get; } = position;
}
