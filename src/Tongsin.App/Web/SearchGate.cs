using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web;

/// <summary>
/// Every search the site runs goes through here: at most <see cref="WebOptions.Searches"/> at once,
/// the others waiting without holding a thread, so that a burst of costly searches leaves threads
/// and cores to everything else. A search's budget starts when its request arrives: the wait for a
/// place counts against it, and a request that cannot start in time is a 503 that says the server
/// is busy. The client's leaving ends the wait and the search. A search runs on a thread of its
/// own, since the archive's reads block.
/// </summary>
internal sealed class SearchGate(IArchive archive, WebOptions options)
{
    private readonly SemaphoreSlim _places = new(options.Searches, options.Searches);

    public Task<SearchResults> Search(HttpContext context, SearchRequest request) =>
        Run(context, (bounds, cancel) => archive.Search(request with { Bounds = bounds }, cancel));

    /// <summary>Any work of the search's kind (a tally, a trend), under the same gate and budget: it is given the bounds left to it.</summary>
    public async Task<T> Run<T>(HttpContext context, Func<SearchBounds, CancellationToken, T> work)
    {
        var bounds = options.SearchBounds;
        var arrived = Stopwatch.GetTimestamp();
        var cancel = context.RequestAborted;
        if (!await _places.WaitAsync(bounds.Budget, cancel)) throw new SearchBudgetException(bounds.Budget, busy: true);
        try
        {
            var left = bounds.Budget == Timeout.InfiniteTimeSpan ? bounds.Budget : bounds.Budget - Stopwatch.GetElapsedTime(arrived);
            if (left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero) throw new SearchBudgetException(bounds.Budget);
            // A thread of its own, not one of the pool's: the pool's few threads stay free for pages and for the waits here.
            return await Task.Factory.StartNew(() => work(bounds with { Budget = left }, cancel),
                cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally { _places.Release(); }
    }
}
