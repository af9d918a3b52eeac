using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The crawl queue in SQLite. Each call is one immediate transaction, so claims are exclusive even
/// between processes sharing the file.
/// </summary>
internal sealed class SqliteCrawlQueue(Func<SqliteConnection> open) : ICrawlQueue
{
    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public int Add(IEnumerable<FoundPage> pages, DateTimeOffset now)
    {
        using var c = open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO crawl_pages (url, crawl_source, site, listed_title, listed_date, first_seen_at, next_fetch_at)
            VALUES ($url, $source, $site, $title, $date, $now, $now)
            ON CONFLICT (url) DO NOTHING
            """;
        var url = cmd.Parameters.Add("$url", SqliteType.Text);
        var source = cmd.Parameters.Add("$source", SqliteType.Text);
        var site = cmd.Parameters.Add("$site", SqliteType.Text);
        var title = cmd.Parameters.Add("$title", SqliteType.Text);
        var date = cmd.Parameters.Add("$date", SqliteType.Text);
        cmd.Parameters.AddWithValue("$now", Time(now));
        var added = 0;
        foreach (var p in pages)
        {
            url.Value = p.Url.ToString();
            source.Value = p.CrawlSource;
            site.Value = p.Site;
            title.Value = (object?)p.ListedTitle ?? DBNull.Value;
            date.Value = (object?)Dates.ToIso(p.ListedDate) ?? DBNull.Value;
            added += cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return added;
    }

    public IReadOnlyList<CrawlPage> Claim(string worker, DateTimeOffset now, TimeSpan lease, int limit, IReadOnlyCollection<string>? crawlSources = null)
    {
        using var c = open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var sources = "";
        if (crawlSources is { Count: > 0 })
        {
            var names = crawlSources.Select((s, i) => { cmd.Parameters.AddWithValue("$s" + i, s); return "$s" + i; });
            sources = $"AND crawl_source IN ({string.Join(", ", names)})";
        }
        cmd.CommandText = $"""
            UPDATE crawl_pages SET claimed_by = $worker, claimed_until = $until
            WHERE id IN (
                SELECT id FROM crawl_pages
                WHERE next_fetch_at IS NOT NULL AND next_fetch_at <= $now
                  AND (claimed_until IS NULL OR claimed_until < $now) {sources}
                ORDER BY next_fetch_at, id LIMIT $limit)
            RETURNING id, url, crawl_source, site, listed_title, listed_date, state, first_seen_at, attempts, etag, last_modified
            """;
        cmd.Parameters.AddWithValue("$worker", worker);
        cmd.Parameters.AddWithValue("$until", Time(now + lease));
        cmd.Parameters.AddWithValue("$now", Time(now));
        cmd.Parameters.AddWithValue("$limit", limit);
        var claimed = new List<CrawlPage>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                claimed.Add(new CrawlPage(r.GetInt64(0), new Uri(r.GetString(1)), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), StoredDay.OrNull(r.GetValue(5)), ParseState(r.GetString(6)),
                    ParseTime(r.GetString(7)), r.GetInt32(8),
                    new Validators(r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10))));
        }
        tx.Commit();
        return claimed.OrderBy(p => p.Id).ToList();
    }

    public void Complete(IEnumerable<FetchRecord> records)
    {
        using var c = open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            UPDATE crawl_pages SET state = $state, last_fetched_at = $at, next_fetch_at = $next, attempts = $attempts,
                   etag = $etag, last_modified = $lm, last_error = $error, claimed_by = NULL, claimed_until = NULL
            WHERE id = $id
            """;
        foreach (var r in records)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", r.PageId);
            cmd.Parameters.AddWithValue("$state", r.State.ToString().ToLowerInvariant());
            cmd.Parameters.AddWithValue("$at", Time(r.FetchedAt));
            cmd.Parameters.AddWithValue("$next", r.NextFetchAt is { } n ? Time(n) : DBNull.Value);
            cmd.Parameters.AddWithValue("$attempts", r.Attempts);
            cmd.Parameters.AddWithValue("$etag", (object?)r.Validators.ETag ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$lm", (object?)r.Validators.LastModified ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$error", (object?)r.Error ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void Release(IEnumerable<long> pageIds, DateTimeOffset dueAt)
    {
        using var c = open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE crawl_pages SET claimed_by = NULL, claimed_until = NULL, next_fetch_at = $due WHERE id = $id";
        var id = cmd.Parameters.Add("$id", SqliteType.Integer);
        cmd.Parameters.AddWithValue("$due", Time(dueAt));
        foreach (var pageId in pageIds)
        {
            id.Value = pageId;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public DateTimeOffset? ListedAt(string crawlSource)
    {
        using var c = open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT listed_at FROM crawl_sources WHERE crawl_source = $s";
        cmd.Parameters.AddWithValue("$s", crawlSource);
        return cmd.ExecuteScalar() is string s ? ParseTime(s) : null;
    }

    public void MarkListed(string crawlSource, DateTimeOffset at)
    {
        using var c = open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO crawl_sources (crawl_source, listed_at) VALUES ($s, $t) ON CONFLICT (crawl_source) DO UPDATE SET listed_at = excluded.listed_at";
        cmd.Parameters.AddWithValue("$s", crawlSource);
        cmd.Parameters.AddWithValue("$t", Time(at));
        cmd.ExecuteNonQuery();
    }

    private static CrawlPageState ParseState(string s) => Enum.Parse<CrawlPageState>(s, ignoreCase: true);
}
