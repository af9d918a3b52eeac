using Tongsin.Archive;
using Tongsin.Ingest.Crawl;
using Tongsin.Ingest.Fetch;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.App.Commands;

/// <summary>
/// Where the crawl configuration comes from: --config, else TONGSIN_CRAWL_CONFIG, else crawl.json
/// beside an SQLite archive, else the outlets' own sites as built in.
/// </summary>
internal static class CrawlSetup
{
    public static (CrawlConfig Config, string Origin) Load(string? option, string archiveLocation, CliConsole console)
    {
        var path = option ?? console.Environment("TONGSIN_CRAWL_CONFIG");
        if (path is null && !archiveLocation.Contains("://", StringComparison.Ordinal))
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(archiveLocation)) ?? ".", "crawl.json");
            if (File.Exists(beside)) path = beside;
        }
        if (path is null) return (CrawlConfig.Default, "built in");
        try { return (CrawlConfig.Load(path), path); }
        catch (CrawlConfigException e) { throw new UsageException(e.Message); }
    }

    /// <summary>The sources a --source option names (by name "kcna.kp/en", site, or language of a site), or all.</summary>
    public static IReadOnlyList<CrawlSource> Select(CrawlConfig config, string[] names)
    {
        if (names.Length == 0) return config.Sources;
        var chosen = new List<CrawlSource>();
        foreach (var name in names)
        {
            var match = config.Sources.Where(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || s.Site.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
                throw new UsageException($"no crawl source '{name}'; configured: {string.Join(", ", config.Sources.Select(s => s.Name))}");
            chosen.AddRange(match);
        }
        return chosen.Distinct().ToList();
    }

    public static Crawler Crawler(IArchive archive, CrawlConfig config, PageFetcher fetcher, CliConsole console, ICrawlLog? log) =>
        new(archive, new SiteCatalog(new OutletCatalog()).All, fetcher, config, console.Clock, log);

    public static PageFetcher Fetcher(CrawlConfig config, CliConsole console, bool ignoreRobots) =>
        new(host => ignoreRobots ? config.PolicyFor(host) with { RespectRobots = false } : config.PolicyFor(host), console.Clock, config.UserAgent);
}
