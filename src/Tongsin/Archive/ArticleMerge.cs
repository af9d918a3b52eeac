using System.Data.Common;
using Dapper;

namespace Tongsin.Archive;

/// <summary>
/// Merges the articles of one source that have had the same text: an archive written before an
/// article kept all its addresses holds one article an address (kcna.kp files one item under
/// every section it appears in). The oldest article of each group stays; the others' versions it
/// lacks become versions of it, their capture dates, addresses, title keys, removals and events
/// join it, and their ids are kept in article_merges, pointing at it. Runs inside the migration's
/// transaction, on either backend; the backend forgets the articles in its search index before
/// and indexes the ones that stay after.
/// </summary>
internal static class ArticleMerge
{
    /// <summary>What a backend does beside the shared rows: its search index.</summary>
    public sealed record Index(Action<IReadOnlyList<long>> Forget, Action<IReadOnlyList<long>> Write);

    // Days and moments as the backend keeps them (see StoredDay, StoredMoment).
    private sealed record Version
    {
        public int Number { get; init; }
        public string Hash { get; init; } = "";
        public object? Captured { get; init; }
        public object RecordedAt { get; init; } = "";
    }

    /// <summary>Merges every group; returns how many articles were merged into another.</summary>
    public static int Run(DbConnection c, DbTransaction tx, object now, Index index)
    {
        var groups = Groups(c, tx);
        if (groups.Count == 0) return 0;
        var all = groups.SelectMany(g => g).ToList();
        index.Forget(all);
        // Each merge moves an article's title keys, and the table's key does not lead with the
        // article: without an index by article for the while, every merge reads all the keys twice
        // (a grown archive of a million articles, 3,079 merges: unfinished after 42 minutes and 390 GB
        // read; 4 minutes with it, docs/benchmarks.md). Dropped after: nothing else looks keys up by article.
        c.Execute("CREATE INDEX article_keys_merging ON article_keys (article_id)", transaction: tx);
        var merged = 0;
        foreach (var group in groups)
        {
            var survivor = group[0];
            foreach (var member in group.Skip(1)) { Merge(c, tx, survivor, member, now); merged++; }
        }
        c.Execute("DROP INDEX article_keys_merging", transaction: tx);
        index.Write(groups.Select(g => g[0]).ToList());
        return merged;
    }

    // Complete articles of one source sharing a version's text, joined through any text they share; each group oldest first.
    private static List<List<long>> Groups(DbConnection c, DbTransaction tx)
    {
        var rows = c.Query<(long Source, string Hash, long Article)>("""
            SELECT a.source_id, v.hash, v.article_id FROM versions v JOIN articles a ON a.id = v.article_id
            WHERE a.status = 'complete'
              AND v.hash IN (SELECT hash FROM versions GROUP BY hash HAVING count(DISTINCT article_id) > 1)
            ORDER BY v.article_id
            """, transaction: tx);
        var parent = new Dictionary<long, long>();
        long Root(long x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var first = new Dictionary<(long, string), long>();
        foreach (var (source, hash, article) in rows)
        {
            parent.TryAdd(article, article);
            if (!first.TryAdd((source, hash), article))
            {
                var (a, b) = (Root(first[(source, hash)]), Root(article));
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        return parent.Keys.GroupBy(Root).Where(g => g.Count() > 1).Select(g => g.Order().ToList()).OrderBy(g => g[0]).ToList();
    }

    private static void Merge(DbConnection c, DbTransaction tx, long into, long from, object now)
    {
        var p = new { into, from, now };
        var kept = Versions(c, tx, into);
        var theirs = Versions(c, tx, from);
        var current = c.QuerySingle<int>("SELECT current_version FROM articles WHERE id = @into", p, tx);
        var theirCurrent = c.QuerySingle<int>("SELECT current_version FROM articles WHERE id = @from", p, tx);
        int? theirCurrentHere = null;
        foreach (var v in theirs)
        {
            var same = kept.FirstOrDefault(k => k.Hash == v.Hash);
            int number;
            if (same is not null)
            {
                number = same.Number;
                // The same text captured earlier there: the earlier capture is kept.
                if (Earlier(v.Captured, same.Captured))
                    c.Execute("UPDATE versions SET captured = (SELECT captured FROM versions WHERE article_id = @from AND number = @theirs) WHERE article_id = @into AND number = @number",
                        new { into, from, theirs = v.Number, number }, tx);
            }
            else
            {
                number = kept.Count + 1;
                c.Execute("""
                    INSERT INTO versions (article_id, number, title, body, hash, captured, recorded_at)
                    SELECT @into, @number, title, body, hash, captured, recorded_at FROM versions WHERE article_id = @from AND number = @theirs
                    """, new { into, from, theirs = v.Number, number }, tx);
                kept.Add(v with { Number = number });
            }
            if (v.Number == theirCurrent) theirCurrentHere = number;
        }
        // The current text is the one captured last (an undated capture counts as the latest), as
        // storing the two articles' captures in one article would have made it.
        var mine = kept.First(k => k.Number == current);
        var candidate = kept.First(k => k.Number == theirCurrentHere);
        if (Later(candidate, mine)) current = candidate.Number;

        c.Execute("""
            UPDATE articles SET
                current_version = @current, version_count = @count,
                title = (SELECT title FROM versions WHERE article_id = @into AND number = @current),
                captured = CASE WHEN captured IS NULL THEN (SELECT captured FROM articles WHERE id = @from)
                                WHEN (SELECT captured FROM articles WHERE id = @from) < captured THEN (SELECT captured FROM articles WHERE id = @from)
                                ELSE captured END,
                teaser = coalesce(teaser, (SELECT teaser FROM articles WHERE id = @from)),
                url = coalesce(url, (SELECT url FROM articles WHERE id = @from)),
                removed_on = CASE WHEN removed_on IS NULL OR (SELECT removed_on FROM articles WHERE id = @from) IS NULL THEN NULL
                                  WHEN (SELECT removed_on FROM articles WHERE id = @from) > removed_on THEN (SELECT removed_on FROM articles WHERE id = @from)
                                  ELSE removed_on END,
                dateline_place = coalesce(dateline_place, (SELECT dateline_place FROM articles WHERE id = @from)),
                dateline_date = coalesce(dateline_date, (SELECT dateline_date FROM articles WHERE id = @from)),
                dateline_agency = coalesce(dateline_agency, (SELECT dateline_agency FROM articles WHERE id = @from)),
                updated_at = @now
            WHERE id = @into
            """, new { into, from, now, current, count = kept.Count }, tx);
        c.Execute($"""
            INSERT INTO article_addresses (url, article_id, first_seen, last_seen, gone_on)
            SELECT url, @into, first_seen, last_seen, gone_on FROM article_addresses WHERE article_id = @from
            {AddressSql.Upsert};
            DELETE FROM article_addresses WHERE article_id = @from;
            INSERT INTO article_keys (source_id, published, title_key, article_id)
            SELECT source_id, published, title_key, @into FROM article_keys WHERE article_id = @from
            ON CONFLICT DO NOTHING;
            DELETE FROM article_keys WHERE article_id = @from;
            UPDATE article_events SET article_id = @into WHERE article_id = @from;
            DELETE FROM versions WHERE article_id = @from;
            DELETE FROM articles WHERE id = @from;
            UPDATE article_merges SET article_id = @into WHERE article_id = @from;
            INSERT INTO article_merges (merged_id, article_id, merged_at) VALUES (@from, @into, @now);
            INSERT INTO article_changes (article_id, version, kind, became_current, recorded_at) VALUES (@from, 0, 'merged', {False}, @now);
            INSERT INTO article_changes (article_id, version, kind, became_current, recorded_at) VALUES (@into, @current, 'merged', {True}, @now);
            """, new { into, from, now, current }, tx);
    }

    // Both backends read these as booleans: SQLite keeps them as 0 and 1.
    private const string True = "1 = 1", False = "1 = 0";

    private static List<Version> Versions(DbConnection c, DbTransaction tx, long id) =>
        c.Query<Version>("SELECT number, hash, captured, recorded_at AS RecordedAt FROM versions WHERE article_id = @id ORDER BY number", new { id }, tx).ToList();

    private static bool Earlier(object? a, object? b) => StoredDay.OrNull(a) is { } x && (StoredDay.OrNull(b) is not { } y || x < y);

    private static bool Later(Version a, Version b)
    {
        var (x, y) = (StoredDay.OrNull(a.Captured) ?? DateOnly.MaxValue, StoredDay.OrNull(b.Captured) ?? DateOnly.MaxValue);
        return x != y ? x > y : StoredMoment.Of(a.RecordedAt) > StoredMoment.Of(b.RecordedAt);
    }
}
