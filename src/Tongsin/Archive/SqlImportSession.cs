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
        }
        if (a.RemovedOn is { } removed) KeepRemoval(id, removed);
    });

    public bool MarkRemoved(string url, DateOnly on)
    {
        var changed = false;
        Atomically(() =>
        {
            if (FindUnremoved(url) is not { } id) return;
            SetRemoved(id, on);
            AddEvent(id, "removed", on);
            Changed(new ArticleChange(id, 0, ChangeKind.Removed));
            changed = true;
        });
        return changed;
    }

    // An article found again at its own address after it was marked removed is back.
    protected void Restore(long id, DateOnly? on)
    {
        if (!IsRemoved(id)) return;
        ClearRemoved(id);
        AddEvent(id, "restored", on ?? DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        Changed(new ArticleChange(id, 0, ChangeKind.Restored));
    }

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
    protected abstract void LogChange(ArticleChange change);

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
    /// Stores an article as new, as the completion of its stub, as unchanged, or as a new version,
    /// and says which through <see cref="Changed"/>.
    /// </summary>
    protected abstract void RecordArticle(PreparedArticle prepared, long? knownId, out long id);

    /// <summary>Stores a card as a stub first seen on <paramref name="seen"/>, unless its article is known, and says so through <see cref="Changed"/>.</summary>
    protected abstract void RecordCard(PreparedCard card, DateOnly? seen);

    protected abstract void SetDateline(long id, Dateline dateline);

    /// <summary>The id of the article or stub a stored card stands for.</summary>
    protected abstract long FindCard(PreparedCard card, string? url);

    /// <summary>Gives the article this teaser when it has none.</summary>
    protected abstract void KeepTeaser(long id, string teaser);

    /// <summary>Marks the article removed on this day when it is not marked already.</summary>
    protected abstract void KeepRemoval(long id, DateOnly on);

    /// <summary>The id of the source, adding it and its outlet when the archive has neither.</summary>
    protected abstract long StoreSource(Source source);

    /// <summary>The first article at this address that is not marked removed, if any.</summary>
    protected abstract long? FindUnremoved(string url);

    protected abstract bool IsRemoved(long id);

    protected abstract void SetRemoved(long id, DateOnly on);

    protected abstract void ClearRemoved(long id);

    /// <summary>Records that the article was found removed or restored on this day.</summary>
    protected abstract void AddEvent(long id, string kind, DateOnly on);
}
