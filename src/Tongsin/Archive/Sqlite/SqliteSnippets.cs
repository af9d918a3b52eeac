using Microsoft.Data.Sqlite;
using Tongsin.Search;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The snippets of a page of hits, cut by FTS5's snippet() from a copy of each hit's text in a
/// small index of the connection's own (temp.snippet_fts), never from the archive's index:
/// <list type="bullet">
/// <item>the copy holds a bounded window of the body, so a huge article costs no more than a long one;</item>
/// <item>snippet() weighs every match in a row against every other: a row that matches more than
/// <see cref="MostMatches"/> times in its window is cut again from <see cref="ShortWindow"/>
/// characters, where it cannot match more than about a thousand times;</item>
/// <item>a prefix (word*) is looked up among twenty rows, not among every word of the archive: a
/// statement over the archive's index expands it again each time.</item>
/// </list>
/// The window (<see cref="Snippets.Window"/>) holds every real article whole, so their snippets
/// are the ones snippet() cuts from the archive's index.
/// </summary>
internal static class SqliteSnippets
{
    public const int Window = Snippets.Window;
    public const int ShortWindow = 2_048;
    public const int MostMatches = 1_000;

    // The archive index's columns and tokenizer, so that the query means here what it means there.
    private const string Create = """
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_fts USING fts5(
            title, teaser, body, ko, kof, names, meta, stub UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2')
        """;

    /// <summary>
    /// A snippet for each hit that matches <paramref name="match"/> (an FTS5 expression over the
    /// text columns, without the source and date tokens), with matches marked; a hit matched only
    /// past the window has none.
    /// </summary>
    public static Dictionary<long, string> Cut(SqliteConnection c, IReadOnlyCollection<long> ids, string match, SearchBudget budget)
    {
        var snippets = new Dictionary<long, string>(ids.Count);
        if (ids.Count == 0) return snippets;
        Exec(c, Create);
        try
        {
            var pending = ids.ToList();
            foreach (var window in new[] { Window, ShortWindow })
            {
                if (pending.Count == 0) break;
                Exec(c, "DELETE FROM temp.snippet_fts");
                using (var fill = c.CreateCommand())
                {
                    // The view's derived columns worked out again for the window, as the archive's index holds them for the whole text.
                    fill.CommandText = $"""
                        INSERT INTO temp.snippet_fts (rowid, title, teaser, body, ko, kof, names, stub)
                        SELECT id, title, teaser, w, tongsin_terms(title, teaser, w, 0), tongsin_terms(title, teaser, w, 1), tongsin_terms(title, teaser, w, 2), teaser IS NOT NULL
                        FROM (SELECT t.id, t.title, t.teaser, substr(t.body, 1, $w) AS w FROM article_text t WHERE t.id IN ({string.Join(',', pending)}))
                        """;
                    fill.Parameters.AddWithValue("$w", window);
                    fill.ExecuteNonQuery();
                }
                budget.Check();
                var last = window == ShortWindow;
                var tooMany = new List<long>();
                using (var cut = c.CreateCommand())
                {
                    cut.CommandText = $"""
                        SELECT rowid, CASE WHEN $last OR {Fts5Bm25.InstancesName}(snippet_fts) <= $most
                            THEN snippet(snippet_fts, CASE WHEN stub THEN 1 ELSE 2 END, $hs, $he, '…', 24) END
                        FROM temp.snippet_fts WHERE snippet_fts MATCH $m
                        """;
                    cut.Parameters.AddWithValue("$last", last);
                    cut.Parameters.AddWithValue("$most", MostMatches);
                    cut.Parameters.AddWithValue("$hs", Snippets.MatchStart.ToString());
                    cut.Parameters.AddWithValue("$he", Snippets.MatchEnd.ToString());
                    cut.Parameters.AddWithValue("$m", match);
                    using var r = cut.ExecuteReader();
                    while (r.Read())
                    {
                        if (r.IsDBNull(1)) tooMany.Add(r.GetInt64(0));
                        else snippets[r.GetInt64(0)] = r.GetString(1).Replace('\n', ' ');
                    }
                }
                budget.Check();
                // Only rows with too many matches go round again: a row that did not match in the
                // window at all cannot match in a shorter one.
                pending = tooMany;
            }
        }
        finally
        {
            // The copies go with the search; a search stopped half-way leaves them to the next one's first DELETE.
            try { Exec(c, "DELETE FROM temp.snippet_fts"); }
            catch (SqliteException) { }
        }
        return snippets;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
