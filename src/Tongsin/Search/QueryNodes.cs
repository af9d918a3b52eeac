namespace Tongsin.Search;

/// <summary>A parsed query: what the text must contain, and the filters beside it.</summary>
public sealed record ParsedQuery(QueryNode? Text, QueryFilters Filters);

/// <summary>The text part of a query, as a tree.</summary>
public abstract record QueryNode;

/// <summary>A word; <see cref="Prefix"/> for word*. <see cref="Field"/> is null for any field, or "title".</summary>
public sealed record WordNode(string Text, bool Prefix = false, string? Field = null) : QueryNode;

/// <summary>Words that must stand together in this order.</summary>
public sealed record PhraseNode(string Text, string? Field = null) : QueryNode;

public sealed record AndNode(IReadOnlyList<QueryNode> Parts) : QueryNode;

public sealed record OrNode(IReadOnlyList<QueryNode> Parts) : QueryNode;

/// <summary>Only meaningful inside an AND with something positive beside it.</summary>
public sealed record NotNode(QueryNode Part) : QueryNode;

/// <summary>The filters of a query, all of which must hold. Dates are inclusive.</summary>
public sealed record QueryFilters
{
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> ExcludedSources { get; init; } = [];
    public IReadOnlyList<string> Outlets { get; init; } = [];
    public IReadOnlyList<string> ExcludedOutlets { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Addresses (url:): the articles found under any of them.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    public bool IsEmpty => Sources.Count == 0 && ExcludedSources.Count == 0 && Outlets.Count == 0 && ExcludedOutlets.Count == 0
        && Languages.Count == 0 && From is null && To is null && Addresses.Count == 0;
}
