using System.Collections.Frozen;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// Whether two reports name the same place or occasion: the words of one, lower-cased and without
/// the small ones, are all among the other's ("Hungnam Fertilizer Complex" and "the fertilizer
/// complex in Hungnam"; "the silk mill" and "Kim Jong Suk Pyongyang Silk Mill"), or they share more
/// than three in five of all their words ("Wolnae Islet Defence Detachment" and "Jangjae Islet
/// Defence Detachment" share three in five: two places).
/// </summary>
public static class PlaceKey
{
    private static readonly FrozenSet<string> Small = new[]
    {
        "the", "a", "an", "of", "and", "in", "at", "to", "for", "under", "by", "on", "newly", "built", "new", "its", "his", "with", "kpa", "korean", "people's", "dprk",
        "의", "을", "를", "에서",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> Words(string place) =>
        place.ToLowerInvariant()
            .Split([' ', ',', '.', '"', '“', '”', '(', ')', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Small.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    public static bool Alike(string a, string b) => Alike(Words(a), Words(b));

    public static bool Alike(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return a.Count == b.Count;
        var shared = a.Count(b.Contains);
        return shared == Math.Min(a.Count, b.Count) || shared * 5 > (a.Count + b.Count - shared) * 3;
    }
}
