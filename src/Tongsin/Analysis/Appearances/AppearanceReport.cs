namespace Tongsin.Analysis.Appearances;

/// <summary>
/// One public activity of a followed person as one article reports it (docs/appearances.md): who,
/// on which day and how that day was found, what he did, where or at what, its kind, and who was
/// with him in the report's order.
/// </summary>
public sealed record AppearanceReport(
    string Person,
    DateOnly Date,
    string DateBasis,
    string Activity,
    string Kind,
    string Place,
    IReadOnlyList<Companion> Companions);

/// <summary>A person the report says accompanied him, was present or greeted him; <paramref name="Entity"/> is the gazetteer's slug when it knows the name for sure.</summary>
public sealed record Companion(string Name, string? Entity);

/// <summary>How a report's day was found, from the surest to the least sure.</summary>
public static class DateBasis
{
    /// <summary>The report names the day ("on May 5", "on Sunday", "today").</summary>
    public const string Stated = "stated";

    /// <summary>The report names none: the dateline's day (its day before, when it says "yesterday").</summary>
    public const string Dateline = "dateline";

    /// <summary>The report says "recently": the dateline's day, an upper bound.</summary>
    public const string Recently = "recently";

    /// <summary>No dateline either: the publication day.</summary>
    public const string Published = "published";

    /// <summary>Surest first: a group of reports takes the day of its surest.</summary>
    public static int Rank(string basis) => basis switch { Stated => 0, Dateline => 1, Published => 2, _ => 3 };
}
