using System.Text;
using System.Text.RegularExpressions;
using Tongsin.Analysis.Entities;
using Tongsin.Search;

namespace Tongsin.Analysis.Mentions;

/// <summary>
/// mentions:"Choe Ryong Hae" in the query language: the articles that name an entity by any spelling
/// the gazetteer knows of it, or by its Korean name. Written as the OR of those spellings as phrases
/// before the query is parsed, so it combines with words and filters as any part of a query does
/// (mentions:"Choe Ryong Hae" missile source:kcna-en), on every backend. An entity is found by its
/// slug, any spelling, its Hangul, or another romanisation read back through Hangul.
/// </summary>
public static partial class MentionQuery
{
    [GeneratedRegex("""(?<![\w:])mentions:(?:"(?<q>[^"\u201C\u201D]*)["\u201D]|\u201C(?<q>[^\u201D]*)\u201D|(?<w>[^\s()"]+))""", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    /// <summary>Whether the query has a mentions: field to expand.</summary>
    public static bool Has(string query) => query.Contains("mentions:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query with each mentions: field written as the OR of its entity's spellings.</summary>
    public static string Expand(string query, Gazetteer gazetteer) => !Has(query) ? query : Field().Replace(query, m =>
    {
        var text = (m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["w"].Value).Trim();
        if (text.Length == 0) throw new QueryException("mentions: needs a name after it, such as mentions:\"Choe Ryong Hae\"");
        var entity = gazetteer[text] ?? One(gazetteer.Find(text), text) ?? One(gazetteer.FindByReading(text), text)
            ?? throw new QueryException($"mentions: '{text}' is no entity the gazetteer knows; /entities lists those the articles name");
        var spellings = entity.Spellings.Select(s => s.Replace("\"", "")).Where(s => s.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var or = new StringBuilder("(");
        for (var i = 0; i < spellings.Count; i++) or.Append(i == 0 ? "" : " OR ").Append('"').Append(spellings[i]).Append('"');
        return or.Append(')').ToString();
    });

    private static Entity? One(IReadOnlyList<Entity> found, string text) => found.Count switch
    {
        0 => null,
        1 => found[0],
        _ => throw new QueryException($"mentions: '{text}' names {found.Count} entities ({string.Join(", ", found.Take(4).Select(e => e.Slug))}); give the slug"),
    };
}
