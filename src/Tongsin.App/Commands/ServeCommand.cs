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
        var baseUrl = new Option<string?>("--base-url") { Description = "The address readers use, such as https://tongsin.example.org; feeds' links are written with it (default: the first of --urls)" };
        var allowedHosts = new Option<string?>("--allowed-hosts") { Description = "Host names requests may name, separated by ','; '*' allows any (default: the base URL's host and, on loopback, localhost, 127.0.0.1 and [::1])" };
        var crawl = new Option<bool>("--crawl") { Description = "Also crawl the configured sources in the background, a pass as often as the most frequent source asks" };
        var config = new Option<string?>("--config") { Description = "The crawl configuration, with --crawl (default as for 'tongsin crawl')" };
        var command = new Command("serve", "Serve the archive as a website, a JSON API and feeds (read-only)");
        command.Options.Add(urls);
        command.Options.Add(rate);
        command.Options.Add(budget);
        command.Options.Add(baseUrl);
        command.Options.Add(allowedHosts);
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
            var site = ParseBaseUrl(parse.GetValue(baseUrl));
            if (site is null && SiteAddress.IsWildcard(new Uri(addresses[0]).Host))
                throw new UsageException($"--urls {addresses[0]} listens on every address, which names none: give --base-url, the address readers use (feeds' links are written with it)");
            var hosts = ParseAllowedHosts(parse.GetValue(allowedHosts));

            var crawling = parse.GetValue(crawl);
            var crawlSetup = crawling ? CrawlSetup.Load(parse.GetValue(config), context.Location(parse), context.Console) : default;
            using var archive = context.OpenArchive(parse, create: crawling);
            var options = new WebOptions
            {
                Urls = addresses,
                RequestsPerWindow = perMinute,
                BaseUrl = site,
                AllowedHosts = hosts,
                SearchBounds = Tongsin.Search.SearchBounds.Default with { Budget = TimeSpan.FromSeconds(seconds) },
            };
            var app = WebServer.Build(archive, options, context.Console.Clock);
            var started = false;
            try
            {
                app.StartAsync(context.Console.Cancel).GetAwaiter().GetResult();
                started = true;
                var readers = site is null ? "" : $" for {site.GetLeftPart(UriPartial.Authority)}";
                context.Console.Out.WriteLine($"Serving {archive.Location} at {string.Join(", ", app.Urls)}{readers} (Ctrl+C stops)");
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

    /// <summary>A scheme and a host (and a port): the site's pages link from the root, so it cannot live under a path.</summary>
    internal static Uri? ParseBaseUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0 || SiteAddress.IsWildcard(uri.Host))
            throw new UsageException($"--base-url '{text}' is not an address like https://tongsin.example.org");
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new UsageException($"--base-url '{text}' has a path; give the scheme and host only, like https://tongsin.example.org (the site is served from the root)");
        return uri;
    }

    /// <summary>Host names, IPv6 addresses in brackets or not, '*.example.org' or '*'; no scheme, path or port.</summary>
    internal static IReadOnlyList<string>? ParseAllowedHosts(string? text)
    {
        if (text is null) return null;
        var hosts = new List<string>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPAddress.TryParse(entry, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
                hosts.Add("[" + entry + "]");
            else if (entry.Contains('/') || (entry.Contains(':') && !entry.StartsWith('[')) || entry.Contains(' '))
                throw new UsageException($"--allowed-hosts '{entry}' is not a host name; give names like tongsin.example.org or *.example.org, without scheme or port");
            else hosts.Add(entry);
        }
        if (hosts.Count == 0) throw new UsageException("--allowed-hosts is empty; give host names separated by ',', or '*' for any");
        return hosts;
    }
}
