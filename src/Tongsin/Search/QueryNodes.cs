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

    /// <summary>The filters written back in the query language: a query of these filters alone selects what they select.</summary>
    public string Text()
    {
        static string Quoted(string v) => "\"" + v.Replace("\"", "") + "\"";
        var parts = new List<string>();
        parts.AddRange(Sources.Select(s => "source:" + Quoted(s)));
        parts.AddRange(ExcludedSources.Select(s => "-source:" + Quoted(s)));
        parts.AddRange(Outlets.Select(o => "outlet:" + Quoted(o)));
        parts.AddRange(ExcludedOutlets.Select(o => "-outlet:" + Quoted(o)));
        parts.AddRange(Languages.Select(l => "lang:" + l));
        if (From is not null || To is not null)
            parts.Add($"date:{From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}..{To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        parts.AddRange(Addresses.Select(a => "url:" + a));
        return string.Join(" ", parts);
    }

    public bool IsEmpty => Sources.Count == 0 && ExcludedSources.Count == 0 && Outlets.Count == 0 && ExcludedOutlets.Count == 0
        && Languages.Count == 0 && From is null && To is null && Addresses.Count == 0;
}
