using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Transfer;

/// <summary>What a copy found when it compared the two archives at its end.</summary>
public sealed record CopyReport(
    string Origin,
    long CopiedNow,
    long ResumedAfter,
    long Articles,
    long Stubs,
    long Versions,
    long Removed,
    long Events,
    long Sources,
    long CrawlPages,
    IReadOnlyList<string> Mismatches)
{
    public bool Verified => Mismatches.Count == 0;
}

/// <summary>
/// Copies an SQLite archive into a PostgreSQL one: every article and stub with its ids, every
/// version, title key, removal and restoration event and dateline, the sources, and the crawl's
/// queue. Articles go over in batches, each batch in one transaction together with the mark of how
/// far the copy has come, so a copy stopped at any moment (even killed) goes on after the last
/// batch it committed, and nothing is copied twice. At the end it compares the two archives: the
/// counts, and digests of every article's fields and of every version's text and hash.
/// The origin is read, never written; it should not be written to while it is copied, since
/// changes to articles already copied are not carried over.
/// </summary>
public sealed class SqliteToPostgres(TimeProvider clock, int batchSize = 1000)
{
    public CopyReport Run(string sqlitePath, string postgresUrl, Action<long, long>? progress = null, CancellationToken cancel = default)
    {
        // Opening it as an archive checks that it is one and brings its schema up to date.
        SqliteArchive.Open(sqlitePath, clock).Dispose();
        var origin = Path.GetFullPath(sqlitePath);
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = origin, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        from.Open();
        using var target = PostgresArchive.OpenOrCreate(postgresUrl, clock);
        using var to = target.OpenConnection();

        var through = Start(to, origin, target.Location);
        var resumedAfter = through;
        CopySources(from, to);
        var remaining = SqliteCount(from, $"SELECT count(*) FROM articles WHERE id > {through}");
        long copied = 0;
        progress?.Invoke(0, remaining);
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = ReadArticles(from, through);
            if (batch.Count == 0) break;
            CopyBatch(from, to, origin, batch);
            through = batch[^1].Id;
            copied += batch.Count;
            progress?.Invoke(copied, remaining);
        }
        var crawlPages = CopyCrawlQueue(from, to);
        CopyMerges(from, to);
        foreach (var table in new[] { "outlets", "sources", "articles", "crawl_pages" })
            Exec(to, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)");
        // The copy is most of the database: its statistics, so that searches and imports are planned for it from the start.
        if (copied > 0) Exec(to, "ANALYZE articles, article_keys, versions, article_search, article_events");

        var report = Verify(from, to, origin, copied, resumedAfter, crawlPages);
        if (report.Verified)
        {
            using var done = new NpgsqlCommand("UPDATE archive_copies SET finished_at = @now WHERE origin = @origin", to);
            done.Parameters.AddWithValue("now", clock.GetUtcNow());
            done.Parameters.AddWithValue("origin", origin);
            done.ExecuteNonQuery();
        }
        return report;
    }

    /// <summary>How far an earlier copy of this origin came; a target holding anything else is refused.</summary>
    private long Start(NpgsqlConnection to, string origin, string location)
    {
        using (var find = new NpgsqlCommand("SELECT copied_through FROM archive_copies WHERE origin = @origin", to))
        {
            find.Parameters.AddWithValue("origin", origin);
            if (find.ExecuteScalar() is long through) return through;
        }
        using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM archive_copies)", to))
            if (any.ExecuteScalar() is true)
                throw new ArchiveException($"{location} already holds an archive that was not copied from {origin}; copy into a new or empty database");
        using var start = new NpgsqlCommand("INSERT INTO archive_copies (origin, copied_through, started_at) VALUES (@origin, 0, @now)", to);
        start.Parameters.AddWithValue("origin", origin);
        start.Parameters.AddWithValue("now", clock.GetUtcNow());
        start.ExecuteNonQuery();
        return 0;
    }

    private static void CopySources(SqliteConnection from, NpgsqlConnection to)
    {
        using var tx = to.BeginTransaction();
        using (var r = SqliteReader(from, "SELECT id, slug, name, name_ko, site FROM outlets ORDER BY id"))
            while (r.Read())
                Insert(to, tx, "INSERT INTO outlets (id, slug, name, name_ko, site) VALUES (@a, @b, @c, @d, @e) ON CONFLICT DO NOTHING",
                    r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4));
        using (var r = SqliteReader(from, "SELECT id, outlet_id, language, slug, label FROM sources ORDER BY id"))
            while (r.Read())
                Insert(to, tx, "INSERT INTO sources (id, outlet_id, language, slug, label) VALUES (@a, @b, @c, @d, @e) ON CONFLICT DO NOTHING",
                    r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4));
        tx.Commit();
    }

    private sealed record Row(long Id, long SourceId, string Title, DateOnly Published, DateOnly? Captured, string? Url, string? Teaser, string Status,
        int? CurrentVersion, int VersionCount, DateOnly? RemovedOn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        string? DatelinePlace, DateOnly? DatelineDate, string? DatelineAgency, string? Body);

    private List<Row> ReadArticles(SqliteConnection from, long after)
    {
        using var r = SqliteReader(from, $"""
            SELECT a.id, a.source_id, a.title, a.published, a.captured, a.url, a.teaser, a.status, a.current_version, a.version_count,
                   a.removed_on, a.created_at, a.updated_at, a.dateline_place, a.dateline_date, a.dateline_agency, v.body
            FROM articles a LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
            WHERE a.id > {after} ORDER BY a.id LIMIT {batchSize}
            """);
        var rows = new List<Row>();
        while (r.Read())
            rows.Add(new Row(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Date(r, 3)!.Value, Date(r, 4), Text(r, 5), Text(r, 6), r.GetString(7),
                r.IsDBNull(8) ? null : r.GetInt32(8), r.GetInt32(9), Date(r, 10), Time(r.GetString(11)), Time(r.GetString(12)),
                Text(r, 13), Date(r, 14), Text(r, 15), Text(r, 16)));
        return rows;
    }

    private static void CopyBatch(SqliteConnection from, NpgsqlConnection to, string origin, List<Row> batch)
    {
        var (first, last) = (batch[0].Id, batch[^1].Id);
        using var tx = to.BeginTransaction();
        using (var copy = to.BeginBinaryImport("""
            COPY articles (id, source_id, title, published, captured, url, teaser, status, current_version, version_count, removed_on,
                           created_at, updated_at, dateline_place, dateline_date, dateline_agency) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var a in batch)
            {
                copy.StartRow();
                copy.Write(a.Id, NpgsqlDbType.Bigint);
                copy.Write(a.SourceId, NpgsqlDbType.Bigint);
                copy.Write(a.Title, NpgsqlDbType.Text);
                copy.Write(a.Published, NpgsqlDbType.Date);
                WriteNullable(copy, a.Captured, NpgsqlDbType.Date);
                WriteNullable(copy, a.Url, NpgsqlDbType.Text);
                WriteNullable(copy, a.Teaser, NpgsqlDbType.Text);
                copy.Write(a.Status, NpgsqlDbType.Text);
                WriteNullable(copy, a.CurrentVersion, NpgsqlDbType.Integer);
                copy.Write(a.VersionCount, NpgsqlDbType.Integer);
                WriteNullable(copy, a.RemovedOn, NpgsqlDbType.Date);
                copy.Write(a.CreatedAt, NpgsqlDbType.TimestampTz);
                copy.Write(a.UpdatedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, a.DatelinePlace, NpgsqlDbType.Text);
                WriteNullable(copy, a.DatelineDate, NpgsqlDbType.Date);
                WriteNullable(copy, a.DatelineAgency, NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        using (var copy = to.BeginBinaryImport("COPY versions (article_id, number, title, body, hash, captured, recorded_at) FROM STDIN (FORMAT BINARY)"))
        using (var r = SqliteReader(from, $"SELECT article_id, number, title, body, hash, captured, recorded_at FROM versions WHERE article_id BETWEEN {first} AND {last} ORDER BY article_id, number"))
        {
            while (r.Read())
            {
                copy.StartRow();
                copy.Write(r.GetInt64(0), NpgsqlDbType.Bigint);
                copy.Write(r.GetInt32(1), NpgsqlDbType.Integer);
                copy.Write(r.GetString(2), NpgsqlDbType.Text);
                copy.Write(r.GetString(3), NpgsqlDbType.Text);
                copy.Write(r.GetString(4), NpgsqlDbType.Text);
                WriteNullable(copy, Date(r, 5), NpgsqlDbType.Date);
                copy.Write(Time(r.GetString(6)), NpgsqlDbType.TimestampTz);
            }
            copy.Complete();
        }
        using (var copy = to.BeginBinaryImport("COPY article_keys (source_id, published, title_key, article_id) FROM STDIN (FORMAT BINARY)"))
        using (var r = SqliteReader(from, $"SELECT source_id, published, title_key, article_id FROM article_keys WHERE article_id BETWEEN {first} AND {last}"))
        {
            while (r.Read())
            {
                copy.StartRow();
                copy.Write(r.GetInt64(0), NpgsqlDbType.Bigint);
                copy.Write(Date(r, 1)!.Value, NpgsqlDbType.Date);
                copy.Write(r.GetString(2), NpgsqlDbType.Text);
                copy.Write(r.GetInt64(3), NpgsqlDbType.Bigint);
            }
            copy.Complete();
        }
        using (var copy = to.BeginBinaryImport("COPY article_events (article_id, kind, on_date, recorded_at) FROM STDIN (FORMAT BINARY)"))
        using (var r = SqliteReader(from, $"SELECT article_id, kind, on_date, recorded_at FROM article_events WHERE article_id BETWEEN {first} AND {last} ORDER BY rowid"))
        {
            while (r.Read())
            {
                copy.StartRow();
                copy.Write(r.GetInt64(0), NpgsqlDbType.Bigint);
                copy.Write(r.GetString(1), NpgsqlDbType.Text);
                copy.Write(Date(r, 2)!.Value, NpgsqlDbType.Date);
                copy.Write(Time(r.GetString(3)), NpgsqlDbType.TimestampTz);
            }
            copy.Complete();
        }
        using (var copy = to.BeginBinaryImport("COPY article_addresses (url, article_id, first_seen, last_seen, gone_on) FROM STDIN (FORMAT BINARY)"))
        using (var r = SqliteReader(from, $"SELECT url, article_id, first_seen, last_seen, gone_on FROM article_addresses WHERE article_id BETWEEN {first} AND {last}"))
        {
            while (r.Read())
            {
                copy.StartRow();
                copy.Write(r.GetString(0), NpgsqlDbType.Text);
                copy.Write(r.GetInt64(1), NpgsqlDbType.Bigint);
                copy.Write(Date(r, 2)!.Value, NpgsqlDbType.Date);
                copy.Write(Date(r, 3)!.Value, NpgsqlDbType.Date);
                WriteNullable(copy, Date(r, 4), NpgsqlDbType.Date);
            }
            copy.Complete();
        }
        // What search reads, derived as an import derives it: the current title and body, a stub's teaser.
        var terms = batch.Select(a => SearchTerms.Of(a.Title, a.Status == "stub" ? a.Teaser : null, a.Body)).ToList();
        using (var search = new NpgsqlCommand($"""
            INSERT INTO article_search (article_id, {PostgresSearchRow.RowColumns}, title, words, ko, kof, names)
            SELECT t.id, {PostgresSearchRow.ArticleColumns("a")}, {PostgresSearchRow.Title("t.title")}, {PostgresSearchRow.Words("t.title", "t.teaser", "t.body")},
                   t.ko::tsvector, t.kof::tsvector, t.names::tsvector
            FROM unnest(@ids, @titles, @teasers, @bodies, @ko, @kof, @names) AS t(id, title, teaser, body, ko, kof, names)
            JOIN articles a ON a.id = t.id
            ORDER BY t.id
            """, to, tx))
        {
            search.Parameters.AddWithValue("ids", batch.Select(a => a.Id).ToArray());
            search.Parameters.AddWithValue("titles", batch.Select(a => a.Title).ToArray());
            search.Parameters.AddWithValue("teasers", batch.Select(a => a.Status == "stub" ? a.Teaser ?? "" : "").ToArray());
            search.Parameters.AddWithValue("bodies", batch.Select(a => a.Body ?? "").ToArray());
            search.Parameters.AddWithValue("ko", terms.Select(t => TsText.Vector(t.Korean)).ToArray());
            search.Parameters.AddWithValue("kof", terms.Select(t => TsText.Vector(t.KoreanFolded)).ToArray());
            search.Parameters.AddWithValue("names", terms.Select(t => TsText.Vector(t.Names)).ToArray());
            search.ExecuteNonQuery();
        }
        Insert(to, tx, "UPDATE archive_copies SET copied_through = @a WHERE origin = @b", last, origin);
        tx.Commit();
    }

    private long CopyCrawlQueue(SqliteConnection from, NpgsqlConnection to)
    {
        using var tx = to.BeginTransaction();
        using (var r = SqliteReader(from, "SELECT crawl_source, listed_at FROM crawl_sources"))
            while (r.Read())
                Insert(to, tx, "INSERT INTO crawl_sources (crawl_source, listed_at) VALUES (@a, @b) ON CONFLICT DO NOTHING", r.GetString(0), Time(r.GetString(1)));
        long count = 0;
        using (var r = SqliteReader(from, """
            SELECT id, url, crawl_source, site, listed_title, listed_date, state, first_seen_at, last_fetched_at, next_fetch_at,
                   attempts, etag, last_modified, last_error
            FROM crawl_pages ORDER BY id
            """))
        {
            // Claims are not copied: they belonged to workers of the old archive.
            while (r.Read())
            {
                using var cmd = new NpgsqlCommand("""
                    INSERT INTO crawl_pages (id, url, crawl_source, site, listed_title, listed_date, state, first_seen_at, last_fetched_at,
                                             next_fetch_at, attempts, etag, last_modified, last_error)
                    VALUES (@id, @url, @source, @site, @title, @date, @state, @first, @last, @next, @attempts, @etag, @lm, @error)
                    ON CONFLICT DO NOTHING
                    """, to, tx);
                cmd.Parameters.AddWithValue("id", r.GetInt64(0));
                cmd.Parameters.AddWithValue("url", r.GetString(1));
                cmd.Parameters.AddWithValue("source", r.GetString(2));
                cmd.Parameters.AddWithValue("site", r.GetString(3));
                cmd.Parameters.Add(Typed("title", Text(r, 4), NpgsqlDbType.Text));
                cmd.Parameters.Add(Typed("date", Date(r, 5), NpgsqlDbType.Date));
                cmd.Parameters.AddWithValue("state", r.GetString(6));
                cmd.Parameters.AddWithValue("first", Time(r.GetString(7)));
                cmd.Parameters.Add(Typed("last", r.IsDBNull(8) ? null : Time(r.GetString(8)), NpgsqlDbType.TimestampTz));
                cmd.Parameters.Add(Typed("next", r.IsDBNull(9) ? null : Time(r.GetString(9)), NpgsqlDbType.TimestampTz));
                cmd.Parameters.AddWithValue("attempts", r.GetInt32(10));
                cmd.Parameters.Add(Typed("etag", Text(r, 11), NpgsqlDbType.Text));
                cmd.Parameters.Add(Typed("lm", Text(r, 12), NpgsqlDbType.Text));
                cmd.Parameters.Add(Typed("error", Text(r, 13), NpgsqlDbType.Text));
                count += cmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return count;
    }

    // The ids merged away and the articles they lead to: a few rows, copied whole (again, when a copy is resumed).
    private static void CopyMerges(SqliteConnection from, NpgsqlConnection to)
    {
        using var r = SqliteReader(from, "SELECT merged_id, article_id, merged_at FROM article_merges");
        while (r.Read())
        {
            using var insert = new NpgsqlCommand("INSERT INTO article_merges (merged_id, article_id, merged_at) VALUES (@m, @a, @t) ON CONFLICT DO NOTHING", to);
            insert.Parameters.AddWithValue("m", r.GetInt64(0));
            insert.Parameters.AddWithValue("a", r.GetInt64(1));
            insert.Parameters.AddWithValue("t", Time(r.GetString(2)));
            insert.ExecuteNonQuery();
        }
    }

    private static CopyReport Verify(SqliteConnection from, NpgsqlConnection to, string origin, long copied, long resumedAfter, long crawlPages)
    {
        var mismatches = new List<string>();
        (string Name, string Sql)[] counts =
        [
            ("articles", "SELECT count(*) FROM articles WHERE status = 'complete'"),
            ("stubs", "SELECT count(*) FROM articles WHERE status = 'stub'"),
            ("versions", "SELECT count(*) FROM versions"),
            ("removed", "SELECT count(*) FROM articles WHERE removed_on IS NOT NULL"),
            ("events", "SELECT count(*) FROM article_events"),
            ("sources", "SELECT count(*) FROM sources"),
            ("title keys", "SELECT count(*) FROM article_keys"),
            ("addresses", "SELECT count(*) FROM article_addresses"),
            ("merged ids", "SELECT count(*) FROM article_merges"),
            ("crawl pages", "SELECT count(*) FROM crawl_pages"),
        ];
        var found = new Dictionary<string, long>();
        foreach (var (name, sql) in counts)
        {
            var mine = SqliteCount(from, sql);
            using var cmd = new NpgsqlCommand(sql, to);
            var theirs = Convert.ToInt64(cmd.ExecuteScalar());
            found[name] = theirs;
            if (mine != theirs) mismatches.Add($"{name}: {mine} in {origin}, {theirs} in the copy");
        }

        // Every article's fields, and every version's text through its hash, in id order on both sides.
        const string articles = """
            SELECT a.id, s.slug, a.title, a.published, a.captured, a.url, a.status, a.teaser, a.removed_on, a.current_version, a.version_count,
                   a.dateline_place, a.dateline_date, a.dateline_agency
            FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.id
            """;
        const string versions = "SELECT article_id, number, title, body, hash, captured FROM versions ORDER BY article_id, number";
        if (Digest(SqliteRows(from, articles)) != Digest(PostgresRows(to, articles)))
            mismatches.Add("the articles' fields differ between the origin and the copy");
        if (Digest(VersionLines(SqliteRows(from, versions))) != Digest(VersionLines(PostgresRows(to, versions))))
            mismatches.Add("the versions' texts or hashes differ between the origin and the copy");

        return new CopyReport(origin, copied, resumedAfter, found["articles"], found["stubs"], found["versions"], found["removed"], found["events"],
            found["sources"], crawlPages, mismatches);
    }

    // A version's line holds its stored hash and the hash of its text as read back, so a changed text shows even where the stored hash was copied.
    private static IEnumerable<string> VersionLines(IEnumerable<string?[]> rows) =>
        rows.Select(v => $"{v[0]}|{v[1]}|{v[4]}|{ContentHash.Of(v[2]!, ArchiveRows.SplitBody(v[3]!))}|{v[5]}");

    private static string Digest(IEnumerable<string?[]> rows) => Digest(rows.Select(r => string.Join('\u001F', r.Select(v => v ?? "\u0000"))));

    private static string Digest(IEnumerable<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // Values as text the same way from both databases: dates as YYYY-MM-DD, numbers in invariant form.
    private static IEnumerable<string?[]> SqliteRows(SqliteConnection c, string sql)
    {
        using var r = SqliteReader(c, sql);
        while (r.Read())
        {
            var row = new string?[r.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
            yield return row;
        }
    }

    private static IEnumerable<string?[]> PostgresRows(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = new string?[r.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = r.IsDBNull(i) ? null
                    : r.GetDataTypeName(i) == "date" ? Dates.ToIso(r.GetFieldValue<DateOnly>(i))
                    : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
            yield return row;
        }
    }

    private static SqliteDataReader SqliteReader(SqliteConnection c, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteReader(System.Data.CommandBehavior.Default);
    }

    private static long SqliteCount(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Insert(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params object?[] values)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        for (var i = 0; i < values.Length; i++)
        {
            var name = ((char)('a' + i)).ToString();
            cmd.Parameters.Add(values[i] is null ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value } : new NpgsqlParameter(name, values[i]));
        }
        cmd.ExecuteNonQuery();
    }

    private static void Exec(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    private static NpgsqlParameter Typed(string name, object? value, NpgsqlDbType type) => new(name, type) { Value = value ?? DBNull.Value };

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, type);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) copy.Write(v, type);
        else copy.WriteNull();
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
