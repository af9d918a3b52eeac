using System.Text.Json;

namespace Tongsin.Bench.Measuring;

/// <summary>One timed run: what was done, how long it took, what it left on disk and its peak memory.</summary>
internal sealed record Measurement(string Kind, double Seconds, int Pages, long TextBytes, long FileBytes, long PeakRssBytes, string Detail)
{
    private const string Prefix = "MEASUREMENT ";

    public double PagesPerSecond => Pages / Seconds;

    public double MegabytesPerSecond => TextBytes / 1e6 / Seconds;

    /// <summary>The line a child process prints so its parent can read the result among other output.</summary>
    public string ToLine() => Prefix + JsonSerializer.Serialize(this);

    public static Measurement? FromLine(string line) =>
        line.StartsWith(Prefix, StringComparison.Ordinal) ? JsonSerializer.Deserialize<Measurement>(line[Prefix.Length..]) : null;
}
