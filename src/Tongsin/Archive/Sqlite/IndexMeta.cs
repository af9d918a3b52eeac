using System.Globalization;
using Tongsin.Search;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The FTS5 index's meta column: an article's source and publication date as tokens
/// (<see cref="MetaTokens"/>), and the FTS5 expressions that select on them.
/// </summary>
internal static class IndexMeta
{
    /// <summary>The column's value, as SQL over the articles row aliased <paramref name="a"/>.</summary>
    public static string Sql(string a) =>
        $"'s' || {a}.source_id || ' y' || substr({a}.published, 1, 4) || ' m' || substr({a}.published, 1, 4) || substr({a}.published, 6, 2) || ' d' || replace({a}.published, '-', '')";

    /// <summary>Any of these sources (by row id).</summary>
    public static string Sources(IEnumerable<long> ids) =>
        "(" + string.Join(" OR ", ids.Select(id => $"{{meta}} : \"s{id.ToString(CultureInfo.InvariantCulture)}\"")) + ")";

    /// <summary>Published between the two days, inclusive (<see cref="MetaTokens.Dates"/>).</summary>
    public static string Dates(DateOnly from, DateOnly to)
    {
        var (any, not) = MetaTokens.Dates(from, to);
        return not.Count == 0 ? Any(any) : $"({Any(any)} NOT {Any(not)})";
    }

    private static string Any(IEnumerable<string> tokens) => "(" + string.Join(" OR ", tokens.Select(t => $"{{meta}} : \"{t}\"")) + ")";
}
