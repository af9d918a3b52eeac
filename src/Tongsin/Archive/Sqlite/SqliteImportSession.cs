using Microsoft.Data.Sqlite;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Writes pages into the archive inside one long transaction, each page in a savepoint of its own:
/// a page that fails is rolled back alone, and Commit makes everything before it durable. Statements
/// are prepared once and reused, because an import runs them millions of times.
/// Changes to the full-text index wait in memory until Commit: FTS5 writes its pending terms to
/// disk as a new segment at every savepoint, so indexing page by page would leave one tiny segment
/// per page to merge. A page's queued changes are dropped when its savepoint is rolled back.
/// </summary>
internal sealed class SqliteImportSession : SqlImportSession
{
    private readonly SqliteConnection _c;
    private SqliteTransaction? _tx;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private string _now = "";
    private readonly List<IndexChange> _pendingIndex = new(4096);
    private int _indexedBeforeItem;

    // Terms are set when the page was prepared ahead; otherwise they are derived when written.
    private readonly record struct IndexChange(bool Delete, long Id, string Title, string? Teaser, string? Body, SearchTerms? Terms = null);

    // Cards whose article is known and has a teaser, with that article's id: a card seen again
    // changes nothing, and most cards on a page have been seen before, so they are answered without
    // a query. A teaser is never taken away, so an entry stays true until a rollback or until the
    // key is given to an older article, which a card would then find instead.
    private readonly Dictionary<CardKey, long> _settledCards = [];
    private readonly List<CardKey> _settledInPage = [];
    private const int MaxSettledCards = 500_000;

    private readonly record struct CardKey(long SourceId, string Published, string TitleKey);

    public SqliteImportSession(SqliteConnection connection, TimeProvider clock) : base(clock)
    {
        _c = connection;
    }

    public override void Commit()
    {
        ApplyIndexChanges();
        _tx?.Commit();
        _tx?.Dispose();
        _tx = null;
        foreach (var cmd in _commands.Values) cmd.Transaction = null;
    }

    protected override void BeginItem()
    {
        if (_tx is null)
        {
            _tx = _c.BeginTransaction(deferred: false);
            foreach (var cmd in _commands.Values) cmd.Transaction = _tx;
        }
        _now = Time(Clock.GetUtcNow());
        // Savepoints as prepared statements: SqliteTransaction.Save would compile its SQL again for every page.
        Run("SAVEPOINT page");
        _indexedBeforeItem = _pendingIndex.Count;
        _settledInPage.Clear();
    }

    protected override void EndItem() => Run("RELEASE page");

    protected override void UndoItem()
    {
        Run("ROLLBACK TO page");
        Run("RELEASE page");
        _pendingIndex.RemoveRange(_indexedBeforeItem, _pendingIndex.Count - _indexedBeforeItem);
        foreach (var key in _settledInPage) _settledCards.Remove(key);
    }

    protected override FoundArticle? FindByCard(PreparedCard card, long sourceId, string? url) => FindByKey(sourceId, card.Published, card.TitleKey, url);

    protected override FoundArticle? FindArticle(PreparedArticle prepared, long sourceId, long? knownId)
    {
        var url = prepared.Capture.Url;
        if (knownId is { } kid) return FindById(kid, url);
        return (url is not null ? FindByUrl(url) : null) ?? FindByText(sourceId, prepared.Hash, url) ?? FindByKey(sourceId, prepared.Published, prepared.TitleKey, url);
    }

    protected override long InsertArticle(PreparedArticle prepared, long sourceId)
    {
        var a = prepared.Capture;
        var id = Scalar("""
            INSERT INTO articles (source_id, title, published, captured, url, teaser, status, current_version, version_count, created_at, updated_at)
            VALUES ($source, $title, $published, $captured, $url, $teaser, 'complete', 1, 1, $now, $now);
            SELECT last_insert_rowid();
            """, ("$source", sourceId), ("$title", a.Title), ("$published", prepared.Published), ("$captured", prepared.Captured),
            ("$url", a.Url), ("$teaser", a.Teaser), ("$now", _now));
        if (a.Url is not null)
            Run("INSERT INTO article_addresses (url, article_id, first_seen, last_seen) VALUES ($url, $id, $seen, $seen)", ("$url", a.Url), ("$id", id), ("$seen", Dates.ToIso(Seen(a))));
        AddKey(sourceId, prepared.Published, prepared.TitleKey, id);
        AddVersion(id, 1, prepared);
        IndexText(id, a.Title, null, prepared.Body, prepared.Terms);
        return id;
    }

    protected override void CompleteStub(FoundArticle stub, PreparedArticle prepared, long sourceId)
    {
        var a = prepared.Capture;
        UnindexText(stub.Id, stub.Title, stub.Teaser, null);
        Run("""
            UPDATE articles SET status = 'complete', title = $title, captured = min(coalesce(captured, $captured), coalesce($captured, captured)),
                   url = coalesce(url, $url), teaser = coalesce(teaser, $teaser), current_version = 1, version_count = 1, updated_at = $now
            WHERE id = $id
            """, ("$title", a.Title), ("$captured", prepared.Captured), ("$url", a.Url), ("$teaser", a.Teaser), ("$now", _now), ("$id", stub.Id));
        AddKey(sourceId, prepared.Published, prepared.TitleKey, stub.Id);
        AddVersion(stub.Id, 1, prepared);
        IndexText(stub.Id, a.Title, null, prepared.Body, prepared.Terms);
    }

    protected override bool HasText(long id, string hash) =>
        Scalar("SELECT count(*) FROM versions WHERE article_id = $id AND hash = $hash", ("$id", id), ("$hash", hash)) > 0;

    protected override void KeepCaptureAndAddress(long id, PreparedArticle prepared) =>
        Run("UPDATE articles SET captured = min(coalesce(captured, $captured), coalesce($captured, captured)), url = coalesce(url, $url) WHERE id = $id",
            ("$captured", prepared.Captured), ("$url", prepared.Capture.Url), ("$id", id));

    protected override DateOnly? CapturedOf(long id, int version) =>
        Day(Scalar<string?>("SELECT captured FROM versions WHERE article_id = $id AND number = $n", ("$id", id), ("$n", version)));

    protected override void AddKey(long sourceId, PreparedArticle prepared, long id) => AddKey(sourceId, prepared.Published, prepared.TitleKey, id);

    protected override void MakeCurrent(FoundArticle article, int number, PreparedArticle prepared)
    {
        var (a, id) = (prepared.Capture, article.Id);
        // An external-content index forgets a row only when told what it indexed: the current version's text.
        var oldBody = Scalar<string?>("SELECT body FROM versions WHERE article_id = $id AND number = $n", ("$id", id), ("$n", article.CurrentVersion)) ?? "";
        UnindexText(id, article.Title, null, oldBody);
        Run("UPDATE articles SET title = $title, current_version = $n, version_count = $n, updated_at = $now, url = coalesce(url, $url), captured = min(coalesce(captured, $captured), coalesce($captured, captured)) WHERE id = $id",
            ("$title", a.Title), ("$n", number), ("$now", _now), ("$url", a.Url), ("$captured", prepared.Captured), ("$id", id));
        IndexText(id, a.Title, null, prepared.Body, prepared.Terms);
    }

    protected override void KeepOlderVersion(long id, int number, PreparedArticle prepared) =>
        Run("UPDATE articles SET version_count = $n, updated_at = $now, captured = min(coalesce(captured, $captured), coalesce($captured, captured)) WHERE id = $id",
            ("$n", number), ("$now", _now), ("$captured", prepared.Captured), ("$id", id));

    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override object Now => _now;

    protected override object Moment(DateTimeOffset at) => Time(at);

    // Moments are kept as ISO text in UTC, to the second.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    protected override void Execute(string sql, params (string Name, object? Value)[] args) => Run(sql, args);

    protected override long? QueryId(string sql, params (string Name, object? Value)[] args) => Scalar<long?>(sql, args);

    // The dateline the article was first seen with is kept; a later capture only fills what was missing.
    protected override void SetDateline(long id, Dateline d) =>
        Run("UPDATE articles SET dateline_place = coalesce(dateline_place, $place), dateline_date = coalesce(dateline_date, $date), dateline_agency = coalesce(dateline_agency, $agency) WHERE id = $id",
            ("$place", d.Place), ("$date", Dates.ToIso(d.Date)), ("$agency", d.Agency), ("$id", id));

    protected override bool IsSettled(PreparedCard card, long sourceId) => _settledCards.ContainsKey(new CardKey(sourceId, card.Published, card.TitleKey));

    protected override void Settled(PreparedCard card, long sourceId, long id) => Settle(new CardKey(sourceId, card.Published, card.TitleKey), id);

    protected override void GiveTeaser(FoundArticle article, string teaser)
    {
        if (article.IsStub) UnindexText(article.Id, article.Title, null, null);
        Run("UPDATE articles SET teaser = $teaser WHERE id = $id", ("$teaser", teaser), ("$id", article.Id));
        if (article.IsStub) IndexText(article.Id, article.Title, teaser, null);
    }

    protected override void FileStub(PreparedCard card, long sourceId, long id)
    {
        AddKey(sourceId, card.Published, card.TitleKey, id);
        IndexText(id, card.Capture.Title, card.Capture.Teaser, null);
    }

    private void Settle(CardKey key, long id)
    {
        // Bounded, so a very long import does not grow without end; forgetting only costs queries.
        if (_settledCards.Count >= MaxSettledCards) _settledCards.Clear();
        if (_settledCards.TryAdd(key, id)) _settledInPage.Add(key);
    }

    // The article's row, and its sighting of the address $url (null where it has no such address).
    private const string FoundColumns = """
        a.id, a.status, a.version_count, coalesce(a.current_version, 0), a.captured, a.title, a.teaser, a.url, d.first_seen, d.last_seen, d.gone_on
        """;

    private const string Sighting = "LEFT JOIN article_addresses d ON d.url = $url AND d.article_id = a.id";

    private FoundArticle? FindById(long id, string? url) => ReadFound($"SELECT {FoundColumns} FROM articles a {Sighting} WHERE a.id = $id", ("$id", id), ("$url", url));

    private FoundArticle? FindByUrl(string url) =>
        ReadFound($"SELECT {FoundColumns} FROM article_addresses d JOIN articles a ON a.id = d.article_id WHERE d.url = $url ORDER BY a.id LIMIT 1", ("$url", url));

    // One source's article that has had this text, whatever its address.
    private FoundArticle? FindByText(long sourceId, string hash, string? url) => ReadFound($"""
        SELECT {FoundColumns} FROM versions v JOIN articles a ON a.id = v.article_id {Sighting}
        WHERE v.hash = $hash AND a.source_id = $source AND a.status = 'complete'
        ORDER BY a.id LIMIT 1
        """, ("$hash", hash), ("$source", sourceId), ("$url", url));

    // An article with a different URL is a different article, even under the same title and date.
    private FoundArticle? FindByKey(long sourceId, string published, string key, string? url) => ReadFound($"""
        SELECT {FoundColumns} FROM article_keys k JOIN articles a ON a.id = k.article_id {Sighting}
        WHERE k.source_id = $source AND k.published = $published AND k.title_key = $key
          AND ($url IS NULL OR a.url IS NULL OR a.url = $url)
        ORDER BY a.id LIMIT 1
        """, ("$source", sourceId), ("$published", published), ("$key", key), ("$url", url));

    private FoundArticle? ReadFound(string sql, params (string, object?)[] args)
    {
        using var r = Prepare(sql, args).ExecuteReader();
        if (!r.Read()) return null;
        return new FoundArticle(r.GetInt64(0), r.GetString(1) == "stub", r.GetInt32(2), r.GetInt32(3),
            Day(r.IsDBNull(4) ? null : r.GetString(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
            AddressSeen: r.IsDBNull(8) ? null : new AddressSighting(Day(r.GetString(8))!.Value, Day(r.GetString(9))!.Value, !r.IsDBNull(10)));
    }

    // A card finds the oldest article under its key, so a key given to an older article than the
    // settled one unsettles it. Completing a stub gives the stub's own key again and keeps it settled.
    private void AddKey(long sourceId, string published, string key, long id)
    {
        var cardKey = new CardKey(sourceId, published, key);
        if (_settledCards.TryGetValue(cardKey, out var settled) && id < settled) _settledCards.Remove(cardKey);
        Run(KeySql, ("@source", sourceId), ("@published", published), ("@key", key), ("@id", id));
    }

    private void IndexText(long id, string title, string? teaser, string? body, SearchTerms? terms = null) =>
        _pendingIndex.Add(new IndexChange(Delete: false, id, title, teaser, body, terms));

    // An external-content FTS5 index forgets a row only when told the exact values it indexed.
    private void UnindexText(long id, string title, string? teaser, string? body) =>
        _pendingIndex.Add(new IndexChange(Delete: true, id, title, teaser, body));

    /// <summary>
    /// Writes the queued changes as their net effect on each row, in rowid order. FTS5 writes its
    /// pending terms out as a new segment whenever a rowid is not above the last one it was given
    /// (only a delete followed by an insert of the same row is allowed), and completing a stub
    /// rewrites an older row: applied as they came, nearly every change would make a segment.
    /// </summary>
    private void ApplyIndexChanges()
    {
        if (_pendingIndex.Count == 0) return;
        var rows = new Dictionary<long, (IndexChange? Delete, IndexChange? Insert)>(_pendingIndex.Count);
        foreach (var change in _pendingIndex)
        {
            rows.TryGetValue(change.Id, out var row);
            // A delete takes out what was indexed: a row inserted in this batch is simply not inserted,
            // otherwise the values indexed before the batch are deleted.
            if (!change.Delete) row.Insert = change;
            else if (row.Insert is not null) row.Insert = null;
            else row.Delete ??= change;
            rows[change.Id] = row;
        }
        var ids = rows.Keys.ToArray();
        Array.Sort(ids);
        foreach (var id in ids)
        {
            var (delete, insert) = rows[id];
            if (delete is { } d) WriteIndex("'delete', ", d);
            if (insert is { } i) WriteIndex("", i);
        }
        _pendingIndex.Clear();
    }

    // An article's source and publication date never change, so its row gives the meta tokens it was indexed with.
    private static readonly string IndexMetaOfRow = $"(SELECT {IndexMeta.Sql("a")} FROM articles a WHERE a.id = $id)";

    // The derived columns are what tongsin_terms() gives the view for the same text, so a delete
    // names exactly what was indexed.
    private void WriteIndex(string command, IndexChange change)
    {
        var terms = change.Terms ?? SearchTerms.Of(change.Title, change.Teaser, change.Body);
        Run($"INSERT INTO article_fts ({(command.Length > 0 ? "article_fts, " : "")}rowid, title, teaser, body, ko, kof, names, meta) VALUES ({command}$id, $title, $teaser, $body, $ko, $kof, $names, {IndexMetaOfRow})",
            ("$id", change.Id), ("$title", change.Title), ("$teaser", change.Teaser), ("$body", change.Body),
            ("$ko", terms.Korean), ("$kof", terms.KoreanFolded), ("$names", terms.Names));
    }

    private SqliteCommand Prepare(string sql, (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _c.CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = _tx;
            foreach (var (name, _) in args) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
            cmd.Prepare();
            _commands[sql] = cmd;
        }
        for (var i = 0; i < args.Length; i++) cmd.Parameters[i].Value = args[i].Value ?? DBNull.Value;
        return cmd;
    }

    private void Run(string sql, params (string, object?)[] args) => Prepare(sql, args).ExecuteNonQuery();

    private long Scalar(string sql, params (string, object?)[] args) => Convert.ToInt64(Prepare(sql, args).ExecuteScalar());

    private T? Scalar<T>(string sql, params (string, object?)[] args)
    {
        var value = Prepare(sql, args).ExecuteScalar();
        if (value is null or DBNull) return default;
        return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public override void Dispose()
    {
        _pendingIndex.Clear();
        _tx?.Rollback();
        _tx?.Dispose();
        foreach (var cmd in _commands.Values) cmd.Dispose();
        _c.Dispose();
    }
}
