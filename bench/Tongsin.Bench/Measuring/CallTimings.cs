using System.Diagnostics;
using System.Globalization;
using Tongsin.Bench.Corpus;

namespace Tongsin.Bench.Measuring;

/// <summary>
/// Archive calls timed one at a time in this process: each once untimed, then <c>runs</c> times;
/// printed as a Markdown table of medians and the slowest, so a slow page can be traced to its query.
/// </summary>
internal static class CallTimings
{
    public static void Print(IReadOnlyList<(string Name, Action Call)> calls, int runs, TextWriter output)
    {
        output.WriteLine("| call | median | slowest |");
        output.WriteLine("|---|---:|---:|");
        foreach (var (name, call) in calls)
        {
            call();
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                call();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            output.WriteLine($"| {name} | {SearchBenchmark.Percentile(times, 50).ToString("F1", CultureInfo.InvariantCulture)} ms | {times.Max().ToString("F1", CultureInfo.InvariantCulture)} ms |");
        }
    }
}
