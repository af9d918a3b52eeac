namespace Tongsin.Analysis.Entities;

/// <summary>
/// A person, organisation, country, place or idea the archive tags articles with. <see cref="Name"/>
/// is the spelling KCNA uses now; <see cref="Aliases"/> are the others a text may carry (older
/// spellings, short forms, abbreviations, adjectives). A spelling in <see cref="Ambiguous"/> is
/// knowingly shared with another entity of the same kind (two officials named Kim Yong Il).
/// </summary>
public sealed record Entity(
    string Slug,
    EntityKind Kind,
    string Name,
    string? Korean,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<EntityRole> Roles,
    bool Followed,
    IReadOnlyList<string> Ambiguous,
    string? Note,
    EntitySource Source)
{
    /// <summary>The name and every alias, Hangul ones included.</summary>
    public IEnumerable<string> Spellings => Aliases.Prepend(Name);

    /// <summary>The roles held at some time in <paramref name="year"/>.</summary>
    public IEnumerable<EntityRole> RolesIn(int year) => Roles.Where(r => r.HeldIn(year));
}

/// <summary>A post held, from a year to a year; a missing end means held still or not known to have ended.</summary>
public sealed record EntityRole(string Title, int? From, int? To)
{
    public bool HeldIn(int year) => (From is null || From <= year) && (To is null || year <= To);
}

/// <summary>Where an entity is written: the file and its line.</summary>
public sealed record EntitySource(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>One way of writing an entity, for a recogniser that matches text against every spelling.</summary>
public sealed record EntitySpelling(string Text, Entity Entity, bool Ambiguous);
