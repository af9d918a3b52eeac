using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// How many articles each phrase of a query matches, for BM25's IDF (see <see cref="Fts5Bm25"/>).
/// A phrase is counted once and remembered until the archive has grown or shrunk by a twentieth;
/// IDF moves with the logarithm of the count, so a slightly old count ranks the same. A query of
/// one phrase and no filters gives its own count, which the search has just made.
/// </summary>
internal sealed class DocumentFrequencies
{
    private readonly ConcurrentDictionary<string, (long Count, long Rows)> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// One count for each phrase of the query's words, in the order FTS5 numbers them; the source
    /// and date tokens ANDed after them weigh nothing in the ranking and need none.
    /// </summary>
    public IReadOnlyList<long> Of(SqliteConnection c, Fts5Match text, bool alone, long total, long rows)
    {
        if (alone && text.Phrases.Count == 1) return [total];
        return text.Phrases.Select(p => Count(c, p, rows)).ToList();
    }

    private long Count(SqliteConnection c, string phrase, long rows)
    {
        if (_known.TryGetValue(phrase, out var known) && Math.Abs(known.Rows - rows) * 20 <= rows) return known.Count;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM article_fts WHERE article_fts MATCH $m";
        cmd.Parameters.AddWithValue("$m", phrase);
        var count = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (_known.Count > 100_000) _known.Clear();
        _known[phrase] = (count, rows);
        return count;
    }
}
