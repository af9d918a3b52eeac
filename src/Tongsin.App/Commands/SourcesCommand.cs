using System.CommandLine;
using Tongsin.Archive;
using Tongsin.Ingest.Crawl;
using Tongsin.Text;

namespace Tongsin.App.Commands;

internal static class SourcesCommand
{
    public static Command Create(CommandContext context)
    {
        var config = new Option<string?>("--config") { Description = "The crawl configuration to show (default as for 'tongsin crawl')" };
        var command = new Command("sources", "List the archive's sources with their counts and dates, and the sources the crawler reads");
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            var o = context.Console.Out;
            var location = context.Location(parse);
            var (crawl, origin) = CrawlSetup.Load(parse.GetValue(config), location, context.Console);
            IArchive? archive = null;
            try
            {
                try { archive = context.OpenArchive(parse); }
                catch (ArchiveException e) { o.WriteLine($"No archive yet ({e.Message})."); }
                if (archive is not null) PrintArchiveSources(o, archive.Sources());
                o.WriteLine();
                PrintCrawlSources(o, crawl, origin, archive);
            }
            finally { archive?.Dispose(); }
            return 0;
        });
        return command;
    }

    private static void PrintArchiveSources(TextWriter o, IReadOnlyList<SourceSummary> sources)
    {
        if (sources.Count == 0)
        {
            o.WriteLine("The archive has no sources yet; import pages with 'tongsin import' or run 'tongsin crawl'.");
            return;
        }
        var width = Math.Max(6, sources.Max(s => s.Source.Label.Length));
        var slugWidth = Math.Max(4, sources.Max(s => s.Source.Slug.Length));
        o.WriteLine($"{"Source".PadRight(width)}  {"Slug".PadRight(slugWidth)}  {"Articles",8}  {"Stubs",6}  {"First",-10}  {"Last",-10}");
        foreach (var s in sources)
            o.WriteLine($"{s.Source.Label.PadRight(width)}  {s.Source.Slug.PadRight(slugWidth)}  {s.Articles,8}  {s.Stubs,6}  {Dates.ToIso(s.First) ?? "-",-10}  {Dates.ToIso(s.Last) ?? "-",-10}");
    }

    private static void PrintCrawlSources(TextWriter o, CrawlConfig crawl, string origin, IArchive? archive)
    {
        o.WriteLine($"Crawled sources ({origin} configuration):");
        var width = Math.Max(4, crawl.Sources.Max(s => s.Name.Length));
        var baseWidth = Math.Max(4, crawl.Sources.Max(s => s.BaseUrl.ToString().Length));
        o.WriteLine($"{"Name".PadRight(width)}  {"Base".PadRight(baseWidth)}  {"Every",6}  {"Delay",6}  {"On",-3}  Last listed");
        foreach (var s in crawl.Sources)
        {
            var listed = archive?.CrawlQueue.ListedAt(s.Name) is { } at ? at.ToString("yyyy-MM-dd HH:mm") + "Z" : "never";
            o.WriteLine($"{s.Name.PadRight(width)}  {s.BaseUrl.ToString().PadRight(baseWidth)}  {Short(s.Every),6}  {Short(s.Politeness.Delay),6}  {(s.Enabled ? "yes" : "no"),-3}  {listed}");
        }
    }

    private static string Short(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0}d"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0}h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0}m"
        : $"{t.TotalSeconds:0.##}s";
}
