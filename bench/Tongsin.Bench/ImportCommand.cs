using Tongsin.Bench.Generation;
using Tongsin.Bench.Measuring;

namespace Tongsin.Bench;

/// <summary>The import benchmark end to end: pages, alternating timed runs, and the markdown for the docs.</summary>
internal static class ImportCommand
{
    public static int Run(Options options, int pages, int seed, string folder)
    {
        var runs = options.Int("runs", 3);
        var set = Generator.Ensure(folder, pages, seed, Console.Out);
        var machine = MachineInfo.Read();
        Console.WriteLine($"machine: {machine}");

        var work = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        var importPath = Path.Combine(work, $"import-{pages}.db");
        var floorPath = Path.Combine(work, $"floor-{pages}.db");
        string[] common = ["--pages", pages.ToString(), "--seed", seed.ToString(), "--dir", folder];
        var imports = new List<Measurement>();
        var floors = new List<Measurement>();
        for (var r = 1; r <= runs; r++)
        {
            var i = ChildRun.Run(["measure-import", .. common, "--archive", importPath]);
            imports.Add(i);
            Console.WriteLine($"run {r} import: {i.Seconds:F2} s, {i.PagesPerSecond:N0} pages/s, {i.MegabytesPerSecond:F1} MB/s, {i.FileBytes / 1e6:F0} MB, peak RSS {i.PeakRssBytes / 1e6:F0} MB");
            var f = ChildRun.Run(["measure-floor", .. common, "--archive", floorPath]);
            floors.Add(f);
            Console.WriteLine($"run {r} floor:  {f.Seconds:F2} s, {f.PagesPerSecond:N0} pages/s, {f.MegabytesPerSecond:F1} MB/s, {f.FileBytes / 1e6:F0} MB, peak RSS {f.PeakRssBytes / 1e6:F0} MB");
        }
        if (!options.Flag("keep"))
        {
            ArchiveFiles.Delete(importPath);
            ArchiveFiles.Delete(floorPath);
        }
        else Console.WriteLine($"kept {importPath} and {floorPath}");

        var command = $"dotnet run -c Release --project bench/Tongsin.Bench -- import --pages {pages}" + (seed != 1 ? $" --seed {seed}" : "");
        Console.WriteLine();
        Console.WriteLine(ImportReport.Markdown(machine, command, set, imports, floors));
        return 0;
    }
}
