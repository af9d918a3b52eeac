using Tongsin.Model;

namespace Tongsin.Archive;

/// <summary>
/// What an import does the same on every SQL backend: what a page and its cards, or an exported
/// article with its history, are stored as, and how their outcomes are counted, each item in a
/// savepoint of its own that is rolled back alone when the item fails. A backend writes the rows
/// and keeps the transaction and its savepoints.
/// </summary>
internal abstract class SqlImportSession(TimeProvider clock) : IImportSession
{
    private readonly Dictionary<string, long> _sourceIds = new(StringComparer.Ordinal);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>
    /// When the version being stored was recorded, if it comes from an export that says so; else null,
    /// and it is recorded now.
    /// </summary>
    protected DateTimeOffset? Recorded { get; private set; }

    public StoreOutcome Store(PageCapture page) => Store(PreparedPage.From(page));

    public StoreOutcome Store(PreparedPage page) => Atomically(() =>
    {
        RecordArticle(page.Article, knownId: null, out var id);
        if (page.Article.Capture.Dateline is { } dateline) SetDateline(id, dateline);
        foreach (var card in page.Cards) RecordCard(card, page.Article.Capture.Captured);
    });

    public StoreOutcome Store(ArticleHistory record) => Atomically(() =>
    {
        var a = record.Article;
        long id;
        if (a.Status == ArticleStatus.Stub)
        {
            var card = PreparedCard.From(new CardCapture(a.Source, a.Title, a.Published, a.Teaser));
            RecordCard(card, a.Captured);
            id = FindCard(card, a.Url);
        }
        else
        {
            long? known = null;
            foreach (var v in record.Versions)
            {
                var capture = new ArticleCapture(a.Source, v.Title, a.Published, v.Captured ?? a.Captured, a.Url, v.Paragraphs, a.Teaser, a.Dateline);
                // An export's version keeps the moment its archive recorded it, so a round trip changes no history.
                Recorded = v.RecordedAt == DateTimeOffset.MinValue ? null : v.RecordedAt;
                try { RecordArticle(PreparedArticle.From(capture), known, out id); }
                finally { Recorded = null; }
                if (a.Dateline is { } dateline) SetDateline(id, dateline);
                known = id;
            }
            id = known!.Value;
            if (a.Teaser is not null) KeepTeaser(id, a.Teaser);
            KeepAddresses(id, record.Addresses, replace: _changes.Any(c => c.ArticleId == id && c.Kind == ChangeKind.New));
        }
        if (a.RemovedOn is { } removed) KeepRemoval(id, removed);
    });

    /// <summary>
    /// The page at this address is gone: the address is marked gone from the article found there,
    /// and the article is marked removed when it has no other address it is still found at (an
    /// item one section of a site dropped is still published under the others).
    /// </summary>
    public bool MarkRemoved(string url, DateOnly on)
    {
        var changed = false;
        Atomically(() =>
        {
            if (QueryId(AddressSql.FindLive, ("@url", url)) is not { } id) return;
            Execute(AddressSql.Gone, ("@on", on), ("@url", url), ("@id", id));
            if (QueryId(AddressSql.AnyLive, ("@id", id)) > 0) return;
            Execute("UPDATE articles SET removed_on = @on, updated_at = @now WHERE id = @id", ("@on", on), ("@now", Now), ("@id", id));
            AddEvent(id, "removed", on);
            Changed(new ArticleChange(id, 0, ChangeKind.Removed));
            changed = true;
        });
        return changed;
    }

    // An article found again at one of its addresses after it was marked removed is back.
    private void Restore(FoundArticle f, DateOnly? on)
    {
        var id = f.Id;
        if (!(f.Removed ?? QueryId("SELECT count(*) FROM articles WHERE id = @id AND removed_on IS NOT NULL", ("@id", id)) > 0)) return;
        Execute("UPDATE articles SET removed_on = NULL, updated_at = @now WHERE id = @id", ("@now", Now), ("@id", id));
        AddEvent(id, "restored", on ?? Today);
        Changed(new ArticleChange(id, 0, ChangeKind.Restored));
    }

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The day a capture saw its address: its own day, or today when it does not say.</summary>
    protected DateOnly Seen(ArticleCapture a) => a.Captured ?? Today;

    // The article was seen at the capture's address: kept unless the address already holds that sighting.
    private void SeeAddress(FoundArticle f, ArticleCapture a)
    {
        if (a.Url is null || KnowsSighting(f, a)) return;
        Execute(AddressSql.See, ("@url", a.Url), ("@id", f.Id), ("@seen", Seen(a)));
    }

    /// <summary>Whether the found article's address already says it was seen there on the capture's day.</summary>
    protected bool KnowsSighting(FoundArticle f, ArticleCapture a) =>
        a.Url is null || (f.AddressSeen is { } seen && !seen.Gone && Seen(a) >= seen.First && Seen(a) <= seen.Last);

    // An export's addresses: as they were for an article new to this archive, else joined to what it knows.
    private void KeepAddresses(long id, IReadOnlyList<ArticleAddress> addresses, bool replace)
    {
        foreach (var d in addresses)
        {
            if (replace) Execute("DELETE FROM article_addresses WHERE url = @url AND article_id = @id", ("@url", d.Url), ("@id", id));
            Execute($"INSERT INTO article_addresses (url, article_id, first_seen, last_seen, gone_on) VALUES (@url, @id, @first, @last, @gone) {AddressSql.Upsert}",
                ("@url", d.Url), ("@id", id), ("@first", d.FirstSeen), ("@last", d.LastSeen), ("@gone", d.GoneOn));
        }
    }

    /// <summary>Runs a statement of the SQL both backends share (parameters named with @), in the item's transaction.</summary>
    protected abstract void Execute(string sql, params (string Name, object? Value)[] args);

    /// <summary>The first column of the first row of a shared statement, as a number; null when there is none.</summary>
    protected abstract long? QueryId(string sql, params (string Name, object? Value)[] args);

    /// <summary>The moment the item is stored, as the backend keeps moments.</summary>
    protected abstract object Now { get; }

    // The changes of the item being stored.
    private readonly List<ArticleChange> _changes = [];

    /// <summary>
    /// Notes a change the item made: it goes back with the item's outcome, and into the archive's
    /// log of changes (<see cref="LogChange"/>) unless it changed nothing or the statement that made
    /// it logged it already.
    /// </summary>
    protected void Changed(ArticleChange change, bool logged = false)
    {
        if (change.IsLogged && !logged) LogChange(change);
        _changes.Add(change);
    }

    /// <summary>Adds a change to the archive's log, in the item's transaction.</summary>
    private void LogChange(ArticleChange change) =>
        Execute("INSERT INTO article_changes (article_id, version, kind, became_current, recorded_at) VALUES (@id, @version, @kind, @current, @now)",
            ("@id", change.ArticleId), ("@version", change.Version), ("@kind", ArticleChange.Name(change.Kind)), ("@current", change.BecameCurrent), ("@now", Now));

    public abstract void Commit();

    public abstract void Dispose();

    protected StoreOutcome Atomically(Action store)
    {
        BeginItem();
        _changes.Clear();
        try
        {
            store();
            EndItem();
            return StoreOutcome.Of([.. _changes]);
        }
        catch
        {
            UndoItem();
            // A source created inside the rolled-back item is gone again.
            _sourceIds.Clear();
            _changes.Clear();
            throw;
        }
    }

    /// <summary>Whether the source's id is known without asking the archive.</summary>
    protected bool KnowsSource(Source source) => _sourceIds.ContainsKey(source.Slug);

    protected long SourceId(Source source)
    {
        var slug = source.Slug;
        if (_sourceIds.TryGetValue(slug, out var id)) return id;
        id = StoreSource(source);
        _sourceIds[slug] = id;
        return id;
    }

    /// <summary>Begins the transaction when none is open, and an item's savepoint in it.</summary>
    protected abstract void BeginItem();

    /// <summary>Releases the item's savepoint: what it wrote waits for the commit.</summary>
    protected abstract void EndItem();

    /// <summary>Rolls back to the item's savepoint, and forgets what was remembered of the rows it wrote.</summary>
    protected abstract void UndoItem();

    /// <summary>
    /// Stores an article: the archive's rules, written once. It is new, or the completion of its
    /// stub, or a text it has had already (unchanged, though an earlier capture date or an address
    /// it lacked is kept), or a changed text: a new version, which becomes the current one unless it
    /// was captured before the current one. An article found again at its own address after it was
    /// marked removed is restored. What it did is said through <see cref="Changed"/>; the backend
    /// reads and writes the rows.
    /// </summary>
    private void RecordArticle(PreparedArticle prepared, long? knownId, out long id)
    {
        var a = prepared.Capture;
        var sourceId = SourceId(a.Source);
        if (FindArticle(prepared, sourceId, knownId) is not { } f)
        {
            id = InsertArticle(prepared, sourceId);
            Changed(new ArticleChange(id, 1, ChangeKind.New), logged: InsertLogsItsChange);
            return;
        }
        id = f.Id;
        if (a.Url is not null && f.AddressSeen is not null) Restore(f, a.Captured);
        SeeAddress(f, a);
        if (f.IsStub)
        {
            CompleteStub(f, prepared, sourceId);
            Changed(new ArticleChange(id, 1, ChangeKind.StubCompleted));
            return;
        }
        if (f.SameText ?? HasText(id, prepared.Hash))
        {
            if (AddsCaptureOrAddress(f, a)) KeepCaptureAndAddress(id, prepared);
            Changed(new ArticleChange(id, f.CurrentVersion, ChangeKind.Unchanged));
            return;
        }
        var number = f.VersionCount + 1;
        var current = CapturedOf(id, f.CurrentVersion);
        var becomesCurrent = a.Captured is null || current is null || a.Captured >= current;
        AddVersion(id, number, prepared);
        AddKey(sourceId, prepared, id);
        if (becomesCurrent) MakeCurrent(f, number, prepared);
        else KeepOlderVersion(id, number, prepared);
        Changed(new ArticleChange(id, number, ChangeKind.NewVersion, becomesCurrent));
    }

    /// <summary>Whether a capture of an article's text was made before its earliest, or gives it an address it lacks.</summary>
    protected static bool AddsCaptureOrAddress(FoundArticle f, ArticleCapture a) =>
        (a.Captured is { } c && (f.Captured is null || c < f.Captured)) || (f.Url is null && a.Url is not null);

    /// <summary>
    /// An article as a lookup finds it. <see cref="Removed"/> and <see cref="SameText"/> (one of its
    /// versions has the text being stored) are null where the lookup did not read them.
    /// </summary>
    protected readonly record struct FoundArticle(long Id, bool IsStub, int VersionCount, int CurrentVersion, DateOnly? Captured,
        string Title, string? Teaser, string? Url, bool? Removed = null, bool? SameText = null, AddressSighting? AddressSeen = null);

    /// <summary>What a found article's row for the capture's address says: null when it has no such address.</summary>
    protected readonly record struct AddressSighting(DateOnly First, DateOnly Last, bool Gone);

    /// <summary>
    /// The article by its id when known, else the one at its address, else the one of its source that
    /// has had its text (whatever its address), else the one under its source, date and title key with
    /// no other address. The found article's sighting of the capture's address goes with it.
    /// </summary>
    protected abstract FoundArticle? FindArticle(PreparedArticle prepared, long sourceId, long? knownId);

    /// <summary>Inserts a new article with its key, its first version, its address seen on <see cref="Seen"/>, its dateline and its search entry; returns its id.</summary>
    protected abstract long InsertArticle(PreparedArticle prepared, long sourceId);

    /// <summary>Whether <see cref="InsertArticle"/> logs the new article's change itself.</summary>
    protected virtual bool InsertLogsItsChange => false;

    /// <summary>Gives a stub its first version: complete, its title, address and teaser where it had none, its key and its search entry (its address row is the caller's).</summary>
    protected abstract void CompleteStub(FoundArticle stub, PreparedArticle prepared, long sourceId);

    /// <summary>Whether one of the article's versions has this text.</summary>
    protected abstract bool HasText(long id, string hash);

    /// <summary>Keeps an earlier capture date, and an address where the article had none.</summary>
    protected abstract void KeepCaptureAndAddress(long id, PreparedArticle prepared);

    /// <summary>When a version was captured, if it was said.</summary>
    protected abstract DateOnly? CapturedOf(long id, int version);

    /// <summary>Adds a version of the article's text, recorded now unless the export it comes from says when.</summary>
    protected void AddVersion(long id, int number, PreparedArticle prepared) =>
        Execute("INSERT INTO versions (article_id, number, title, body, hash, captured, recorded_at) VALUES (@id, @n, @title, @body, @hash, @captured, @now)",
            ("@id", id), ("@n", number), ("@title", prepared.Capture.Title), ("@body", prepared.Body), ("@hash", prepared.Hash),
            ("@captured", prepared.Capture.Captured), ("@now", Recorded is { } at ? Moment(at) : Now));

    /// <summary>A moment as the backend keeps moments.</summary>
    protected abstract object Moment(DateTimeOffset at);

    /// <summary>Files the article under this capture's source, date and title key too.</summary>
    protected abstract void AddKey(long sourceId, PreparedArticle prepared, long id);

    /// <summary>Files an article under a source, date and title key (parameters @source, @published, @key, @id).</summary>
    protected const string KeySql = "INSERT INTO article_keys (source_id, published, title_key, article_id) VALUES (@source, @published, @key, @id) ON CONFLICT DO NOTHING";

    /// <summary>Makes the new version the current one: the article's title, its search entry, its earliest capture and its address.</summary>
    protected abstract void MakeCurrent(FoundArticle article, int number, PreparedArticle prepared);

    /// <summary>Counts a version captured before the current one, which stays current.</summary>
    protected abstract void KeepOlderVersion(long id, int number, PreparedArticle prepared);

    /// <summary>
    /// Stores a card: a new stub first seen on <paramref name="seen"/> unless the archive knows its
    /// article (by source, date and title key: never by title alone), which then gets the card's
    /// teaser if it had none.
    /// </summary>
    private void RecordCard(PreparedCard card, DateOnly? seen)
    {
        var sourceId = SourceId(card.Capture.Source);
        if (IsSettled(card, sourceId)) return;
        var teaser = card.Capture.Teaser;
        long id;
        if (FindByCard(card, sourceId, url: null) is { } f)
        {
            if (f.Teaser is null && teaser is not null) GiveTeaser(f, teaser);
            id = f.Id;
            teaser ??= f.Teaser;
        }
        else
        {
            id = QueryId("""
                INSERT INTO articles (source_id, title, published, captured, teaser, status, version_count, created_at, updated_at)
                VALUES (@source, @title, @published, @captured, @teaser, 'stub', 0, @now, @now)
                RETURNING id
                """, ("@source", sourceId), ("@title", card.Capture.Title), ("@published", card.Capture.Published), ("@captured", seen),
                ("@teaser", card.Capture.Teaser), ("@now", Now))!.Value;
            FileStub(card, sourceId, id);
            Changed(new ArticleChange(id, 0, ChangeKind.StubAdded));
        }
        if (teaser is not null) Settled(card, sourceId, id);
    }

    /// <summary>The id of the article or stub a stored card stands for.</summary>
    private long FindCard(PreparedCard card, string? url) => FindByCard(card, SourceId(card.Capture.Source), url)!.Value.Id;

    /// <summary>The oldest article under the card's source, date and title key, whose address is none or this one.</summary>
    protected abstract FoundArticle? FindByCard(PreparedCard card, long sourceId, string? url);

    /// <summary>Files a stub just inserted under its key, and gives it its search entry.</summary>
    protected abstract void FileStub(PreparedCard card, long sourceId, long id);

    /// <summary>Gives an article that has none this teaser (a stub's is searched).</summary>
    protected abstract void GiveTeaser(FoundArticle article, string teaser);

    /// <summary>
    /// Whether a card is known to change nothing: its article is stored with a teaser. A backend
    /// may remember such cards (<see cref="Settled"/>), since most cards of a page were seen before.
    /// </summary>
    protected virtual bool IsSettled(PreparedCard card, long sourceId) => false;

    /// <summary>This card's article is stored with a teaser: the card changes nothing from now on.</summary>
    protected virtual void Settled(PreparedCard card, long sourceId, long id) { }

    protected abstract void SetDateline(long id, Dateline dateline);


    /// <summary>Gives the article this teaser when it has none.</summary>
    private void KeepTeaser(long id, string teaser) =>
        Execute("UPDATE articles SET teaser = @teaser WHERE id = @id AND teaser IS NULL", ("@teaser", teaser), ("@id", id));

    /// <summary>Marks the article removed on this day when it is not marked already.</summary>
    private void KeepRemoval(long id, DateOnly on) =>
        Execute("UPDATE articles SET removed_on = @on WHERE id = @id AND removed_on IS NULL", ("@on", on), ("@id", id));

    /// <summary>The id of the source, adding it and its outlet when the archive has neither.</summary>
    private long StoreSource(Source source)
    {
        if (QueryId("SELECT id FROM sources WHERE slug = @slug", ("@slug", source.Slug)) is { } existing) return existing;
        var o = source.Outlet;
        Execute("INSERT INTO outlets (slug, name, name_ko, site) VALUES (@slug, @name, @ko, @site) ON CONFLICT (slug) DO NOTHING",
            ("@slug", o.Slug), ("@name", o.Name), ("@ko", o.NameKo), ("@site", o.Site));
        return QueryId("""
            INSERT INTO sources (outlet_id, language, slug, label)
            VALUES ((SELECT id FROM outlets WHERE slug = @outlet), @lang, @slug, @label)
            RETURNING id
            """, ("@outlet", o.Slug), ("@lang", source.Language), ("@slug", source.Slug), ("@label", source.Label))!.Value;
    }

    /// <summary>Records that the article was found removed or restored on this day.</summary>
    private void AddEvent(long id, string kind, DateOnly on) =>
        Execute("INSERT INTO article_events (article_id, kind, on_date, recorded_at) VALUES (@id, @kind, @on, @now)",
            ("@id", id), ("@kind", kind), ("@on", on), ("@now", Now));
}
