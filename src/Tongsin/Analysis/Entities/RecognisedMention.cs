namespace Tongsin.Analysis.Entities;

/// <summary>
/// An entity an article names: the gazetteer's entity, or a person the gazetteer does not know
/// (<see cref="Entity"/> null, <see cref="Key"/> "person:ri-chol-ho"), how many times, and where first
/// (a character offset into the title, a newline, and the paragraphs joined by newlines).
/// </summary>
public sealed record RecognisedMention(string Key, EntityKind Kind, string Name, int Count, int FirstPosition, Entity? Entity)
{
    /// <summary>The key of a person found by the shape of the name: "person:" and the name's words, lower case, joined by hyphens.</summary>
    public static string UnknownPersonKey(string name) =>
        "person:" + string.Join('-', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
