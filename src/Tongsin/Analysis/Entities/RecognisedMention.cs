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
        "person:" + Words(name);

    /// <summary>The key of a body found by the shape of its name: "organisation:" and the name's words, lower case, joined by hyphens.</summary>
    public static string UnknownOrganisationKey(string name) => "organisation:" + Words(name);

    // Letters and digits of each word ("Al-Assad" is "al-assad", "People's" "peoples", "V." "v").
    private static string Words(string name) =>
        string.Join('-', name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0));
}
