using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The source and the year of publication of every article, held in memory by article id (six
/// bytes an article), for the facets of a search: one pass over the matches counts each by its
/// source and year (tongsin_tally, see <see cref="Fts5Bm25"/>), instead of one pass inside the
/// index for every source and every year. An article's source and date never change, so the
/// tables only grow: the rows added since they were last read are read when the archive has more.
/// </summary>
internal sealed class RowFacets
{
    private readonly object _gate = new();
    private Snapshot _current = new([], [], 0);

    /// <summary>Source ids and years by article id; 0 where no article has that id.</summary>
    public sealed record Snapshot(int[] Sources, short[] Years, long LastId);

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
            var (sources, years, last) = _current;
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, source_id, substr(published, 1, 4) FROM articles WHERE id > $last ORDER BY id";
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
                        Array.Resize(ref years, size);
                    }
                    sources[id] = checked((int)r.GetInt64(1));
                    years[id] = short.Parse(r.GetString(2), NumberStyles.None, CultureInfo.InvariantCulture);
                    last = id;
                }
            }
            return _current = new Snapshot(sources, years, last);
        }
    }
}
