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
///
/// Pages handed over together (<see cref="StoreAll"/>) go further: every page that is new to the
/// archive is written by one statement that looks the article up and inserts it when it is not
/// there, each in its savepoint, and the statements of up to a few dozen pages travel in one
/// exchange. A page whose article is there already goes the way of a single page afterwards.
/// </summary>
internal sealed class PostgresImportSession(NpgsqlConnection connection, TimeProvider clock) : SqlImportSession(clock), IImportSession
{
    private readonly NpgsqlConnection _c = connection;
    private NpgsqlTransaction? _tx;
    private DateTimeOffset _now;
    // Savepoint statements waiting to go with the next statement: the last page's release, this page's savepoint.
    private bool _releaseDue, _savepointDue, _savepointSent;
    // The article this item inserted with its dateline, or found with nothing to add to it: SetDateline has nothing to write.
    private long _datelineDone = -1;

    public override void Commit()
    {
        _tx?.Commit();
        _tx?.Dispose();
        _tx = null;
        _releaseDue = _savepointDue = _savepointSent = false;
        Analyze();
    }

    // Articles and stubs inserted since the tables' statistics were last brought up to date here.
    private long _insertedSinceAnalyze;

    /// <summary>
    /// Brings the statistics of the tables an import writes up to date once it has grown them by a
    /// fifth or more (or they have none, as in a new archive), so that the lookups of the pages that
    /// follow and the searches afterwards are planned for the archive as it is. Autovacuum would do
    /// it too, in its own time. At a million articles it takes about 3 seconds; growing by fifths,
    /// an import of a whole archive does it a dozen times.
    /// </summary>
    private void Analyze()
    {
        if (_insertedSinceAnalyze == 0) return;
        using (var size = new NpgsqlCommand("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass", _c))
        {
            var rows = Convert.ToDouble(size.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (rows >= 0 && _insertedSinceAnalyze < 0.2 * rows) return;
        }
        using var analyze = new NpgsqlCommand("ANALYZE articles, article_keys, versions, article_search", _c);
        analyze.ExecuteNonQuery();
        _insertedSinceAnalyze = 0;
    }

    protected override void BeginItem()
    {
        BeginWriting();
        (_savepointDue, _savepointSent) = (true, false);
        _datelineDone = -1;
    }

    // The transaction, begun with the writers' lock when none is open, and the time of what is written now.
    private void BeginWriting()
    {
        if (_tx is null)
        {
            _tx = _c.BeginTransaction();
            Run($"SELECT pg_advisory_xact_lock({PostgresSchema.WriterLock})");
        }
        // Times are kept to the second, as the SQLite archive keeps them.
        var now = Clock.GetUtcNow();
        _now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    public IReadOnlyList<PageResult> StoreAll(IReadOnlyList<PreparedPage> pages)
    {
        var results = new PageResult[pages.Count];
        var known = new List<int>();
        for (var i = 0; i < pages.Count;)
        {
            // A page with cards, or from a source not seen yet, goes alone: its stubs or its new source are rows of its own item.
            var end = i;
            while (end < pages.Count && pages[end].Cards.Count == 0 && KnowsSource(pages[end].Article.Capture.Source)) end++;
            if (end == i) { results[i] = PageResult.Of(() => Store(pages[i])); i++; continue; }
            i = Together(pages, i, end, results, known);
        }
        // Pages whose article was there: stored one by one now, in their order.
        foreach (var k in known) results[k] = PageResult.Of(() => Store(pages[k]));
        return results;
    }

    /// <summary>
    /// Pages <paramref name="from"/> to <paramref name="to"/> (not included) in one exchange, each in
    /// its savepoint: a new article is written, one already there is left for <paramref name="known"/>.
    /// At a failure, the pages before it stay, it is rolled back and reported, and the rest are left
    /// for the next exchange. Returns where the next exchange starts.
    /// </summary>
    private int Together(IReadOnlyList<PreparedPage> pages, int from, int to, PageResult[] results, List<int> known)
    {
        BeginWriting();
        using var batch = new NpgsqlBatch(_c, _tx);
        if (_releaseDue) batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT page"));
        _releaseDue = false;
        for (var i = from; i < to; i++)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT page"));
            var insert = new NpgsqlBatchCommand(InsertIfNewSql);
            foreach (var (name, value) in NewArticleParameters(pages[i].Article, SourceId(pages[i].Article.Capture.Source))) Add(insert.Parameters, name, value);
            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT page"));
        }
        var at = from;
        try
        {
            using var r = batch.ExecuteReader();
            do
            {
                if (r.FieldCount == 0) continue;
                if (!r.Read()) throw new InvalidOperationException("the statement of a new article gave no row");
                if (!r.IsDBNull(0))
                {
                    results[at] = new PageResult(StoreOutcome.Of([new ArticleChange(r.GetInt64(0), 1, ChangeKind.New)]), null);
                    _insertedSinceAnalyze++;
                }
                else if (ReadFound(r, 2) is { } f && Untouched(f, pages[at].Article.Capture))
                    results[at] = new PageResult(StoreOutcome.Of([new ArticleChange(f.Id, f.CurrentVersion, ChangeKind.Unchanged)]), null);
                else known.Add(at);
                at++;
            } while (r.NextResult());
            return to;
        }
        catch (PostgresException e)
        {
            // The statements run in order and their answers are read in order: the page that failed is the one whose answer was next.
            RollBackPage();
            // A source created inside a rolled-back page is gone again; here none was: every source was known.
            results[at] = new PageResult(default, e);
            return at + 1;
        }
    }

    // Released with the next page's first statement, or by the commit.
    protected override void EndItem()
    {
        _releaseDue |= _savepointSent;
        _savepointDue = false;
    }

    protected override void UndoItem()
    {
        _savepointDue = false;
        if (_savepointSent) RollBackPage();
    }

    // Undoes what the page wrote since its savepoint, and the savepoint.
    private void RollBackPage()
    {
        using var undo = new NpgsqlCommand("ROLLBACK TO SAVEPOINT page; RELEASE SAVEPOINT page", _c, _tx);
        undo.ExecuteNonQuery();
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

    protected override FoundArticle? FindByCard(PreparedCard card, long sourceId, string? url) =>
        FindByKey(sourceId, card.Capture.Published, card.TitleKey, url) is { } f ? Shared(f) : null;

    /// <summary>
    /// An article as a lookup finds it: its row, whether it is marked removed, whether one of its
    /// versions has the text being stored (SameText), and which parts of its dateline are missing.
    /// </summary>
    private readonly record struct Found(long Id, bool IsStub, int VersionCount, int CurrentVersion, DateOnly? Captured, string Title, string? Teaser, string? Url,
        bool Removed, bool SameText, bool NoPlace, bool NoDate, bool NoAgency, AddressSighting? AddressSeen);

    /// <summary>
    /// Whether storing this capture of the found article would write nothing: the same text is
    /// stored, and neither an earlier capture date, an address, a restoration nor a missing part
    /// of the dateline is to be recorded (the cases the rest of RecordArticle and SetDateline write).
    /// </summary>
    private bool Untouched(Found f, ArticleCapture a) =>
        !f.IsStub && f.SameText
        && !(a.Url is not null && f.AddressSeen is not null && f.Removed)
        && KnowsSighting(Shared(f), a)
        && !AddsCaptureOrAddress(Shared(f), a)
        && !(a.Dateline is { } d && ((f.NoPlace && d.Place is not null) || (f.NoDate && d.Date is not null) || (f.NoAgency && d.Agency is not null)));

    private static FoundArticle Shared(Found f) => new(f.Id, f.IsStub, f.VersionCount, f.CurrentVersion, f.Captured, f.Title, f.Teaser, f.Url, f.Removed, f.SameText, f.AddressSeen);

    // The last article a lookup found, with what its dateline lacks: SetDateline has nothing to write when the capture adds none of it.
    private Found? _found;

    protected override FoundArticle? FindArticle(PreparedArticle prepared, long sourceId, long? knownId)
    {
        var a = prepared.Capture;
        _found = knownId is { } kid ? FindById(kid, prepared.Hash, a.Url) : FindByUrlOrKey(sourceId, a.Published, prepared.TitleKey, a.Url, prepared.Hash);
        return _found is { } f ? Shared(f) : null;
    }

    protected override long InsertArticle(PreparedArticle prepared, long sourceId)
    {
        var id = Scalar<long>(InsertArticleSql, NewArticleParameters(prepared, sourceId));
        _datelineDone = id;
        _insertedSinceAnalyze++;
        return id;
    }

    // The statement that inserts a new article logs its change too (see NewArticleSql).
    protected override bool InsertLogsItsChange => true;

    protected override void CompleteStub(FoundArticle stub, PreparedArticle prepared, long sourceId)
    {
        var a = prepared.Capture;
        Run("""
            UPDATE articles SET status = 'complete', title = @title, captured = least(captured, @captured),
                   url = coalesce(url, @url), teaser = coalesce(teaser, @teaser), current_version = 1, version_count = 1, updated_at = @now
            WHERE id = @id
            """, ("title", a.Title), ("captured", Date(a.Captured)), ("url", Text(a.Url)), ("teaser", Text(a.Teaser)), ("now", _now), ("id", stub.Id));
        AddKey(sourceId, prepared, stub.Id);
        AddVersion(stub.Id, 1, prepared);
        Index(stub.Id, a.Title, null, prepared.Body, prepared.Terms);
    }

    protected override bool HasText(long id, string hash) =>
        Scalar<bool>("SELECT EXISTS (SELECT 1 FROM versions WHERE article_id = @id AND hash = @hash)", ("id", id), ("hash", hash));

    protected override void KeepCaptureAndAddress(long id, PreparedArticle prepared) =>
        Run("UPDATE articles SET captured = least(captured, @captured), url = coalesce(url, @url) WHERE id = @id",
            ("captured", Date(prepared.Capture.Captured)), ("url", Text(prepared.Capture.Url)), ("id", id));

    protected override DateOnly? CapturedOf(long id, int version) => ReadCurrent(id, version).Captured;

    protected override void MakeCurrent(FoundArticle article, int number, PreparedArticle prepared)
    {
        var a = prepared.Capture;
        Run("UPDATE articles SET title = @title, current_version = @n, version_count = @n, updated_at = @now, url = coalesce(url, @url), captured = least(captured, @captured) WHERE id = @id",
            ("title", a.Title), ("n", number), ("now", _now), ("url", Text(a.Url)), ("captured", Date(a.Captured)), ("id", article.Id));
        Index(article.Id, a.Title, null, prepared.Body, prepared.Terms);
    }

    protected override void KeepOlderVersion(long id, int number, PreparedArticle prepared) =>
        Run("UPDATE articles SET version_count = @n, updated_at = @now, captured = least(captured, @captured) WHERE id = @id",
            ("n", number), ("now", _now), ("captured", Date(prepared.Capture.Captured)), ("id", id));

    // A new article in one statement: its row with its dateline, its title key, its first version and its search row.
    private static readonly string InsertArticleSql = NewArticleSql("", "", "SELECT id FROM a");

    // The same, unless the lookup by address or title key (FindByUrlOrKey) finds the article: one row,
    // the id inserted (null when none was), then the lookup's rank and Found columns (null when it found none).
    private static readonly string InsertIfNewSql = NewArticleSql(
        $"f AS ({UrlOrKeyLookup}),", "WHERE NOT EXISTS (SELECT 1 FROM f)", "SELECT (SELECT id FROM a) AS inserted, f.* FROM (SELECT 1) one LEFT JOIN f ON true");

    private static string NewArticleSql(string lookup, string unless, string answer) => $"""
        WITH {lookup} a AS (
            INSERT INTO articles (source_id, title, published, captured, url, teaser, status, current_version, version_count, created_at, updated_at,
                                  dateline_place, dateline_date, dateline_agency)
            SELECT @source, @title, @published, @captured, @url, @article_teaser, 'complete', 1, 1, @now, @now, @place, @date, @agency {unless}
            RETURNING id, source_id, published, status),
        k AS (INSERT INTO article_keys (source_id, published, title_key, article_id) SELECT source_id, published, @key, id FROM a ON CONFLICT DO NOTHING),
        v AS (INSERT INTO versions (article_id, number, title, body, hash, captured, recorded_at) SELECT id, 1, @title, @body, @hash, @captured, @recorded FROM a),
        c AS (INSERT INTO article_changes (article_id, version, kind, became_current, recorded_at) SELECT id, 1, 'new', true, @now FROM a),
        d AS (INSERT INTO article_addresses (url, article_id, first_seen, last_seen) SELECT @url, id, @seen, @seen FROM a WHERE @url::text IS NOT NULL),
        x AS ({PostgresSearchRow.Insert("a")})
        {answer}
        """;


    private (string, object?)[] NewArticleParameters(PreparedArticle prepared, long sourceId)
    {
        var a = prepared.Capture;
        var d = a.Dateline;
        // @teaser is the search row's (a complete article's teaser is not indexed); the article's own is @article_teaser.
        return [
            ("source", sourceId), ("published", a.Published), ("captured", Date(a.Captured)), ("url", Text(a.Url)), ("article_teaser", Text(a.Teaser)),
            ("now", _now), ("recorded", Recorded ?? _now), ("place", Text(d?.Place)), ("date", Date(d?.Date)), ("agency", Text(d?.Agency)),
            ("key", prepared.TitleKey), ("hash", prepared.Hash), ("seen", Seen(a)),
            .. PostgresSearchRow.Parameters(a.Title, null, prepared.Body, prepared.Terms),
        ];
    }

    private (DateOnly? Captured, bool Exists) ReadCurrent(long id, int number)
    {
        using var r = Command("SELECT captured FROM versions WHERE article_id = @id AND number = @n", ("id", id), ("n", number)).ExecuteReader();
        return r.Read() ? (r.IsDBNull(0) ? null : r.GetFieldValue<DateOnly>(0), true) : (null, false);
    }

    protected override object Now => _now;

    protected override object Moment(DateTimeOffset at) => at;

    protected override void Execute(string sql, params (string Name, object? Value)[] args) => Run(sql, args);

    protected override long? QueryId(string sql, params (string Name, object? Value)[] args) => Scalar<long?>(sql, args);

    // The dateline the article was first seen with is kept; a later capture only fills what was missing
    // (and an article with nothing to fill is not rewritten: PostgreSQL writes a new row for every update).
    protected override void SetDateline(long id, Dateline d)
    {
        if (id == _datelineDone) return;
        if (_found is { } f && f.Id == id && !((f.NoPlace && d.Place is not null) || (f.NoDate && d.Date is not null) || (f.NoAgency && d.Agency is not null))) return;
        Run("""
            UPDATE articles SET dateline_place = coalesce(dateline_place, @place), dateline_date = coalesce(dateline_date, @date), dateline_agency = coalesce(dateline_agency, @agency)
            WHERE id = @id AND ((dateline_place IS NULL AND @place::text IS NOT NULL) OR (dateline_date IS NULL AND @date::date IS NOT NULL) OR (dateline_agency IS NULL AND @agency::text IS NOT NULL))
            """, ("place", d.Place), ("date", Date(d.Date)), ("agency", Text(d.Agency)), ("id", id));
    }

    protected override void GiveTeaser(FoundArticle article, string teaser)
    {
        Run("UPDATE articles SET teaser = @teaser WHERE id = @id", ("teaser", teaser), ("id", article.Id));
        if (article.IsStub) Index(article.Id, article.Title, teaser, null);
    }

    protected override void FileStub(PreparedCard card, long sourceId, long id)
    {
        AddKey(sourceId, card.Capture.Published, card.TitleKey, id);
        Index(id, card.Capture.Title, card.Capture.Teaser, null);
        _insertedSinceAnalyze++;
    }

    // The columns of Found; @hash is the text being stored (empty for a card), @url its address,
    // whose sighting by the article (d) the lookup joins.
    private const string FoundColumns = """
        a.id, a.status, a.version_count, coalesce(a.current_version, 0) AS current_version, a.captured, a.title, a.teaser, a.url,
        a.removed_on IS NOT NULL AS removed, EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id AND v.hash = @hash) AS same_text,
        a.dateline_place IS NULL AS no_place, a.dateline_date IS NULL AS no_date, a.dateline_agency IS NULL AS no_agency,
        d.first_seen, d.last_seen, d.gone_on IS NOT NULL AS gone
        """;

    private const string Sighting = "LEFT JOIN article_addresses d ON d.url = @url::text AND d.article_id = a.id";

    private Found? FindById(long id, string hash, string? url) =>
        ReadFound($"SELECT {FoundColumns} FROM articles a {Sighting} WHERE a.id = @id", 0, ("id", id), ("hash", hash), ("url", Text(url)));

    // The article at this address, else the one of this source that has had this text, else the one
    // under this title key (see FindByKey): rank, then FoundColumns.
    private const string UrlOrKeyLookup = $"""
        SELECT * FROM (
            (SELECT 1 AS rank, {FoundColumns} FROM article_addresses d JOIN articles a ON a.id = d.article_id WHERE d.url = @url::text ORDER BY a.id LIMIT 1)
            UNION ALL
            (SELECT 2, {FoundColumns} FROM versions t JOIN articles a ON a.id = t.article_id {Sighting}
             WHERE t.hash = @hash AND a.source_id = @source AND a.status = 'complete'
             ORDER BY a.id LIMIT 1)
            UNION ALL
            (SELECT 3, {FoundColumns} FROM article_keys k JOIN articles a ON a.id = k.article_id {Sighting}
             WHERE k.source_id = @source AND k.published = @published AND k.title_key = @key
               AND (@url::text IS NULL OR a.url IS NULL OR a.url = @url::text)
             ORDER BY a.id LIMIT 1)) f
        ORDER BY rank LIMIT 1
        """;

    private Found? FindByUrlOrKey(long sourceId, DateOnly published, string key, string? url, string hash) =>
        ReadFound(UrlOrKeyLookup, 1, ("source", sourceId), ("published", published), ("key", key), ("url", Text(url)), ("hash", hash));

    // An article with a different URL is a different article, even under the same title and date.
    private Found? FindByKey(long sourceId, DateOnly published, string key, string? url) => ReadFound($"""
        SELECT {FoundColumns} FROM article_keys k JOIN articles a ON a.id = k.article_id {Sighting}
        WHERE k.source_id = @source AND k.published = @published AND k.title_key = @key
          AND (@url::text IS NULL OR a.url IS NULL OR a.url = @url::text)
        ORDER BY a.id LIMIT 1
        """, 0, ("source", sourceId), ("published", published), ("key", key), ("url", Text(url)), ("hash", ""));

    private Found? ReadFound(string sql, int at, params (string, object?)[] args)
    {
        using var r = Command(sql, args).ExecuteReader();
        return r.Read() ? ReadFound(r, at) : null;
    }

    // The columns of FoundColumns, from column `at` on; null where they are (no article found).
    private static Found? ReadFound(NpgsqlDataReader r, int at)
    {
        if (r.IsDBNull(at)) return null;
        return new Found(r.GetInt64(at), r.GetString(at + 1) == "stub", r.GetInt32(at + 2), r.GetInt32(at + 3),
            r.IsDBNull(at + 4) ? null : r.GetFieldValue<DateOnly>(at + 4), r.GetString(at + 5), r.IsDBNull(at + 6) ? null : r.GetString(at + 6), r.IsDBNull(at + 7) ? null : r.GetString(at + 7),
            r.GetBoolean(at + 8), r.GetBoolean(at + 9), r.GetBoolean(at + 10), r.GetBoolean(at + 11), r.GetBoolean(at + 12),
            r.IsDBNull(at + 13) ? null : new AddressSighting(r.GetFieldValue<DateOnly>(at + 13), r.GetFieldValue<DateOnly>(at + 14), r.GetBoolean(at + 15)));
    }

    protected override void AddKey(long sourceId, PreparedArticle prepared, long id) => AddKey(sourceId, prepared.Capture.Published, prepared.TitleKey, id);

    private void AddKey(long sourceId, DateOnly published, string key, long id) =>
        Run(KeySql, ("source", sourceId), ("published", published), ("key", key), ("id", id));

    /// <summary>Writes what search reads for an article: its current title, the teaser of a stub, its body.</summary>
    private void Index(long id, string title, string? teaser, string? body, SearchTerms? terms = null) =>
        PostgresSearchRow.Write(Command, id, title, teaser, body, terms ?? SearchTerms.Of(title, teaser, body));

    // Nulls go with their type, so the server never has to guess it.
    private static object Text(string? s) => s is null ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value } : s;

    private static object Date(DateOnly? d) => d is { } v ? v : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = DBNull.Value };

    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = new NpgsqlCommand(Due() + sql, _c, _tx);
        foreach (var (name, value) in args) Add(cmd.Parameters, name, value);
        return cmd;
    }

    private static void Add(NpgsqlParameterCollection parameters, string name, object? value)
    {
        if (value is NpgsqlParameter typed)
        {
            typed.ParameterName = name;
            parameters.Add(typed);
        }
        else parameters.AddWithValue(name, value ?? DBNull.Value);
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

    public override void Dispose()
    {
        try { _tx?.Rollback(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { }
        _tx?.Dispose();
        _c.Dispose();
    }
}
