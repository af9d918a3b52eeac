using System.Diagnostics;
using Tongsin.Archive;
using Tongsin.Archive.Sqlite;
using Tongsin.Model;

namespace Tongsin.Bench.Web;

/// <summary>The latency of one search case measured alone, and how many articles it matched.</summary>
internal sealed record CaseTiming(SearchCase Case, long Hits, IReadOnlyList<double> Milliseconds);

/// <summary>
/// Each search of the mix run on its own, one at a time, against the archive in this process:
/// the work /api/search asks of the archive (resolving a source parameter, then the search of
/// one page of 20 hits), without HTTP and without other requests queued in front. It shows which
/// classes cost what wrk's mixed figure averages over.
/// </summary>
internal static class SearchTimings
{
    public static IReadOnlyList<CaseTiming> Measure(string path, int runsPerCase, TimeSpan budgetPerCase, TextWriter log)
    {
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        var outlets = new OutletCatalog();
        var timings = new List<CaseTiming>();
        foreach (var c in SearchMix.Cases)
        {
            var hits = Search(archive, outlets, c); // warm the page cache and the statement cache
            var runs = new List<double>(runsPerCase);
            var spent = Stopwatch.StartNew();
            while (runs.Count < runsPerCase && spent.Elapsed < budgetPerCase)
            {
                var clock = Stopwatch.StartNew();
                Search(archive, outlets, c);
                runs.Add(clock.Elapsed.TotalMilliseconds);
            }
            log.WriteLine($"  {c.Class}: {c.Label}: {hits:N0} hits, median {Percentile(runs, 50):F1} ms over {runs.Count} runs");
            timings.Add(new CaseTiming(c, hits, runs));
        }
        return timings;
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static long Search(IArchive archive, OutletCatalog outlets, SearchCase c)
    {
        var slugs = c.Source is null ? null : SourceMatcher.Match(c.Source, archive.SourceList(), outlets);
        return archive.Search(c.Request(slugs)).Total;
    }
}
