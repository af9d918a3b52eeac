using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The source and the day of publication of every article, held in memory by article id (eight
/// bytes an article), for the tally of a search (its facets, its counts over time): one pass over
/// the matches counts each by its source and day (tongsin_tally, see <see cref="Fts5Bm25"/>),
/// instead of one pass inside the index for every source and every day. An article's source and date never change, so the
/// tables only grow: the rows added since they were last read are read when the archive has more.
/// </summary>
internal sealed class RowFacets
{
    private readonly object _gate = new();
    private Snapshot _current = new([], [], 0, int.MaxValue, int.MinValue, 0);

    /// <summary>
    /// Source ids and days (<see cref="DateOnly.DayNumber"/>) by article id, 0 where no article has
    /// that id; the first and last day and the highest source id among them.
    /// </summary>
    public sealed record Snapshot(int[] Sources, int[] Days, long LastId, int FirstDay, int LastDay, int MostSource);

    /// <summary>The tables as they are now, reading the articles added since last time.</summary>
    public Snapshot Current(SqliteConnection c)
    {
        using var max = c.CreateCommand();
        max.CommandText = "SELECT coalesce(max(id), 0) FROM articles";
        var last = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        return last > _current.LastId ? Grow(c) : _current;
    }

    private Snapshot Grow(SqliteConnection c)
    {
        lock (_gate)
        {
            var (sources, days, last, first, latest, most) = _current;
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, source_id, published FROM articles WHERE id > $last ORDER BY id";
            cmd.Parameters.AddWithValue("$last", last);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var id = r.GetInt64(0);
                    if (id >= sources.Length)
                    {
                        var size = (int)Math.Max(id + 1, sources.Length * 3L / 2 + 1024);
                        Array.Resize(ref sources, size);
                        Array.Resize(ref days, size);
                    }
                    var source = checked((int)r.GetInt64(1));
                    var day = DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
                    (sources[id], days[id]) = (source, day);
                    (first, latest, most) = (Math.Min(first, day), Math.Max(latest, day), Math.Max(most, source));
                    last = id;
                }
            }
            return _current = new Snapshot(sources, days, last, first, latest, most);
        }
    }
}
