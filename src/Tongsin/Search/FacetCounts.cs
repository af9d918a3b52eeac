namespace Tongsin.Search;

/// <summary>A search's facets from its counts by source and year, the same on every backend.</summary>
public static class FacetCounts
{
    /// <summary>Sources and languages most first (then by name), years newest first.</summary>
    public static SearchFacets Of(IReadOnlyList<(string Slug, string Label, string Language, string Year, long Count)> rows) => new(
        rows.GroupBy(x => (x.Slug, x.Label)).Select(g => new Facet(g.Key.Slug, g.Key.Label, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Label).ToList(),
        rows.GroupBy(x => x.Language).Select(g => new Facet(g.Key, g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
        rows.GroupBy(x => x.Year).Select(g => new Facet(g.Key, g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Value).ToList());
}
