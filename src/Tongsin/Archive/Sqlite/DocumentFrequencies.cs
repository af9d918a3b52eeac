using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// How many articles each phrase of a query matches, for BM25's IDF (see <see cref="Fts5Bm25"/>).
/// A phrase is counted once and remembered until the archive has grown or shrunk by a twentieth;
/// IDF moves with the logarithm of the count, so a slightly old count ranks the same. A query of
/// one phrase gives its own count, which the search has just made.
/// </summary>
internal sealed partial class DocumentFrequencies
{
    private readonly ConcurrentDictionary<string, (long Count, long Rows)> _known = new(StringComparer.Ordinal);

    // One FTS5 phrase as Fts5Query writes it: an optional column filter, then a quoted string, maybe a prefix.
    [GeneratedRegex("""(?:\{[^}]*\}\s*:\s*)?"(?:[^"]|"")*"\*?""")]
    private static partial Regex Phrase();

    /// <summary>One count for each phrase of the FTS5 expression, in the order FTS5 numbers them.</summary>
    public IReadOnlyList<long> Of(SqliteConnection c, string match, long total, long rows)
    {
        var phrases = Phrase().Matches(match).Select(m => m.Value).ToList();
        if (phrases.Count == 1 && phrases[0].Length == match.Trim().Length) return [total];
        return phrases.Select(p => p.StartsWith("{meta}", StringComparison.Ordinal) ? 0 : Count(c, p, rows)).ToList();
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
