using System.CommandLine;
using Tongsin.Ingest.Crawl;

namespace Tongsin.App.Commands;

internal static class CrawlCommand
{
    public static Command Create(CommandContext context)
    {
        var config = new Option<string?>("--config") { Description = "The crawl configuration (JSON); see docs/crawling.md. Default: $TONGSIN_CRAWL_CONFIG, crawl.json beside the archive, or the outlets' own sites" };
        var every = new Option<string?>("--every") { Description = "Crawl again and again, a pass every DURATION (like 15m, 1h); without it, one pass" };
        var sources = new Option<string[]>("--source") { Description = "Only this crawl source (\"kcna.kp/en\") or site (\"kcna.kp\"); repeatable" };
        var noRobots = new Option<bool>("--ignore-robots") { Description = "Fetch pages robots.txt forbids (for a mirror or a test site of your own)" };
        var quiet = new Option<bool>("--quiet") { Description = "Only the summary of each pass" };
        var command = new Command("crawl", "Fetch the outlets' listings and articles and archive them, with versions for edits and marks for removals");
        command.Options.Add(config);
        command.Options.Add(every);
        command.Options.Add(sources);
        command.Options.Add(noRobots);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var console = context.Console;
            var interval = parse.GetValue(every) is { } e ? Duration(e) : (TimeSpan?)null;
            var location = context.Location(parse);
            var (crawl, origin) = CrawlSetup.Load(parse.GetValue(config), location, console);
            var chosen = CrawlSetup.Select(crawl, parse.GetValue(sources) ?? []);
            using var archive = context.OpenArchive(parse, create: true);
            using var fetcher = CrawlSetup.Fetcher(crawl, console, parse.GetValue(noRobots));
            var log = parse.GetValue(quiet) ? null : new ConsoleLog(console);
            var crawler = CrawlSetup.Crawler(archive, crawl, fetcher, console, log);
            console.Error.WriteLine($"crawling {string.Join(", ", chosen.Select(s => s.Name))} ({origin} configuration) into {archive.Location}");
            var failedPasses = 0;
            try
            {
                while (true)
                {
                    var summary = crawler.RunPassAsync(chosen, console.Cancel).GetAwaiter().GetResult();
                    Print(console, summary);
                    AnalyseCommand.AfterCommit(console, archive);
                    if (summary.Failed > 0) failedPasses++;
                    if (interval is null) break;
                    Task.Delay(interval.Value, console.Clock, console.Cancel).GetAwaiter().GetResult();
                }
            }
            catch (OperationCanceledException) when (console.Cancel.IsCancellationRequested)
            {
                console.Out.WriteLine("stopped: everything fetched so far is archived; the next crawl goes on from here");
            }
            return failedPasses > 0 && interval is null ? 1 : 0;
        });
        return command;
    }

    private static TimeSpan Duration(string text)
    {
        try
        {
            var d = CrawlConfig.Duration(text, "--every");
            return d >= TimeSpan.FromSeconds(1) ? d : throw new UsageException("--every must be at least 1s");
        }
        catch (CrawlConfigException e) { throw new UsageException(e.Message); }
    }

    internal static void Print(CliConsole console, CrawlSummary s)
    {
        var o = s.Stored;
        console.Out.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z pass: {s.ListingsRead} listings, {s.PagesFound} new pages found, {s.Fetched} fetched: "
            + $"{o.New} new, {o.Updated} updated, {o.Unchanged + s.NotModified} unchanged, {s.Removed} removed, {s.Failed} failed, {s.Deferred} deferred");
        foreach (var p in s.Problems.Take(20)) console.Error.WriteLine($"  {p}");
        if (s.Problems.Count > 20) console.Error.WriteLine($"  ... and {s.Problems.Count - 20} more");
        console.Out.Flush();
    }

    private sealed class ConsoleLog(CliConsole console) : ICrawlLog
    {
        public void Note(string line) => console.Error.WriteLine(line);
    }
}
