using Npgsql;
using NpgsqlTypes;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// Writes pages into the archive inside one long transaction, each page in a savepoint of its own:
/// a page that fails is rolled back alone, and Commit makes everything before it durable.
/// Writers take turns: a session's transaction holds an advisory lock from its first page to its
/// commit, as an SQLite write transaction holds the file. Two processes importing at once would
/// otherwise both find an article missing and both insert it; with the lock each sees the other's
/// committed pages, as it would on SQLite.
/// The search row of an article is written with the article, in the same savepoint.
///
/// Each statement is a round trip to the server, and the round trips were most of an import's
/// time. So a new article is written in two: the savepoint goes with the page's first statement
/// (the lookup of the article by its address and by its title key, in one), and its row, title
/// key, first version, dateline and search row go in one statement. A page's savepoint is released
/// with the next page's first statement, or by the commit.
/// </summary>
internal sealed class PostgresImportSession(NpgsqlConnection connection, TimeProvider clock) : IImportSession
{
    private readonly NpgsqlConnection _c = connection;
    private NpgsqlTransaction? _tx;
    private readonly Dictionary<string, long> _sourceIds = new(StringComparer.Ordinal);
    private DateTimeOffset _now;
    // Savepoint statements waiting to go with the next statement: the last page's release, this page's savepoint.
    private bool _releaseDue, _savepointDue, _savepointSent;

    public StoreOutcome Store(PageCapture page) => Store(PreparedPage.From(page));

    public StoreOutcome Store(PreparedPage page) => Atomically(() =>
    {
        var outcome = RecordArticle(page.Article, knownId: null, out _);
        foreach (var card in page.Cards) outcome += RecordCard(card, page.Article.Capture.Captured);
        return outcome;
    });

    public StoreOutcome Store(ArticleHistory record) => Atomically(() =>
    {
        var a = record.Article;
        StoreOutcome outcome;
        long id;
        if (a.Status == ArticleStatus.Stub)
        {
            var card = PreparedCard.From(new CardCapture(a.Source, a.Title, a.Published, a.Teaser));
            outcome = RecordCard(card, a.Captured);
            id = FindByKey(SourceId(a.Source), a.Published, card.TitleKey, a.Url)!.Value.Id;
        }
        else
        {
            outcome = default;
            long? known = null;
            var sawNew = false;
            foreach (var v in record.Versions)
            {
                var capture = new ArticleCapture(a.Source, v.Title, a.Published, v.Captured ?? a.Captured, a.Url, v.Paragraphs, a.Teaser, a.Dateline);
                var step = RecordArticle(PreparedArticle.From(capture), known, out id);
                known = id;
                sawNew |= step.New > 0;
                outcome += step;
            }
            id = known!.Value;
            // Versions of one exported article are one item: new, updated, or unchanged as a whole.
            outcome = sawNew ? outcome with { New = 1, Updated = 0, Unchanged = 0 }
                : outcome.Updated > 0 ? outcome with { Updated = 1, Unchanged = 0 }
                : outcome with { Unchanged = 1 };
            if (a.Teaser is not null)
                Run("UPDATE articles SET teaser = @teaser WHERE id = @id AND teaser IS NULL", ("teaser", a.Teaser), ("id", id));
        }
        if (a.RemovedOn is { } removed)
            Run("UPDATE articles SET removed_on = @d WHERE id = @id AND removed_on IS NULL", ("d", removed), ("id", id));
        return outcome;
    });

    public void Commit()
    {
        _tx?.Commit();
        _tx?.Dispose();
        _tx = null;
        _releaseDue = _savepointDue = _savepointSent = false;
    }

    private StoreOutcome Atomically(Func<StoreOutcome> store)
    {
        if (_tx is null)
        {
            _tx = _c.BeginTransaction();
            Run($"SELECT pg_advisory_xact_lock({PostgresSchema.WriterLock})");
        }
        // Times are kept to the second, as the SQLite archive keeps them.
        var now = clock.GetUtcNow();
        _now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        (_savepointDue, _savepointSent) = (true, false);
        try
        {
            var outcome = store();
            // Released with the next page's first statement, or by the commit.
            _releaseDue |= _savepointSent;
            _savepointDue = false;
            return outcome;
        }
        catch
        {
            _savepointDue = false;
            if (_savepointSent)
            {
                using var undo = new NpgsqlCommand("ROLLBACK TO SAVEPOINT page; RELEASE SAVEPOINT page", _c, _tx);
                undo.ExecuteNonQuery();
            }
            // A source created inside the rolled-back page is gone again.
            _sourceIds.Clear();
            throw;
        }
    }

    /// <summary>The savepoint statements due before the next statement, marked as sent.</summary>
    private string Due()
    {
        if (!_releaseDue && !_savepointDue) return "";
        var due = (_releaseDue ? "RELEASE SAVEPOINT page; " : "") + (_savepointDue ? "SAVEPOINT page; " : "");
        _savepointSent |= _savepointDue;
        _releaseDue = _savepointDue = false;
        return due;
    }

    private readonly record struct Found(long Id, bool IsStub, int VersionCount, int CurrentVersion, DateOnly? Captured, string Title, string? Teaser, string? Url);

    /// <summary>Records the article's text and, where it is new to the article, its dateline.</summary>
    private StoreOutcome RecordArticle(PreparedArticle prepared, long? knownId, out long id)
    {
        var outcome = RecordText(prepared, knownId, out id, out var inserted);
        // A new article's row was written with its dateline.
        if (!inserted && prepared.Capture.Dateline is { } dateline) SetDateline(id, dateline);
        return outcome;
    }

    private StoreOutcome RecordText(PreparedArticle prepared, long? knownId, out long id, out bool inserted)
    {
        inserted = false;
        var a = prepared.Capture;
        var sourceId = SourceId(a.Source);
        var (key, body, hash, captured) = (prepared.TitleKey, prepared.Body, prepared.Hash, a.Captured);
        var found = knownId is { } kid ? FindById(kid) : FindByUrlOrKey(sourceId, a.Published, key, a.Url);

        if (found is null)
        {
            id = InsertArticle(prepared, sourceId);
            inserted = true;
            return new StoreOutcome(New: 1, 0, 0, 0, 0);
        }

        var f = found.Value;
        id = f.Id;
        if (a.Url is not null && a.Url == f.Url) Restore(id, a.Captured);
        if (f.IsStub)
        {
            Run("""
                UPDATE articles SET status = 'complete', title = @title, captured = least(captured, @captured),
                       url = coalesce(url, @url), teaser = coalesce(teaser, @teaser), current_version = 1, version_count = 1, updated_at = @now
                WHERE id = @id
                """, ("title", a.Title), ("captured", Date(captured)), ("url", Text(a.Url)), ("teaser", Text(a.Teaser)), ("now", _now), ("id", id));
            AddKey(sourceId, a.Published, key, id);
            AddVersion(id, 1, a.Title, body, hash, captured);
            Index(id, a.Title, null, body, prepared.Terms);
            return new StoreOutcome(New: 1, 0, 0, 0, CompletedStubs: 1);
        }

        if (Scalar<bool>("SELECT EXISTS (SELECT 1 FROM versions WHERE article_id = @id AND hash = @hash)", ("id", id), ("hash", hash)))
        {
            if ((captured is { } c && (f.Captured is null || c < f.Captured)) || (f.Url is null && a.Url is not null))
                Run("UPDATE articles SET captured = least(captured, @captured), url = coalesce(url, @url) WHERE id = @id",
                    ("captured", Date(captured)), ("url", Text(a.Url)), ("id", id));
            return new StoreOutcome(0, 0, Unchanged: 1, 0, 0);
        }

        // A changed text: a new version. It becomes the current one unless it was captured before the current one.
        var number = f.VersionCount + 1;
        var current = ReadCurrent(id, f.CurrentVersion);
        var becomesCurrent = captured is null || current.Captured is null || captured >= current.Captured;
        AddVersion(id, number, a.Title, body, hash, captured);
        AddKey(sourceId, a.Published, key, id);
        if (becomesCurrent)
        {
            Run("UPDATE articles SET title = @title, current_version = @n, version_count = @n, updated_at = @now, url = coalesce(url, @url), captured = least(captured, @captured) WHERE id = @id",
                ("title", a.Title), ("n", number), ("now", _now), ("url", Text(a.Url)), ("captured", Date(captured)), ("id", id));
            Index(id, a.Title, null, body, prepared.Terms);
        }
        else
        {
            Run("UPDATE articles SET version_count = @n, updated_at = @now, captured = least(captured, @captured) WHERE id = @id",
                ("n", number), ("now", _now), ("captured", Date(captured)), ("id", id));
        }
        return new StoreOutcome(0, Updated: 1, 0, 0, 0);
    }

    // A new article in one statement: its row with its dateline, its title key, its first version and its search row.
    private static readonly string InsertArticleSql = $"""
        WITH a AS (
            INSERT INTO articles (source_id, title, published, captured, url, teaser, status, current_version, version_count, created_at, updated_at,
                                  dateline_place, dateline_date, dateline_agency)
            VALUES (@source, @title, @published, @captured, @url, @article_teaser, 'complete', 1, 1, @now, @now, @place, @date, @agency)
            RETURNING id, source_id, published, status),
        k AS (INSERT INTO article_keys (source_id, published, title_key, article_id) SELECT source_id, published, @key, id FROM a ON CONFLICT DO NOTHING),
        v AS (INSERT INTO versions (article_id, number, title, body, hash, captured, recorded_at) SELECT id, 1, @title, @body, @hash, @captured, @now FROM a),
        x AS ({PostgresSearchRow.Insert("a")})
        SELECT id FROM a
        """;

    private long InsertArticle(PreparedArticle prepared, long sourceId)
    {
        var a = prepared.Capture;
        var d = a.Dateline;
        // @teaser is the search row's (a complete article's teaser is not indexed); the article's own is @article_teaser.
        return Scalar<long>(InsertArticleSql, [
            ("source", sourceId), ("published", a.Published), ("captured", Date(a.Captured)), ("url", Text(a.Url)), ("article_teaser", Text(a.Teaser)),
            ("now", _now), ("place", Text(d?.Place)), ("date", Date(d?.Date)), ("agency", Text(d?.Agency)),
            ("key", prepared.TitleKey), ("hash", prepared.Hash),
            .. PostgresSearchRow.Parameters(a.Title, null, prepared.Body, prepared.Terms),
        ]);
    }

    private (DateOnly? Captured, bool Exists) ReadCurrent(long id, int number)
    {
        using var r = Command("SELECT captured FROM versions WHERE article_id = @id AND number = @n", ("id", id), ("n", number)).ExecuteReader();
        return r.Read() ? (r.IsDBNull(0) ? null : r.GetFieldValue<DateOnly>(0), true) : (null, false);
    }

    public bool MarkRemoved(string url, DateOnly on)
    {
        var changed = false;
        Atomically(() =>
        {
            var id = Scalar<long?>("SELECT id FROM articles WHERE url = @url AND removed_on IS NULL ORDER BY id LIMIT 1", ("url", url));
            if (id is null) return default;
            Run("UPDATE articles SET removed_on = @on, updated_at = @now WHERE id = @id", ("on", on), ("now", _now), ("id", id.Value));
            AddEvent(id.Value, "removed", on);
            changed = true;
            return default;
        });
        return changed;
    }

    // An article found again at its own address after it was marked removed is back.
    private void Restore(long id, DateOnly? on)
    {
        if (Scalar<DateOnly?>("SELECT removed_on FROM articles WHERE id = @id", ("id", id)) is null) return;
        Run("UPDATE articles SET removed_on = NULL, updated_at = @now WHERE id = @id", ("now", _now), ("id", id));
        AddEvent(id, "restored", on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    private void AddEvent(long id, string kind, DateOnly on) =>
        Run("INSERT INTO article_events (article_id, kind, on_date, recorded_at) VALUES (@id, @kind, @on, @now)",
            ("id", id), ("kind", kind), ("on", on), ("now", _now));

    // The dateline the article was first seen with is kept; a later capture only fills what was missing
    // (and an article with nothing to fill is not rewritten: PostgreSQL writes a new row for every update).
    private void SetDateline(long id, Dateline d) =>
        Run("""
            UPDATE articles SET dateline_place = coalesce(dateline_place, @place), dateline_date = coalesce(dateline_date, @date), dateline_agency = coalesce(dateline_agency, @agency)
            WHERE id = @id AND ((dateline_place IS NULL AND @place::text IS NOT NULL) OR (dateline_date IS NULL AND @date::date IS NOT NULL) OR (dateline_agency IS NULL AND @agency::text IS NOT NULL))
            """,
            ("place", d.Place), ("date", Date(d.Date)), ("agency", Text(d.Agency)), ("id", id));

    private StoreOutcome RecordCard(PreparedCard prepared, DateOnly? seen)
    {
        var card = prepared.Capture;
        var sourceId = SourceId(card.Source);
        var found = FindByKey(sourceId, card.Published, prepared.TitleKey, url: null);
        if (found is { } f)
        {
            if (f.Teaser is null && card.Teaser is not null)
            {
                Run("UPDATE articles SET teaser = @teaser WHERE id = @id", ("teaser", card.Teaser), ("id", f.Id));
                if (f.IsStub) Index(f.Id, f.Title, card.Teaser, null);
            }
            return default;
        }
        var id = Scalar<long>("""
            INSERT INTO articles (source_id, title, published, captured, teaser, status, version_count, created_at, updated_at)
            VALUES (@source, @title, @published, @captured, @teaser, 'stub', 0, @now, @now)
            RETURNING id
            """, ("source", sourceId), ("title", card.Title), ("published", card.Published), ("captured", Date(seen)),
            ("teaser", Text(card.Teaser)), ("now", _now));
        AddKey(sourceId, card.Published, prepared.TitleKey, id);
        Index(id, card.Title, card.Teaser, null);
        return new StoreOutcome(0, 0, 0, NewStubs: 1, 0);
    }

    private const string FoundColumns = "a.id, a.status, a.version_count, coalesce(a.current_version, 0), a.captured, a.title, a.teaser, a.url";

    private Found? FindById(long id) => ReadFound($"SELECT {FoundColumns} FROM articles a WHERE a.id = @id", 0, ("id", id));

    // The article at this address, else the one under this title key (see FindByKey), in one statement.
    private Found? FindByUrlOrKey(long sourceId, DateOnly published, string key, string? url) => ReadFound($"""
        SELECT * FROM (
            (SELECT 1 AS rank, {FoundColumns} FROM articles a WHERE a.url = @url::text ORDER BY a.id LIMIT 1)
            UNION ALL
            (SELECT 2, {FoundColumns} FROM article_keys k JOIN articles a ON a.id = k.article_id
             WHERE k.source_id = @source AND k.published = @published AND k.title_key = @key
               AND (@url::text IS NULL OR a.url IS NULL OR a.url = @url::text)
             ORDER BY a.id LIMIT 1)) f
        ORDER BY rank LIMIT 1
        """, 1, ("source", sourceId), ("published", published), ("key", key), ("url", Text(url)));

    // An article with a different URL is a different article, even under the same title and date.
    private Found? FindByKey(long sourceId, DateOnly published, string key, string? url) => ReadFound($"""
        SELECT {FoundColumns} FROM article_keys k JOIN articles a ON a.id = k.article_id
        WHERE k.source_id = @source AND k.published = @published AND k.title_key = @key
          AND (@url::text IS NULL OR a.url IS NULL OR a.url = @url::text)
        ORDER BY a.id LIMIT 1
        """, 0, ("source", sourceId), ("published", published), ("key", key), ("url", Text(url)));

    // The columns of FoundColumns, from column `at` on.
    private Found? ReadFound(string sql, int at, params (string, object?)[] args)
    {
        using var r = Command(sql, args).ExecuteReader();
        if (!r.Read()) return null;
        return new Found(r.GetInt64(at), r.GetString(at + 1) == "stub", r.GetInt32(at + 2), r.GetInt32(at + 3),
            r.IsDBNull(at + 4) ? null : r.GetFieldValue<DateOnly>(at + 4), r.GetString(at + 5), r.IsDBNull(at + 6) ? null : r.GetString(at + 6), r.IsDBNull(at + 7) ? null : r.GetString(at + 7));
    }

    private void AddKey(long sourceId, DateOnly published, string key, long id) =>
        Run("INSERT INTO article_keys (source_id, published, title_key, article_id) VALUES (@source, @published, @key, @id) ON CONFLICT DO NOTHING",
            ("source", sourceId), ("published", published), ("key", key), ("id", id));

    private void AddVersion(long id, int number, string title, string body, string hash, DateOnly? captured) =>
        Run("INSERT INTO versions (article_id, number, title, body, hash, captured, recorded_at) VALUES (@id, @n, @title, @body, @hash, @captured, @now)",
            ("id", id), ("n", number), ("title", title), ("body", body), ("hash", hash), ("captured", Date(captured)), ("now", _now));

    /// <summary>Writes what search reads for an article: its current title, the teaser of a stub, its body.</summary>
    private void Index(long id, string title, string? teaser, string? body, SearchTerms? terms = null) =>
        PostgresSearchRow.Write(Command, id, title, teaser, body, terms ?? SearchTerms.Of(title, teaser, body));

    private long SourceId(Source source)
    {
        var slug = source.Slug;
        if (_sourceIds.TryGetValue(slug, out var id)) return id;
        var existing = Scalar<long?>("SELECT id FROM sources WHERE slug = @slug", ("slug", slug));
        if (existing is null)
        {
            var o = source.Outlet;
            Run("INSERT INTO outlets (slug, name, name_ko, site) VALUES (@slug, @name, @ko, @site) ON CONFLICT (slug) DO NOTHING",
                ("slug", o.Slug), ("name", o.Name), ("ko", Text(o.NameKo)), ("site", Text(o.Site)));
            existing = Scalar<long>("""
                INSERT INTO sources (outlet_id, language, slug, label)
                VALUES ((SELECT id FROM outlets WHERE slug = @outlet), @lang, @slug, @label)
                RETURNING id
                """, ("outlet", o.Slug), ("lang", source.Language), ("slug", slug), ("label", source.Label));
        }
        _sourceIds[slug] = existing.Value;
        return existing.Value;
    }

    // Nulls go with their type, so the server never has to guess it.
    private static object Text(string? s) => s is null ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value } : s;

    private static object Date(DateOnly? d) => d is { } v ? v : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = DBNull.Value };

    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = new NpgsqlCommand(Due() + sql, _c, _tx);
        foreach (var (name, value) in args)
        {
            if (value is NpgsqlParameter typed)
            {
                typed.ParameterName = name;
                cmd.Parameters.Add(typed);
            }
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    private void Run(string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        var value = cmd.ExecuteScalar();
        if (value is null or DBNull) return default!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return value is DateOnly or DateTime && type == typeof(DateOnly)
            ? (T)(object)(value is DateTime dt ? DateOnly.FromDateTime(dt) : (DateOnly)value)
            : (T)Convert.ChangeType(value, type);
    }

    public void Dispose()
    {
        try { _tx?.Rollback(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { }
        _tx?.Dispose();
        _c.Dispose();
    }
}
