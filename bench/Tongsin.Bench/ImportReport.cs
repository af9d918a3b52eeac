using System.Globalization;
using System.Text;
using Tongsin.Bench.Generation;
using Tongsin.Bench.Measuring;

namespace Tongsin.Bench;

/// <summary>The import figures as a markdown section for docs/benchmarks.md: medians, and whether the targets are met.</summary>
internal static class ImportReport
{
    public const double TargetPagesPerSecond = 5000;
    public const double TargetRatio = 2.0;

    public static string Markdown(MachineInfo machine, string command, PageSet pages, IReadOnlyList<Measurement> imports, IReadOnlyList<Measurement> floors)
    {
        var inv = CultureInfo.InvariantCulture;
        var import = Median(imports);
        var floor = Median(floors);
        var ratio = import.Seconds / floor.Seconds;
        var sb = new StringBuilder();
        sb.AppendLine("## Import (issue: foundation)");
        sb.AppendLine();
        sb.AppendLine(inv, $"- Machine: {machine}");
        sb.AppendLine(inv, $"- Command: `{command}`");
        sb.AppendLine(inv, $"- Date: {DateTime.UtcNow:yyyy-MM-dd}");
        sb.AppendLine(inv, $"- Pages: {pages.Files.Count:N0} generated KCNA Watch text pages, {pages.Bytes / 1e6:F0} MB ({imports[0].Detail})");
        sb.AppendLine(inv, $"- Runs: {imports.Count} imports and {floors.Count} floors, alternating, each in a fresh process; figures are medians");
        sb.AppendLine();
        sb.AppendLine("| | Import (ImportJob) | Floor (FTS5 inserts only) |");
        sb.AppendLine("|---|---:|---:|");
        sb.AppendLine(inv, $"| Time | {import.Seconds:F1} s | {floor.Seconds:F1} s |");
        sb.AppendLine(inv, $"| Pages/s | {import.PagesPerSecond:N0} | {floor.PagesPerSecond:N0} |");
        sb.AppendLine(inv, $"| MB/s of page text | {import.MegabytesPerSecond:F1} | {floor.MegabytesPerSecond:F1} |");
        sb.AppendLine(inv, $"| File size (db + wal after checkpoint) | {import.FileBytes / 1e6:F0} MB | {floor.FileBytes / 1e6:F0} MB |");
        sb.AppendLine(inv, $"| Peak RSS | {import.PeakRssBytes / 1e6:F0} MB | {floor.PeakRssBytes / 1e6:F0} MB |");
        sb.AppendLine(inv, $"| All runs (s) | {Runs(imports)} | {Runs(floors)} |");
        sb.AppendLine();
        sb.AppendLine(inv, $"Import/floor time ratio: {ratio:F2}.");
        sb.AppendLine();
        sb.AppendLine("| Target | Figure | Met |");
        sb.AppendLine("|---|---:|---|");
        sb.AppendLine(inv, $"| At least {TargetPagesPerSecond:N0} pages/s | {import.PagesPerSecond:N0} pages/s | {(import.PagesPerSecond >= TargetPagesPerSecond ? "yes" : "no")} |");
        sb.AppendLine(inv, $"| Import time at most {TargetRatio:F0}x the floor's | {ratio:F2}x | {(ratio <= TargetRatio ? "yes" : "no")} |");
        return sb.ToString();
    }

    private static string Runs(IReadOnlyList<Measurement> runs) =>
        string.Join(", ", runs.Select(r => r.Seconds.ToString("F1", CultureInfo.InvariantCulture)));

    /// <summary>The run with the median time; its size and memory are reported with it.</summary>
    private static Measurement Median(IReadOnlyList<Measurement> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
}
