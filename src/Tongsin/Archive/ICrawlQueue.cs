using Tongsin.Model;

namespace Tongsin.Archive;

/// <summary>An article page a crawl has found and will fetch, again and again on a schedule.</summary>
public sealed record CrawlPage(
    long Id,
    Uri Url,
    string CrawlSource,
    string Site,
    string? ListedTitle,
    DateOnly? ListedDate,
    CrawlPageState State,
    DateTimeOffset FirstSeenAt,
    int Attempts,
    Validators Validators);

public enum CrawlPageState { Pending, Fetched, Gone, Failed, Forbidden }

/// <summary>A page found on a listing, to be fetched.</summary>
public sealed record FoundPage(Uri Url, string CrawlSource, string Site, string? ListedTitle, DateOnly? ListedDate);

/// <summary>What became of one fetch, and when to fetch the page again (null: never).</summary>
public sealed record FetchRecord(
    long PageId,
    CrawlPageState State,
    DateTimeOffset FetchedAt,
    DateTimeOffset? NextFetchAt,
    Validators Validators,
    int Attempts,
    string? Error = null);

/// <summary>
/// The crawl's memory, kept in the archive so a crawl stopped at any moment resumes where it was.
/// Pages are claimed with a lease: a claim that is not completed in time returns to the queue.
/// </summary>
public interface ICrawlQueue
{
    /// <summary>Adds pages not known yet, due at once. Returns how many were new.</summary>
    int Add(IEnumerable<FoundPage> pages, DateTimeOffset now);

    /// <summary>Claims up to <paramref name="limit"/> pages due by <paramref name="now"/>, oldest due first.</summary>
    IReadOnlyList<CrawlPage> Claim(string worker, DateTimeOffset now, TimeSpan lease, int limit, IReadOnlyCollection<string>? crawlSources = null);

    /// <summary>Records fetches and releases their claims.</summary>
    void Complete(IEnumerable<FetchRecord> records);

    /// <summary>Gives claimed pages back, due at the given time (a host backing off, a crawl stopping).</summary>
    void Release(IEnumerable<long> pageIds, DateTimeOffset dueAt);

    DateTimeOffset? ListedAt(string crawlSource);

    void MarkListed(string crawlSource, DateTimeOffset at);
}
