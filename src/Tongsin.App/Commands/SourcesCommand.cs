using System.CommandLine;
using Tongsin.Text;

namespace Tongsin.App.Commands;

internal static class SourcesCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("sources", "List the archive's sources with their article counts and dates");
        command.SetAction(parse =>
        {
            using var archive = context.OpenArchive(parse);
            var sources = archive.Sources();
            var o = context.Console.Out;
            if (sources.Count == 0)
            {
                o.WriteLine("The archive has no sources yet; import pages with 'tongsin import'.");
                return 0;
            }
            var width = Math.Max(6, sources.Max(s => s.Source.Label.Length));
            var slugWidth = Math.Max(4, sources.Max(s => s.Source.Slug.Length));
            o.WriteLine($"{"Source".PadRight(width)}  {"Slug".PadRight(slugWidth)}  {"Articles",8}  {"Stubs",6}  {"First",-10}  {"Last",-10}");
            foreach (var s in sources)
                o.WriteLine($"{s.Source.Label.PadRight(width)}  {s.Source.Slug.PadRight(slugWidth)}  {s.Articles,8}  {s.Stubs,6}  {Dates.ToIso(s.First) ?? "-",-10}  {Dates.ToIso(s.Last) ?? "-",-10}");
            return 0;
        });
        return command;
    }
}
