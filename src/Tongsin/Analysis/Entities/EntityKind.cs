namespace Tongsin.Analysis.Entities;

/// <summary>What an entity of the gazetteer is; each kind gets its own tag pages.</summary>
public enum EntityKind
{
    Person,
    Organisation,
    Country,
    Place,
    /// <summary>Ideas, symbols, flowers and prizes named after a leader (Kimilsungia, Kim Jong Il's Patriotism):
    /// listed so that a recogniser takes the longer name and does not count the leader.</summary>
    Idea,
}

internal static class EntityKinds
{
    public static readonly IReadOnlyDictionary<string, EntityKind> ByName = new Dictionary<string, EntityKind>(StringComparer.Ordinal)
    {
        ["person"] = EntityKind.Person,
        ["organisation"] = EntityKind.Organisation,
        ["country"] = EntityKind.Country,
        ["place"] = EntityKind.Place,
        ["idea"] = EntityKind.Idea,
    };
}
