namespace Tongsin.Model;

/// <summary>One sighting of an article's full text: what a page, a feed or an export said it was.</summary>
public sealed record ArticleCapture(
    Source Source,
    string Title,
    DateOnly Published,
    DateOnly? Captured,
    string? Url,
    IReadOnlyList<string> Paragraphs,
    string? Teaser = null,
    Dateline? Dateline = null);

/// <summary>
/// The agency's opening line, "Pyongyang, June 30 (KCNA) --": where and on what day the item was
/// filed, and by whom, kept apart from the body.
/// </summary>
public sealed record Dateline(string Place, DateOnly? Date, string Agency);

/// <summary>
/// A card in a page's related block: an article of the same source known only by its title,
/// teaser and date. It is archived as a stub until its full text arrives.
/// </summary>
public sealed record CardCapture(Source Source, string Title, DateOnly Published, string? Teaser);

/// <summary>Everything one page yields: its article and the cards beside it.</summary>
public sealed record PageCapture(ArticleCapture Article, IReadOnlyList<CardCapture> Cards);
