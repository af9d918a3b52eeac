using Tongsin.Archive;
using Tongsin.Ingest.Fetch;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Ingest.Crawl;

/// <summary>What one pass did.</summary>
public sealed record CrawlSummary(
    int ListingsRead,
    int PagesFound,
    int Fetched,
    StoreOutcome Stored,
    int NotModified,
    int Removed,
    int Failed,
    int Deferred,
    IReadOnlyList<string> Problems);

/// <summary>Hears what a crawl does, for logs.</summary>
public interface ICrawlLog
{
    void Note(string line);
}

/// <summary>
/// One crawl pass: read the listings of the sources that are due, add the articles they link to
/// to the queue, then fetch every page that is due, new ones and rechecks alike, and archive what
/// they say. Everything the pass learns is in the archive as soon as it is learnt, so a pass
/// stopped at any moment loses nothing and the next one goes on from there.
/// </summary>
public sealed class Crawler(IArchive archive, IReadOnlyList<ISiteAdapter> adapters, PageFetcher fetcher, CrawlConfig config, TimeProvider clock, ICrawlLog? log = null)
{
    private const int Batch = 32;
    // Names this process's claims in the queue, so a lease can be told from another worker's.
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<CrawlSummary> RunPassAsync(IReadOnlyCollection<CrawlSource>? only = null, CancellationToken cancel = default)
    {
        var sources = (only ?? config.Sources).Where(s => s.Enabled).ToList();
        var tally = new Tally();
        foreach (var source in sources)
        {
            cancel.ThrowIfCancellationRequested();
            var last = archive.CrawlQueue.ListedAt(source.Name);
            if (last is { } at && clock.GetUtcNow() - at < source.Every) continue;
            await ReadListings(source, tally, cancel);
        }
        var names = sources.Select(s => s.Name).ToList();
        while (!cancel.IsCancellationRequested)
        {
            var lease = TimeSpan.FromMinutes(10) + sources.Select(s => s.Politeness.Delay * Batch * 2).DefaultIfEmpty(TimeSpan.Zero).Max();
            var due = archive.CrawlQueue.Claim(_worker, clock.GetUtcNow(), lease, Batch, names);
            if (due.Count == 0) break;
            await FetchArticles(due, tally, cancel);
        }
        return tally.Summary();
    }

    private ISiteAdapter Adapter(string site) =>
        adapters.FirstOrDefault(a => string.Equals(a.Site, site, StringComparison.OrdinalIgnoreCase))
        ?? throw new CrawlConfigException($"no adapter for the site '{site}'; known sites: {string.Join(", ", adapters.Select(a => a.Site))}");

    private async Task ReadListings(CrawlSource source, Tally tally, CancellationToken cancel)
    {
        var adapter = Adapter(source.Site);
        var firstPass = archive.CrawlQueue.ListedAt(source.Name) is null;
        var complete = true;
        foreach (var start in adapter.Listings(source.BaseUrl, source.Language))
        {
            var request = start;
            for (var page = 0; request is not null && page < source.ListingPages; page++)
            {
                var result = await fetcher.FetchAsync(request, null, cancel);
                if (result.Outcome != FetchOutcome.Fetched)
                {
                    tally.Problem($"{request}: listing {Describe(result)}");
                    if (result.Outcome is FetchOutcome.Deferred or FetchOutcome.Failed) complete = false;
                    break;
                }
                ListingPage listing;
                try { listing = adapter.ReadListing(result.Html!, result.FinalUrl ?? request.Url); }
                catch (ImportFailureException e)
                {
                    tally.Problem($"{request}: listing {e.Describe()}");
                    complete = false;
                    break;
                }
                tally.ListingsRead++;
                var added = archive.CrawlQueue.Add(
                    listing.Items.Select(i => new FoundPage(i.Url, source.Name, source.Site, i.Title, i.Published)), clock.GetUtcNow());
                tally.PagesFound += added;
                log?.Note($"{request}: {listing.Items.Count} items, {added} new");
                // Older listing pages hold nothing new once a page is all known; the first pass reads as far as allowed.
                if (added == 0 && !firstPass) break;
                request = listing.Next;
            }
        }
        // A source whose listings could not be read is tried again on the next pass.
        if (complete) archive.CrawlQueue.MarkListed(source.Name, clock.GetUtcNow());
    }

    private async Task FetchArticles(IReadOnlyList<CrawlPage> pages, Tally tally, CancellationToken cancel)
    {
        FetchResult[] results;
        try
        {
            results = await Task.WhenAll(pages.Select(p => fetcher.FetchAsync(new PageRequest(p.Url), p.Validators, cancel)));
        }
        catch (OperationCanceledException)
        {
            archive.CrawlQueue.Release(pages.Select(p => p.Id), clock.GetUtcNow());
            throw;
        }

        var records = new List<FetchRecord>();
        var released = new List<(long Id, DateTimeOffset At)>();
        using (var session = archive.BeginImport())
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var result = results[i];
                var now = clock.GetUtcNow();
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                var next = config.NextRecheck(page.FirstSeenAt, now);
                switch (result.Outcome)
                {
                    case FetchOutcome.Fetched:
                        tally.Fetched++;
                        ArticleReading reading;
                        try { reading = Adapter(page.Site).ReadArticle(result.Html!, page.Url); }
                        catch (ImportFailureException e)
                        {
                            tally.Failed++;
                            tally.Problem($"{page.Url}: {e.Describe()}");
                            records.Add(new FetchRecord(page.Id, CrawlPageState.Failed, now, now + Backoff(page.Attempts + 1), Validators.None, page.Attempts + 1, e.Describe()));
                            break;
                        }
                        if (reading.State == ArticleState.Gone)
                        {
                            if (session.MarkRemoved(page.Url.ToString(), today)) tally.Removed++;
                            records.Add(new FetchRecord(page.Id, CrawlPageState.Gone, now, next, Validators.None, 0));
                            break;
                        }
                        var article = reading.Article! with { Captured = today, Url = page.Url.ToString() };
                        tally.Stored += session.Store(new PageCapture(article, [])).Counts;
                        records.Add(new FetchRecord(page.Id, CrawlPageState.Fetched, now, next, result.Validators, 0));
                        break;
                    case FetchOutcome.NotModified:
                        tally.NotModified++;
                        records.Add(new FetchRecord(page.Id, CrawlPageState.Fetched, now, next, result.Validators, 0));
                        break;
                    case FetchOutcome.Missing:
                        if (session.MarkRemoved(page.Url.ToString(), today)) tally.Removed++;
                        records.Add(new FetchRecord(page.Id, CrawlPageState.Gone, now, next, Validators.None, 0));
                        break;
                    case FetchOutcome.Forbidden:
                        tally.Problem($"{page.Url}: {result.Error}");
                        records.Add(new FetchRecord(page.Id, CrawlPageState.Forbidden, now, null, Validators.None, page.Attempts, result.Error));
                        break;
                    case FetchOutcome.Deferred:
                        tally.Deferred++;
                        released.Add((page.Id, result.RetryAt ?? now + TimeSpan.FromMinutes(1)));
                        break;
                    default:
                        tally.Failed++;
                        tally.Problem($"{page.Url}: {Describe(result)}");
                        records.Add(new FetchRecord(page.Id, page.State == CrawlPageState.Pending ? CrawlPageState.Pending : page.State,
                            now, now + Backoff(page.Attempts + 1), page.Validators, page.Attempts + 1, result.Error));
                        break;
                }
            }
            // The articles are durable before the queue says they were fetched: a stop in between only refetches.
            session.Commit();
        }
        archive.CrawlQueue.Complete(records);
        foreach (var group in released.GroupBy(r => r.At)) archive.CrawlQueue.Release(group.Select(r => r.Id), group.Key);
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(24 * 60, 10 * Math.Pow(2, Math.Min(attempts - 1, 10))));

    private static string Describe(FetchResult r) => r.Outcome switch
    {
        FetchOutcome.Missing => $"missing (HTTP {r.Status})",
        FetchOutcome.Deferred => $"deferred until {r.RetryAt:HH:mm:ss} ({r.Error})",
        FetchOutcome.Forbidden => "forbidden by robots.txt",
        _ => $"failed ({r.Error})",
    };

    private sealed class Tally
    {
        public int ListingsRead, PagesFound, Fetched, NotModified, Removed, Failed, Deferred;
        public StoreOutcome Stored;
        private readonly List<string> _problems = [];
        public void Problem(string p) => _problems.Add(p);
        public CrawlSummary Summary() => new(ListingsRead, PagesFound, Fetched, Stored, NotModified, Removed, Failed, Deferred, _problems);
    }
}
