using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Every indexed row's length in tokens (all columns together), held in memory: four bytes an
/// article. BM25 divides by each match's length; FTS5 reads it from its docsize table, one B-tree
/// lookup per match, which is most of what ranking costs when the matches are scattered over a
/// large archive. The lengths are read once, then topped up with the rows added since, whenever
/// the index has changed (its structure record says so). A row rewritten in place, an edited
/// article, keeps the length it was first read with until the archive is opened again; BM25
/// uses the length only to damp long texts, so that costs nothing a reader would see.
/// </summary>
internal sealed class DocumentLengths
{
    private readonly object _gate = new();
    private Snapshot _current = new([], 0, []);

    private sealed record Snapshot(int[] Lengths, long LastRow, byte[] Structure);

    /// <summary>The lengths as they are now, reading what the index has gained since last time.</summary>
    public int[] Current(SqliteConnection c)
    {
        var structure = Structure(c);
        var seen = _current;
        if (structure.AsSpan().SequenceEqual(seen.Structure)) return seen.Lengths;
        lock (_gate)
        {
            seen = _current;
            if (structure.AsSpan().SequenceEqual(seen.Structure)) return seen.Lengths;
            var lengths = seen.Lengths;
            var last = seen.LastRow;
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, sz FROM article_fts_docsize WHERE id > $last ORDER BY id";
            cmd.Parameters.AddWithValue("$last", last);
            using (var r = cmd.ExecuteReader())
            {
                var grown = lengths;
                while (r.Read())
                {
                    var id = r.GetInt64(0);
                    if (id >= grown.Length)
                    {
                        var bigger = new int[Math.Max(id + 1, grown.Length * 3L / 2 + 1024)];
                        grown.CopyTo(bigger, 0);
                        grown = bigger;
                    }
                    grown[id] = Total((byte[])r.GetValue(1));
                    last = id;
                }
                lengths = grown;
            }
            _current = new Snapshot(lengths, last, structure);
            return lengths;
        }
    }

    // The sizes of the row's columns, as FTS5 writes them: one SQLite varint each (seven bits a byte, high bits first).
    private static int Total(byte[] sizes)
    {
        var total = 0;
        for (var i = 0; i < sizes.Length;)
        {
            var value = 0;
            byte b;
            do
            {
                b = sizes[i++];
                value = (value << 7) | (b & 0x7F);
            } while ((b & 0x80) != 0 && i < sizes.Length);
            total += value;
        }
        return total;
    }

    // FTS5 rewrites its structure record on every change to the index.
    internal static byte[] Structure(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT block FROM article_fts_data WHERE id = 10";
        return cmd.ExecuteScalar() as byte[] ?? [];
    }
}
