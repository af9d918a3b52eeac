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

/// <summary>The kinds by the names the gazetteer files and the mentions table write them with.</summary>
public static class EntityKinds
{
    public static string Name(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Organisation => "organisation",
        EntityKind.Country => "country",
        EntityKind.Place => "place",
        _ => "idea",
    };

    /// <summary>The kind a name says, or null ("person", "organisation", "country", "place", "idea").</summary>
    public static EntityKind? Parse(string name) => ByName.TryGetValue(name, out var kind) ? kind : null;

    public static readonly IReadOnlyDictionary<string, EntityKind> ByName = new Dictionary<string, EntityKind>(StringComparer.Ordinal)
    {
        ["person"] = EntityKind.Person,
        ["organisation"] = EntityKind.Organisation,
        ["country"] = EntityKind.Country,
        ["place"] = EntityKind.Place,
        ["idea"] = EntityKind.Idea,
    };
}
