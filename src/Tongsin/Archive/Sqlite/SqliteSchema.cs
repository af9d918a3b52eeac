using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The archive's schema as numbered migrations, applied in order, each in its own transaction.
/// A migration once released is never edited; a change of schema is a new migration.
/// </summary>
internal static class SqliteSchema
{
    // Days are ISO text (2026-02-03), moments ISO text in UTC, flags 0 and 1.
    private static readonly ColumnTypes Types = new("TEXT", "INTEGER", "INTEGER", "TEXT", "TEXT", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT", " WITHOUT ROWID");

    private static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "articles, versions, stubs and full-text index", $"""
            CREATE TABLE outlets (
                id       INTEGER PRIMARY KEY,
                slug     TEXT NOT NULL UNIQUE,
                name     TEXT NOT NULL,
                name_ko  TEXT,
                site     TEXT
            );
            CREATE TABLE sources (
                id        INTEGER PRIMARY KEY,
                outlet_id INTEGER NOT NULL REFERENCES outlets(id),
                language  TEXT NOT NULL,
                slug      TEXT NOT NULL UNIQUE,
                label     TEXT NOT NULL,
                UNIQUE (outlet_id, language)
            );
            -- One row an article or stub. Its text lives in versions; current_version names the one shown.
            CREATE TABLE articles (
                id              INTEGER PRIMARY KEY,
                source_id       INTEGER NOT NULL REFERENCES sources(id),
                title           TEXT NOT NULL,
                published       TEXT NOT NULL,
                captured        TEXT,
                url             TEXT,
                teaser          TEXT,
                status          TEXT NOT NULL CHECK (status IN ('stub', 'complete')),
                current_version INTEGER,
                version_count   INTEGER NOT NULL DEFAULT 0,
                removed_on      TEXT,
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            {SchemaSql.KeysAndVersions(Types)}
            -- What the full-text index holds for each article: the current title and body, and the
            -- teaser of stubs (a complete article's teaser only repeats its first sentence).
            CREATE VIEW article_text AS
                SELECT a.id AS id, a.title AS title,
                       CASE WHEN a.status = 'stub' THEN a.teaser END AS teaser,
                       v.body AS body
                FROM articles a
                LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version;
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, teaser, body,
                content = 'article_text', content_rowid = 'id',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            """),
        (2, "crawl queue, removal and restoration events", """
            -- Article pages a crawl has found, with what it knows of fetching them. A claim is a lease:
            -- a worker that dies leaves its pages to be claimed again when the lease runs out.
            CREATE TABLE crawl_pages (
                id              INTEGER PRIMARY KEY,
                url             TEXT NOT NULL UNIQUE,
                crawl_source     TEXT NOT NULL,
                site            TEXT NOT NULL,
                listed_title    TEXT,
                listed_date     TEXT,
                state           TEXT NOT NULL DEFAULT 'pending'
                                CHECK (state IN ('pending', 'fetched', 'gone', 'failed', 'forbidden')),
                first_seen_at   TEXT NOT NULL,
                last_fetched_at TEXT,
                next_fetch_at   TEXT,
                attempts        INTEGER NOT NULL DEFAULT 0,
                etag            TEXT,
                last_modified   TEXT,
                last_error      TEXT,
                claimed_by      TEXT,
                claimed_until   TEXT
            );
            CREATE INDEX crawl_pages_due ON crawl_pages (next_fetch_at) WHERE next_fetch_at IS NOT NULL;
            -- When each source's listings were last read, so a pass knows which are due.
            CREATE TABLE crawl_sources (
                crawl_source TEXT PRIMARY KEY,
                listed_at   TEXT NOT NULL
            );
            CREATE TABLE article_events (
                article_id  INTEGER NOT NULL REFERENCES articles(id),
                kind        TEXT NOT NULL CHECK (kind IN ('removed', 'restored')),
                on_date     TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX article_events_article ON article_events (article_id);
            """),
        (3, "Korean bigrams and romanised name keys in the full-text index", """
            -- tongsin_terms() is registered on every connection the archive opens (SqliteSearchTerms):
            -- the Korean bigrams, folded bigrams and name keys are computed from the text, never stored.
            DROP TABLE article_fts;
            DROP VIEW article_text;
            CREATE VIEW article_text AS
                SELECT a.id AS id, a.title AS title,
                       CASE WHEN a.status = 'stub' THEN a.teaser END AS teaser,
                       v.body AS body,
                       tongsin_terms(a.title, CASE WHEN a.status = 'stub' THEN a.teaser END, v.body, 0) AS ko,
                       tongsin_terms(a.title, CASE WHEN a.status = 'stub' THEN a.teaser END, v.body, 1) AS kof,
                       tongsin_terms(a.title, CASE WHEN a.status = 'stub' THEN a.teaser END, v.body, 2) AS names
                FROM articles a
                LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version;
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, teaser, body, ko, kof, names,
                content = 'article_text', content_rowid = 'id',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            INSERT INTO article_fts (article_fts) VALUES ('rebuild');
            """),
        (4, "datelines", """
            -- "Pyongyang, June 30 (KCNA) --": where, when and by whom an item was filed, apart from its body.
            ALTER TABLE articles ADD COLUMN dateline_place TEXT;
            ALTER TABLE articles ADD COLUMN dateline_date TEXT;
            ALTER TABLE articles ADD COLUMN dateline_agency TEXT;
            """),
        (5, "source and date tokens in the full-text index", $"""
            -- The meta column holds each article's source and publication day, year and month as
            -- tokens (s3 y2024 m202403 d20240305), so filters narrow the match inside the index
            -- instead of joining every match to its article row.
            DROP TABLE article_fts;
            DROP VIEW article_text;
            CREATE VIEW article_text AS
                SELECT a.id AS id, a.title AS title,
                       CASE WHEN a.status = 'stub' THEN a.teaser END AS teaser,
                       v.body AS body,
                       tongsin_terms(a.title, CASE WHEN a.status = 'stub' THEN a.teaser END, v.body, 0) AS ko,
                       tongsin_terms(a.title, CASE WHEN a.status = 'stub' THEN a.teaser END, v.body, 1) AS kof,
                       tongsin_terms(a.title, CASE WHEN a.status = 'stub' THEN a.teaser END, v.body, 2) AS names,
                       {IndexMeta.Sql("a")} AS meta
                FROM articles a
                LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version;
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, teaser, body, ko, kof, names, meta,
                content = 'article_text', content_rowid = 'id',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            INSERT INTO article_fts (article_fts) VALUES ('rebuild');
            """),
        (6, "the log of changes to articles, and the analysers' watermarks",
            SchemaSql.ChangeLog(Types)),
        (7, "every address of an article; articles found by their text; merged articles",
            AddressSql.Migration(Types, moment => $"substr({moment}, 1, 10)")),
    ];

    public static int Latest => Migrations[^1].Version;

    public static int Apply(SqliteConnection connection, TimeProvider clock, int? upTo = null)
    {
        Exec(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = CurrentVersion(connection);
        if (current > Latest)
            throw new ArchiveException($"the archive was written by a newer Tongsin (schema {current}; this one knows up to {Latest})");
        foreach (var (version, name, sql) in Migrations)
        {
            if (version <= current || version > (upTo ?? Latest)) continue;
            using var tx = connection.BeginTransaction();
            Exec(connection, sql, tx);
            if (version == AddressesVersion) MergeSameTexts(connection, tx, clock);
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$t", clock.GetUtcNow().ToString("O"));
            record.ExecuteNonQuery();
            tx.Commit();
            current = version;
        }
        return current;
    }

    // The migration that gave an article all its addresses: the articles that were one text under
    // several addresses are merged with it.
    private const int AddressesVersion = 7;

    private static void MergeSameTexts(SqliteConnection connection, SqliteTransaction tx, TimeProvider clock)
    {
        const string columns = "title, teaser, body, ko, kof, names, meta";
        // An external-content index forgets a row only when told what it indexed: the view's values before the merge.
        void Index(IReadOnlyList<long> ids, string command) =>
            Exec(connection, $"INSERT INTO article_fts ({(command.Length > 0 ? "article_fts, " : "")}rowid, {columns}) SELECT {command}id, {columns} FROM article_text WHERE id IN ({string.Join(',', ids)})", tx);
        ArticleMerge.Run(connection, tx, clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            new ArticleMerge.Index(ids => Index(ids, "'delete', "), ids => Index(ids, "")));
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    private static void Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
