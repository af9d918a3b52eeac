using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Listings newest first with offset paging. The count runs separately so a page can say how
/// many there are in all; both use the (published, id) and (source_id, published) indexes.
/// </summary>
internal sealed class SqliteArticleList(Func<SqliteConnection> open)
{
    public ArticleListing Run(ArticleQuery query)
    {
        query.Check();
        using var c = open();
        using var count = c.CreateCommand();
        using var list = c.CreateCommand();
        var where = new List<string>();
        foreach (var cmd in new[] { count, list })
        {
            var clauses = new List<string>();
            SqliteArchive.AddSourceFilter(cmd, clauses, query.SourceSlugs);
            if (query.From is { } from) { clauses.Add("a.published >= $from"); cmd.Parameters.AddWithValue("$from", Dates.ToIso(from)); }
            if (query.To is { } to) { clauses.Add("a.published <= $to"); cmd.Parameters.AddWithValue("$to", Dates.ToIso(to)); }
            if (query.ExcludeId is { } id) { clauses.Add("a.id <> $exclude"); cmd.Parameters.AddWithValue("$exclude", id); }
            if (cmd == count) where = clauses;
        }
        var filter = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";

        long? total = null;
        if (query.CountAll)
        {
            count.CommandText = $"SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id {filter}";
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (total == 0 || query.Limit == 0 || query.Offset >= total) return new ArticleListing(total.Value, [], query.Offset);
        }

        // Uncounted, one row more than asked says whether there are more.
        list.CommandText = $"SELECT {SqliteArchive.ArticleColumns} {filter} ORDER BY a.published DESC, a.id DESC LIMIT $limit OFFSET $offset";
        list.Parameters.AddWithValue("$limit", query.Limit + (query.CountAll ? 0 : 1));
        list.Parameters.AddWithValue("$offset", query.Offset);
        using var r = list.ExecuteReader();
        var outlets = new OutletCache();
        var articles = new List<Model.ArticleRecord>();
        while (r.Read()) articles.Add(SqliteArchive.ReadArticle(r, outlets));
        if (total is null)
        {
            total = query.Offset + articles.Count;
            if (articles.Count > query.Limit) articles.RemoveAt(articles.Count - 1);
        }
        return new ArticleListing(total.Value, articles, query.Offset);
    }
}
