using Tongsin.Model;

namespace Tongsin.Search;

/// <summary>
/// What a search's filters leave in play: a set of sources (null for every one) and a range of
/// publication days (null ends for open ones), from the request's own filters and the query's
/// together. Every filter narrows: two source: filters mean either source, a source and a
/// language mean that source if it is in that language, two date ranges mean their overlap.
/// Each backend turns the scope into its own index's terms.
/// </summary>
internal sealed record SearchScope(IReadOnlySet<long>? SourceIds, DateOnly? From, DateOnly? To, bool IsEmpty)
{
    /// <summary>The scope over the archive's sources (row id and source), read only when a filter names sources or languages.</summary>
    public static SearchScope Resolve(Func<IReadOnlyList<(long Id, Source Source)>> sourceRows, SearchRequest request, QueryFilters q, OutletCatalog outlets)
    {
        var from = Later(request.From, q.From);
        var to = Earlier(request.To, q.To);
        var noDays = (from, to) is ({ } f, { } t) && f > t;

        HashSet<long>? ids = null;
        var sourceFiltered = request.SourceSlugs is { Count: > 0 } || request.Language is not null || q.Languages.Count > 0
            || q.Sources.Count + q.ExcludedSources.Count + q.Outlets.Count + q.ExcludedOutlets.Count > 0;
        if (sourceFiltered)
        {
            var rows = sourceRows();
            var known = rows.Select(r => r.Source).ToList();
            var bySlug = rows.ToDictionary(r => r.Source.Slug, r => r.Id);
            IEnumerable<(long Id, Source Source)> allowed = rows;
            if (request.SourceSlugs is { Count: > 0 } slugs) allowed = allowed.Where(r => slugs.Contains(r.Source.Slug));
            if (request.Language is { } lang) allowed = allowed.Where(r => r.Source.Language == lang);
            if (q.Languages.Count > 0) allowed = allowed.Where(r => q.Languages.Contains(r.Source.Language));
            if (q.Sources.Count > 0)
            {
                var named = q.Sources.SelectMany(s => Named(SourceMatcher.Match(s, known, outlets), $"unknown source '{s}'; the archive's sources are listed at /sources and by 'tongsin sources'")).ToHashSet();
                allowed = allowed.Where(r => named.Contains(r.Source.Slug));
            }
            if (q.ExcludedSources.Count > 0)
            {
                var named = q.ExcludedSources.SelectMany(s => Named(SourceMatcher.Match(s, known, outlets), $"unknown source '{s}'; the archive's sources are listed at /sources and by 'tongsin sources'")).ToHashSet();
                allowed = allowed.Where(r => !named.Contains(r.Source.Slug));
            }
            if (q.Outlets.Count > 0)
            {
                var named = q.Outlets.SelectMany(o => Named(SourceMatcher.MatchOutlet(o, known, outlets), $"unknown outlet '{o}'")).ToHashSet();
                allowed = allowed.Where(r => named.Contains(r.Source.Slug));
            }
            if (q.ExcludedOutlets.Count > 0)
            {
                var named = q.ExcludedOutlets.SelectMany(o => Named(SourceMatcher.MatchOutlet(o, known, outlets), $"unknown outlet '{o}'")).ToHashSet();
                allowed = allowed.Where(r => !named.Contains(r.Source.Slug));
            }
            ids = allowed.Select(r => r.Id).ToHashSet();
            if (ids.Count == bySlug.Count) ids = null;
            else if (ids.Count == 0) return new SearchScope(ids, from, to, IsEmpty: true);
        }
        return new SearchScope(ids, from, to, noDays);
    }

    private static IReadOnlyList<string> Named(IReadOnlyList<string> slugs, string unknown) =>
        slugs.Count > 0 ? slugs : throw new QueryException(unknown);

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
