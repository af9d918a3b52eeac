using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Tongsin.App.Web;

namespace Tongsin.App.Commands;

internal static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, separated by ';'. Port 0 picks a free port", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per minute from one client address; 0 for no limit", DefaultValueFactory = _ => 600 };
        var budget = new Option<double>("--search-budget") { Description = "How many seconds one search may take, its wait for a turn included, before it is answered 503", DefaultValueFactory = _ => Tongsin.Search.SearchBounds.Default.Budget.TotalSeconds };
        var crawl = new Option<bool>("--crawl") { Description = "Also crawl the configured sources in the background, a pass as often as the most frequent source asks" };
        var config = new Option<string?>("--config") { Description = "The crawl configuration, with --crawl (default as for 'tongsin crawl')" };
        var command = new Command("serve", "Serve the archive as a website, a JSON API and feeds (read-only)");
        command.Options.Add(urls);
        command.Options.Add(rate);
        command.Options.Add(budget);
        command.Options.Add(crawl);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            var perMinute = parse.GetValue(rate);
            if (perMinute < 0) throw new UsageException($"--rate-limit must be 0 or more, not {perMinute}");
            var seconds = parse.GetValue(budget);
            if (!(seconds > 0 && seconds <= 600)) throw new UsageException($"--search-budget must be a number of seconds above 0 and at most 600, not {seconds}");
            var addresses = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var address in addresses)
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                    throw new UsageException($"--urls '{address}' is not an address like http://127.0.0.1:5080");

            var crawling = parse.GetValue(crawl);
            var crawlSetup = crawling ? CrawlSetup.Load(parse.GetValue(config), context.Location(parse), context.Console) : default;
            using var archive = context.OpenArchive(parse, create: crawling);
            var options = new WebOptions
            {
                Urls = addresses,
                RequestsPerWindow = perMinute,
                SearchBounds = Tongsin.Search.SearchBounds.Default with { Budget = TimeSpan.FromSeconds(seconds) },
            };
            var app = WebServer.Build(archive, options, context.Console.Clock);
            var started = false;
            try
            {
                app.StartAsync(context.Console.Cancel).GetAwaiter().GetResult();
                started = true;
                context.Console.Out.WriteLine($"Serving {archive.Location} at {string.Join(", ", app.Urls)} (Ctrl+C stops)");
                context.Console.Out.Flush();
                using var stopCrawl = CancellationTokenSource.CreateLinkedTokenSource(context.Console.Cancel);
                var background = crawling ? BackgroundCrawl.Run(archive, crawlSetup.Config, context.Console, stopCrawl.Token) : Task.CompletedTask;
                app.WaitForShutdownAsync(context.Console.Cancel).GetAwaiter().GetResult();
                stopCrawl.Cancel();
                background.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (context.Console.Cancel.IsCancellationRequested)
            {
                // Ctrl+C before the server was up: nothing to stop.
            }
            finally
            {
                if (started) app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                ((IDisposable)app).Dispose();
            }
            return 0;
        });
        return command;
    }
}
