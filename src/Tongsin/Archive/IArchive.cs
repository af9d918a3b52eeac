using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Archive;

/// <summary>
/// The archive: it keeps every article, every version and every stub, and never deletes.
/// SQLite and PostgreSQL implement it; one contract test suite holds both to the same behaviour.
/// Implementations are safe to share between threads; an import session is not.
/// </summary>
public interface IArchive : IDisposable
{
    /// <summary>Where the archive lives, for messages: a file path or a server address.</summary>
    string Location { get; }

    /// <summary>Starts writing. Each page stored through the session goes in whole or not at all.</summary>
    IImportSession BeginImport();

    ArticleRecord? FindArticle(long id);

    /// <summary>Every version of an article, oldest first; empty for a stub.</summary>
    IReadOnlyList<ArticleVersion> Versions(long articleId);

    /// <summary>Every address the article was found under, the one it was first found under first.</summary>
    IReadOnlyList<ArticleAddress> Addresses(long articleId);

    /// <summary>The article an id was merged into (the same text, found under another address), if it was.</summary>
    long? MergedInto(long id);

    /// <summary>Articles and stubs in publication order, each with its versions, read lazily.</summary>
    IEnumerable<ArticleHistory> Export(ArticleFilter filter);

    /// <summary>
    /// Runs a search within its bounds (<see cref="SearchRequest.Bounds"/>): past its budget it
    /// throws <see cref="SearchBudgetException"/>, and when <paramref name="cancel"/> ends, the
    /// database work stops and it throws <see cref="OperationCanceledException"/>.
    /// </summary>
    SearchResults Search(SearchRequest request, CancellationToken cancel = default);

    /// <summary>
    /// How many articles a query matches, per source and bucket of time, the empty cells left out;
    /// a blank query counts every article the request's own scope (sources, language, dates)
    /// covers. The same bounds as a search; the same mistakes are <see cref="QueryException"/>s.
    /// With <paramref name="once"/>, the matching articles of one group count once (<see cref="TallyGroups"/>).
    /// </summary>
    IReadOnlyList<TallyCount> Tally(SearchRequest request, TallyInterval interval, CancellationToken cancel = default, TallyGroups? once = null);

    /// <summary>A page of articles and stubs, newest first; see <see cref="ArticleQuery"/>.</summary>
    ArticleListing ListArticles(ArticleQuery query);

    /// <summary>Every source with its article and stub counts and dates: a pass over every article.</summary>
    IReadOnlyList<SourceSummary> Sources();

    /// <summary>Every source, without counting anything: for resolving and listing names.</summary>
    IReadOnlyList<Source> SourceList();

    /// <summary>One source with its counts and dates, or null when the archive has none of that slug.</summary>
    SourceSummary? FindSource(string slug);

    ArchiveStats Stats();

    /// <summary>The crawl's queue of pages, kept in the archive.</summary>
    ICrawlQueue CrawlQueue { get; }

    /// <summary>
    /// A connection of its own to the archive's database, open, for what is derived from the
    /// archive (the analysers' tables, its log of changes): SQL written once for both backends.
    /// </summary>
    System.Data.Common.DbConnection Connect();
}

/// <summary>
/// Writes into the archive. Store methods are atomic per item; Commit makes everything stored
/// so far durable. Disposing without Commit discards what was stored since the last Commit.
/// </summary>
public interface IImportSession : IDisposable
{
    StoreOutcome Store(PageCapture page);

    /// <summary>Stores a page whose derived values were worked out ahead; the same as storing its capture.</summary>
    StoreOutcome Store(PreparedPage page) => Store(page.Capture);

    /// <summary>Stores an article read from an export, with its history and removal mark.</summary>
    StoreOutcome Store(ArticleHistory record);

    /// <summary>
    /// Stores pages in order, each as <see cref="Store(PreparedPage)"/> would, each whole or not at
    /// all: the result of each is its outcome or the error that kept it out. A backend may write
    /// many pages in one exchange with its server.
    /// </summary>
    IReadOnlyList<PageResult> StoreAll(IReadOnlyList<PreparedPage> pages)
    {
        var results = new PageResult[pages.Count];
        for (var i = 0; i < pages.Count; i++) results[i] = PageResult.Of(() => Store(pages[i]));
        return results;
    }

    /// <summary>
    /// Marks the article at this address removed from its outlet, found so on the given day; its
    /// text stays. False when there is no such article or it is already marked.
    /// </summary>
    bool MarkRemoved(string url, DateOnly on);

    void Commit();
}

/// <summary>What storing one page of several did, or the error that kept it out.</summary>
public readonly record struct PageResult(StoreOutcome Outcome, Exception? Error)
{
    /// <summary>What <paramref name="store"/> did, or the error that kept its item out.</summary>
    public static PageResult Of(Func<StoreOutcome> store)
    {
        try { return new PageResult(store(), null); }
        catch (Exception e) when (e is not OutOfMemoryException) { return new PageResult(default, e); }
    }
}

/// <summary>
/// What storing one item (or several, added up) did: the articles counted by what happened to
/// each, and <see cref="Changes"/>, the changes themselves. A completed stub counts as new. The
/// counts come from the changes (<see cref="Of"/>), an article counted once whatever number of
/// changes it had: new if it was new or completed, else updated if it had a new version, else a
/// new stub, else unchanged.
/// </summary>
public readonly record struct StoreOutcome(int New, int Updated, int Unchanged, int NewStubs, int CompletedStubs)
{
    private readonly IReadOnlyList<ArticleChange>? _changes;

    /// <summary>The changes this outcome counts, in the order they were made.</summary>
    public IReadOnlyList<ArticleChange> Changes
    {
        get => _changes ?? [];
        init => _changes = value;
    }

    public static StoreOutcome Of(IReadOnlyList<ArticleChange> changes)
    {
        int created = 0, updated = 0, unchanged = 0, stubs = 0, completed = 0;
        foreach (var article in changes.GroupBy(c => c.ArticleId))
        {
            var kinds = article.Select(c => c.Kind).ToHashSet();
            if (kinds.Contains(ChangeKind.StubCompleted)) { created++; completed++; }
            else if (kinds.Contains(ChangeKind.New)) created++;
            else if (kinds.Contains(ChangeKind.NewVersion)) updated++;
            else if (kinds.Contains(ChangeKind.StubAdded)) stubs++;
            else if (kinds.Contains(ChangeKind.Unchanged)) unchanged++;
        }
        return new StoreOutcome(created, updated, unchanged, stubs, completed) { Changes = changes };
    }

    /// <summary>Two outcomes are equal when they count the same: the changes are how they came about.</summary>
    public bool Equals(StoreOutcome other) =>
        New == other.New && Updated == other.Updated && Unchanged == other.Unchanged && NewStubs == other.NewStubs && CompletedStubs == other.CompletedStubs;

    public override int GetHashCode() => HashCode.Combine(New, Updated, Unchanged, NewStubs, CompletedStubs);

    /// <summary>The counts alone, for a running total that need not hold every change of a long import.</summary>
    public StoreOutcome Counts => this with { Changes = [] };

    public static StoreOutcome operator +(StoreOutcome a, StoreOutcome b) =>
        new(a.New + b.New, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.NewStubs + b.NewStubs, a.CompletedStubs + b.CompletedStubs)
        {
            Changes = a.Changes.Count == 0 ? b.Changes : b.Changes.Count == 0 ? a.Changes : [.. a.Changes, .. b.Changes],
        };
}

/// <summary>Which articles an export or a listing covers. Empty source list means every source.</summary>
public sealed record ArticleFilter(
    IReadOnlyList<string>? SourceSlugs = null,
    DateOnly? From = null,
    DateOnly? To = null);

public sealed record SourceSummary(Source Source, long Articles, long Stubs, DateOnly? First, DateOnly? Last);

public sealed record ArchiveStats(
    long Articles,
    long Stubs,
    long Versions,
    long Removed,
    long Sources,
    DateOnly? FirstPublished,
    DateOnly? LastPublished,
    long SizeBytes,
    int SchemaVersion);
