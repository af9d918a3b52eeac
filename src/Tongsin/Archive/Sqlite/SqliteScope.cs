using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Archive.Sqlite;

/// <summary>A search's scope (<see cref="SearchScope"/>) on SQLite: resolved over the archive's sources, and written as FTS5 and SQL filters.</summary>
internal static class SqliteScope
{
    public static SearchScope Resolve(SqliteConnection c, SearchRequest request, QueryFilters q, OutletCatalog outlets) =>
        SearchScope.Resolve(() => SqlArchive<SqliteConnection>.SourceRows(c).ConvertAll(s => (s.Id, s.Source)), request, q, outlets);

    /// <summary>
    /// The scope as FTS5 expressions over the meta column, to AND with the words; empty when the
    /// scope takes in the whole archive, null when no article can be in it (dates outside the
    /// archive's). Dates are first cut to the days the archive covers.
    /// </summary>
    public static string? Match(this SearchScope scope, SqliteConnection c)
    {
        var parts = new List<string>();
        if (scope.SourceIds is { } ids) parts.Add(IndexMeta.Sources(ids.Order()));
        if ((scope.From is not null || scope.To is not null) && PublishedSpan(c) is (DateOnly first, DateOnly last))
        {
            var from = scope.From is { } f && f > first ? f : first;
            var to = scope.To is { } t && t < last ? t : last;
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
    public static void AddTo(this SearchScope scope, SqlFilter filter)
    {
        if (scope.SourceIds is { } ids) filter.In("s.id", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList());
        filter.Published(scope.From, scope.To);
    }
}
