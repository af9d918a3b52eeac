using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Search over the FTS5 index. Every term reaches FTS5 as a quoted string, so nothing a user types
/// is read as FTS5 syntax. Titles weigh ten times the body in BM25, teasers three times; a stub
/// scores half, because BM25 favours short texts and a reader wants the full article first.
/// </summary>
internal sealed class SqliteSearch(Func<SqliteConnection> open)
{
    public SearchResults Run(SearchRequest request)
    {
        if (request.Limit is < 0 or > 1000) throw new QueryException("the limit must be between 0 and 1000");
        if (request.Offset < 0) throw new QueryException("the offset must not be negative");
        var match = ToFts5(PlainQuery.Parse(request.Query));

        using var c = open();
        var where = new List<string> { "article_fts MATCH $match" };
        using var count = c.CreateCommand();
        using var query = c.CreateCommand();
        foreach (var cmd in new[] { count, query })
        {
            cmd.Parameters.AddWithValue("$match", match);
            var clauses = new List<string>();
            SqliteArchive.AddSourceFilter(cmd, clauses, request.SourceSlugs);
            if (request.Language is { } lang) { clauses.Add("s.language = $lang"); cmd.Parameters.AddWithValue("$lang", lang); }
            if (request.From is { } from) { clauses.Add("a.published >= $from"); cmd.Parameters.AddWithValue("$from", Dates.ToIso(from)); }
            if (request.To is { } to) { clauses.Add("a.published <= $to"); cmd.Parameters.AddWithValue("$to", Dates.ToIso(to)); }
            if (cmd == count) where.AddRange(clauses);
        }
        var filter = string.Join(" AND ", where);
        const string from_ = "FROM article_fts JOIN articles a ON a.id = article_fts.rowid JOIN sources s ON s.id = a.source_id JOIN outlets o ON o.id = s.outlet_id";

        count.CommandText = $"SELECT count(*) {from_} WHERE {filter}";
        var total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (total == 0 || request.Limit == 0) return new SearchResults(total, []);

        var order = request.Sort switch
        {
            SearchSort.Newest => "a.published DESC, a.id DESC",
            SearchSort.Oldest => "a.published, a.id",
            _ => "score, a.published DESC",
        };
        query.CommandText = $"""
            SELECT a.id, a.title, s.label, s.slug, a.published, a.status,
                   snippet(article_fts, -1, $hs, $he, '…', 24) AS snip,
                   bm25(article_fts, 10.0, 3.0, 1.0) * (CASE WHEN a.status = 'stub' THEN 0.5 ELSE 1.0 END) AS score
            {from_} WHERE {filter}
            ORDER BY {order} LIMIT $limit OFFSET $offset
            """;
        query.Parameters.AddWithValue("$hs", Snippets.MatchStart.ToString());
        query.Parameters.AddWithValue("$he", Snippets.MatchEnd.ToString());
        query.Parameters.AddWithValue("$limit", request.Limit);
        query.Parameters.AddWithValue("$offset", request.Offset);
        var hits = new List<SearchHit>();
        using var r = query.ExecuteReader();
        while (r.Read())
            hits.Add(new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(5) == "stub",
                r.IsDBNull(6) ? "" : r.GetString(6).Replace('\n', ' '), -r.GetDouble(7)));
        return new SearchResults(total, hits);
    }

    /// <summary>Each term becomes an FTS5 string (quotes doubled), all joined with AND.</summary>
    internal static string ToFts5(IReadOnlyList<QueryTerm> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + t.Text.Replace("\"", "\"\"") + "\""));
}
