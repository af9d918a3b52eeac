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
    public sealed record Snapshot(int[] Sources, int[] Days, long LastId, int FirstDay, int LastDay, int MostSource)
    {
        /// <summary>
        /// The articles per source and day that a scope of sources and days takes in, counted in
        /// one pass over the tables (a million articles in a few milliseconds): the denominator of
        /// every trend, and the count of a listing by filters alone.
        /// </summary>
        public IEnumerable<(int Source, DateOnly Day, long Count)> Count(Search.SearchScope scope)
        {
            if (LastId == 0 || scope.IsEmpty) yield break;
            var from = Math.Max(FirstDay, scope.From?.DayNumber ?? int.MinValue);
            var to = Math.Min(LastDay, scope.To?.DayNumber ?? int.MaxValue);
            if (from > to) yield break;
            var width = MostSource + 1;
            var allowed = new bool[width];
            for (var s = 1; s < width; s++) allowed[s] = scope.SourceIds?.Contains(s) ?? true;
            var cells = new long[(long)(to - from + 1) * width];
            var (sources, days) = (Sources, Days);
            var last = (int)Math.Min(LastId, sources.Length - 1);
            for (var id = 1; id <= last; id++)
            {
                var (source, day) = (sources[id], days[id]);
                if (source == 0 || day < from || day > to || !allowed[source]) continue;
                cells[(long)(day - from) * width + source]++;
            }
            for (var i = 0L; i < cells.Length; i++)
                if (cells[i] > 0) yield return ((int)(i % width), DateOnly.FromDayNumber(from + (int)(i / width)), cells[i]);
        }
    }

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
