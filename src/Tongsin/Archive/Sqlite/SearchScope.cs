using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// What a search's filters leave in play: a set of sources (null for every one) and a range of
/// publication days (null ends for open ones), from the request's own filters and the query's
/// together. Every filter narrows: two source: filters mean either source, a source and a
/// language mean that source if it is in that language, two date ranges mean their overlap.
/// </summary>
internal sealed record SearchScope(IReadOnlySet<long>? SourceIds, DateOnly? From, DateOnly? To, bool IsEmpty)
{
    public static SearchScope Resolve(SqliteConnection c, SearchRequest request, QueryFilters q, OutletCatalog outlets) =>
        Resolve(() => SourceRows(c), request, q, outlets);

    /// <summary>The same from the archive's sources (row id and source), read only when a filter names sources or languages.</summary>
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

    /// <summary>
    /// The scope as FTS5 expressions over the meta column, to AND with the words; empty when the
    /// scope takes in the whole archive, null when no article can be in it (dates outside the
    /// archive's). Dates are first cut to the days the archive covers.
    /// </summary>
    public string? Match(SqliteConnection c)
    {
        var parts = new List<string>();
        if (SourceIds is { } ids) parts.Add(IndexMeta.Sources(ids.Order()));
        if ((From is not null || To is not null) && PublishedSpan(c) is (DateOnly first, DateOnly last))
        {
            var from = From is { } f && f > first ? f : first;
            var to = To is { } t && t < last ? t : last;
            if (from > to) return null;
            if (from > first || to < last) parts.Add(IndexMeta.Dates(from, to));
        }
        return string.Join(" AND ", parts);
    }

    /// <summary>The first and last publication days in the archive, each read off the date index; null when it is empty.</summary>
    public static (DateOnly First, DateOnly Last)? PublishedSpan(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT min(published) FROM articles), (SELECT max(published) FROM articles)";
        using var r = cmd.ExecuteReader();
        if (!r.Read() || r.IsDBNull(0)) return null;
        return (DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The scope as SQL over articles a and sources s, for listings without words.</summary>
    public void AddTo(SqlFilter filter)
    {
        if (SourceIds is { } ids) filter.In("s.id", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList());
        filter.Published(From, To);
    }

    private static List<(long Id, Source Source)> SourceRows(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT s.id, s.language, o.slug, o.name, o.name_ko, o.site FROM sources s JOIN outlets o ON o.id = s.outlet_id ORDER BY o.name, s.language";
        using var r = cmd.ExecuteReader();
        var rows = new List<(long, Source)>();
        var outlets = new OutletCache();
        while (r.Read()) rows.Add((r.GetInt64(0), new Source(outlets.Get(r, 2), r.GetString(1))));
        return rows;
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
