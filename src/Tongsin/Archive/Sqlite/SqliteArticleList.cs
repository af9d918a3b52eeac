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
        var where = new SqlFilter();
        where.Sources(query.SourceSlugs);
        where.Published(query.From, query.To);
        if (query.ExcludeId is { } id) where.Add("a.id <> $exclude", ("$exclude", id));

        long? total = null;
        if (query.CountAll)
        {
            using var count = where.Command(c, $"SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id {where.Where}");
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (total == 0 || query.Limit == 0 || query.Offset >= total) return new ArticleListing(total.Value, [], query.Offset);
        }

        // Uncounted, one row more than asked says whether there are more.
        using var list = where.Command(c, $"SELECT {ArchiveRows.ArticleColumns} {where.Where} ORDER BY a.published DESC, a.id DESC LIMIT $limit OFFSET $offset");
        list.Parameters.AddWithValue("$limit", query.Limit + (query.CountAll ? 0 : 1));
        list.Parameters.AddWithValue("$offset", query.Offset);
        using var r = list.ExecuteReader();
        var outlets = new OutletCache();
        var articles = new List<Model.ArticleRecord>();
        while (r.Read()) articles.Add(SqliteRows.Instance.Article(r, outlets));
        if (total is null)
        {
            total = query.Offset + articles.Count;
            if (articles.Count > query.Limit) articles.RemoveAt(articles.Count - 1);
        }
        return new ArticleListing(total.Value, articles, query.Offset);
    }
}
