using Tongsin.Archive;
using Tongsin.Ingest.Crawl;

namespace Tongsin.App.Commands;

/// <summary>The crawler beside the web server: a pass, a pause as long as the most frequent source asks, again.</summary>
internal static class BackgroundCrawl
{
    public static Task Run(IArchive archive, CrawlConfig config, CliConsole console, CancellationToken stop) => Task.Run(async () =>
    {
        using var fetcher = CrawlSetup.Fetcher(config, console, ignoreRobots: false);
        var crawler = CrawlSetup.Crawler(archive, config, fetcher, console, log: null);
        var pause = config.Sources.Where(s => s.Enabled).Select(s => s.Every).DefaultIfEmpty(TimeSpan.FromHours(1)).Min();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                CrawlCommand.Print(console, await crawler.RunPassAsync(null, stop));
                AnalyseCommand.AfterCommit(console, archive);
                await Task.Delay(pause, console.Clock, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A pass that breaks is reported and the server goes on; the next pass starts from the queue.
                console.Error.WriteLine($"crawl: {e.GetType().Name}: {e.Message}");
                try { await Task.Delay(pause, console.Clock, stop); } catch (OperationCanceledException) { break; }
            }
        }
    }, CancellationToken.None);
}
