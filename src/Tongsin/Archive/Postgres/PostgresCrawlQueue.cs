using Npgsql;
using NpgsqlTypes;
using Tongsin.Model;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// The crawl queue in PostgreSQL, shared by crawl workers on any number of machines. A claim locks
/// the rows it takes with FOR UPDATE SKIP LOCKED, so two workers claiming at once never wait for
/// each other nor take the same page; the claim is a lease, and a page whose lease ran out (its
/// worker died) is due again.
/// </summary>
internal sealed class PostgresCrawlQueue(Func<NpgsqlConnection> open) : ICrawlQueue
{
    public int Add(IEnumerable<FoundPage> pages, DateTimeOffset now)
    {
        // In address order, so two workers adding overlapping listings lock rows in the same order.
        var list = pages.DistinctBy(p => p.Url.ToString()).OrderBy(p => p.Url.ToString(), StringComparer.Ordinal).ToList();
        if (list.Count == 0) return 0;
        using var c = open();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO crawl_pages (url, crawl_source, site, listed_title, listed_date, first_seen_at, next_fetch_at)
            SELECT u, s, w, t, d, @now, @now FROM unnest(@urls, @sources, @sites, @titles, @dates) AS p(u, s, w, t, d)
            ORDER BY u
            ON CONFLICT (url) DO NOTHING
            """, c);
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("urls", list.Select(p => p.Url.ToString()).ToArray());
        cmd.Parameters.AddWithValue("sources", list.Select(p => p.CrawlSource).ToArray());
        cmd.Parameters.AddWithValue("sites", list.Select(p => p.Site).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("titles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = list.Select(p => (object?)p.ListedTitle ?? DBNull.Value).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = list.Select(p => p.ListedDate is { } d ? (object)d : DBNull.Value).ToArray() });
        return cmd.ExecuteNonQuery();
    }

    public IReadOnlyList<CrawlPage> Claim(string worker, DateTimeOffset now, TimeSpan lease, int limit, IReadOnlyCollection<string>? crawlSources = null)
    {
        using var c = open();
        var sources = crawlSources is { Count: > 0 } ? "AND crawl_source = ANY(@sources)" : "";
        using var cmd = new NpgsqlCommand($"""
            UPDATE crawl_pages SET claimed_by = @worker, claimed_until = @until
            WHERE id IN (
                SELECT id FROM crawl_pages
                WHERE next_fetch_at IS NOT NULL AND next_fetch_at <= @now
                  AND (claimed_until IS NULL OR claimed_until < @now) {sources}
                ORDER BY next_fetch_at, id LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING id, url, crawl_source, site, listed_title, listed_date, state, first_seen_at, attempts, etag, last_modified
            """, c);
        cmd.Parameters.AddWithValue("worker", worker);
        cmd.Parameters.AddWithValue("until", (now + lease).ToUniversalTime());
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        cmd.Parameters.AddWithValue("limit", limit);
        if (crawlSources is { Count: > 0 }) cmd.Parameters.AddWithValue("sources", crawlSources.ToArray());
        var claimed = new List<CrawlPage>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                claimed.Add(new CrawlPage(r.GetInt64(0), new Uri(r.GetString(1)), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), StoredDay.OrNull(r.GetValue(5)), ParseState(r.GetString(6)),
                    r.GetFieldValue<DateTimeOffset>(7), r.GetInt32(8),
                    new Validators(r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10))));
        }
        return claimed.OrderBy(p => p.Id).ToList();
    }

    public void Complete(IEnumerable<FetchRecord> records)
    {
        using var c = open();
        using var tx = c.BeginTransaction();
        foreach (var r in records)
        {
            using var cmd = new NpgsqlCommand("""
                UPDATE crawl_pages SET state = @state, last_fetched_at = @at, next_fetch_at = @next, attempts = @attempts,
                       etag = @etag, last_modified = @lm, last_error = @error, claimed_by = NULL, claimed_until = NULL
                WHERE id = @id
                """, c, tx);
            cmd.Parameters.AddWithValue("id", r.PageId);
            cmd.Parameters.AddWithValue("state", r.State.ToString().ToLowerInvariant());
            cmd.Parameters.AddWithValue("at", r.FetchedAt.ToUniversalTime());
            cmd.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.TimestampTz) { Value = r.NextFetchAt is { } n ? n.ToUniversalTime() : DBNull.Value });
            cmd.Parameters.AddWithValue("attempts", r.Attempts);
            cmd.Parameters.Add(new NpgsqlParameter("etag", NpgsqlDbType.Text) { Value = (object?)r.Validators.ETag ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("lm", NpgsqlDbType.Text) { Value = (object?)r.Validators.LastModified ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)r.Error ?? DBNull.Value });
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void Release(IEnumerable<long> pageIds, DateTimeOffset dueAt)
    {
        var ids = pageIds.ToArray();
        if (ids.Length == 0) return;
        using var c = open();
        using var cmd = new NpgsqlCommand("UPDATE crawl_pages SET claimed_by = NULL, claimed_until = NULL, next_fetch_at = @due WHERE id = ANY(@ids)", c);
        cmd.Parameters.AddWithValue("due", dueAt.ToUniversalTime());
        cmd.Parameters.AddWithValue("ids", ids);
        cmd.ExecuteNonQuery();
    }

    public DateTimeOffset? ListedAt(string crawlSource)
    {
        using var c = open();
        using var cmd = new NpgsqlCommand("SELECT listed_at FROM crawl_sources WHERE crawl_source = @s", c);
        cmd.Parameters.AddWithValue("s", crawlSource);
        using var r = cmd.ExecuteReader();
        return r.Read() ? r.GetFieldValue<DateTimeOffset>(0) : null;
    }

    public void MarkListed(string crawlSource, DateTimeOffset at)
    {
        using var c = open();
        using var cmd = new NpgsqlCommand("INSERT INTO crawl_sources (crawl_source, listed_at) VALUES (@s, @t) ON CONFLICT (crawl_source) DO UPDATE SET listed_at = excluded.listed_at", c);
        cmd.Parameters.AddWithValue("s", crawlSource);
        cmd.Parameters.AddWithValue("t", at.ToUniversalTime());
        cmd.ExecuteNonQuery();
    }

    private static CrawlPageState ParseState(string s) => Enum.Parse<CrawlPageState>(s, ignoreCase: true);
}
