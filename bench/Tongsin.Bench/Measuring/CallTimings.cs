using System.Diagnostics;
using System.Globalization;
using Tongsin.Bench.Corpus;

namespace Tongsin.Bench.Measuring;

/// <summary>
/// Archive calls timed one at a time in this process: each once untimed, then <c>runs</c> times;
/// printed as a Markdown table of medians and the slowest, so a slow page can be traced to its query.
/// Beside the wall time, the processor time this process used during the call: on a machine shared
/// with other work the wall time is mostly waiting for a core, the processor time much less so.
/// </summary>
internal static class CallTimings
{
    public static void Print(IReadOnlyList<(string Name, Action Call)> calls, int runs, TextWriter output)
    {
        output.WriteLine("| call | median | slowest | processor time (median) |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, call) in calls)
        {
            call();
            var (times, cpu) = (new List<double>(runs), new List<double>(runs));
            for (var i = 0; i < runs; i++)
            {
                var used = ProcessorTime();
                var clock = Stopwatch.StartNew();
                call();
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add(ProcessorTime() - used);
            }
            output.WriteLine($"| {name} | {Ms(SearchBenchmark.Percentile(times, 50))} | {Ms(times.Max())} | {Ms(SearchBenchmark.Percentile(cpu, 50))} |");
        }
    }

    /// <summary>The processor time this process has used so far, in milliseconds.</summary>
    public static double ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
