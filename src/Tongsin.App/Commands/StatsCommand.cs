using System.CommandLine;
using Tongsin.Text;

namespace Tongsin.App.Commands;

internal static class StatsCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("stats", "Show what the archive holds");
        command.SetAction(parse =>
        {
            using var archive = context.OpenArchive(parse);
            var s = archive.Stats();
            var o = context.Console.Out;
            o.WriteLine($"archive:   {archive.Location}");
            o.WriteLine($"articles:  {s.Articles}");
            o.WriteLine($"stubs:     {s.Stubs}");
            o.WriteLine($"versions:  {s.Versions}");
            o.WriteLine($"removed:   {s.Removed}");
            o.WriteLine($"sources:   {s.Sources}");
            o.WriteLine($"published: {Dates.ToIso(s.FirstPublished) ?? "-"} to {Dates.ToIso(s.LastPublished) ?? "-"}");
            o.WriteLine($"size:      {s.SizeBytes / 1048576.0:0.0} MiB");
            o.WriteLine($"schema:    {s.SchemaVersion}");
            return 0;
        });
        return command;
    }
}
