using System.Diagnostics;
using System.Globalization;
using Tongsin.Archive.Postgres;
using Tongsin.Bench.Corpus;
using Tongsin.Search;

namespace Tongsin.Bench;

/// <summary>
/// Search latency on a PostgreSQL archive: every query of <see cref="SearchBenchmark.Mix"/> (or one
/// given with --query) through <see cref="PostgresArchive.Search"/>, 10 hits with their exact count
/// and snippets, as the API asks. Each query is run once to warm the cache, then --runs times
/// (fewer when a query takes seconds, never fewer than three). Prints each query's median and p95,
/// the medians per class, and p50/p95/p99 over all runs of all queries. --window N ranks the newest
/// N matches of a large result instead of 5,000.
/// </summary>
internal static class PostgresSearchProbe
{
    public static int Run(Options options)
    {
        var db = options.String("db", Environment.GetEnvironmentVariable("TONGSIN_DB") ?? "");
        if (!db.StartsWith("postgres", StringComparison.Ordinal)) throw new ArgumentException("--db postgres://... names the archive to search");
        var runs = options.Int("runs", 9);
        var facets = options.Flag("facets");
        var only = options.String("query", "");
        var mix = only.Length > 0 ? [new MixQuery("given", only)] : SearchBenchmark.Mix;
        var ci = CultureInfo.InvariantCulture;

        using var archive = PostgresArchive.Open(db, TimeProvider.System);
        if (options.Int("window", 0) is > 0 and var window) archive.SearchRankWindow = window;
        // Every run counts afresh: the figures are those of a query asked for the first time.
        archive.SearchCachesCounts = false;
        Console.WriteLine("machine: " + MachineInfo.Read());
        Console.WriteLine($"archive: {archive.Location}; {runs} runs a query, limit 10{(facets ? ", with facets" : "")}");
        var rows = new List<(MixQuery Query, SearchResults Result, List<double> Times)>();
        foreach (var q in mix)
        {
            var request = new SearchRequest(q.Query, Limit: 10, Facets: facets);
            var result = archive.Search(request);
            var times = new List<double>();
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < runs && (i < 3 || spent.Elapsed < TimeSpan.FromSeconds(30)); i++)
            {
                var clock = Stopwatch.StartNew();
                archive.Search(request);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            rows.Add((q, result, times));
            var among = result.RankedAmong is { } r ? r.ToString("N0", ci) : "all";
            Console.WriteLine(string.Create(ci, $"  {q.Class,-18} {q.Query,-50} {result.Total,9:N0} hits  ranked {among,6}  median {SearchBenchmark.Percentile(times, 50),8:F1} ms  p95 {SearchBenchmark.Percentile(times, 95),8:F1} ms"));
        }
        if (rows.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine("| class | median of the query medians | slowest query median |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var g in rows.GroupBy(r => r.Query.Class))
            {
                var medians = g.Select(r => SearchBenchmark.Percentile(r.Times, 50)).ToList();
                Console.WriteLine(string.Create(ci, $"| {g.Key} | {SearchBenchmark.Percentile(medians, 50):F1} ms | {medians.Max():F1} ms |"));
            }
            var all = rows.SelectMany(r => r.Times).ToList();
            Console.WriteLine();
            Console.WriteLine(string.Create(ci, $"all runs: p50 {SearchBenchmark.Percentile(all, 50):F1} ms, p95 {SearchBenchmark.Percentile(all, 95):F1} ms, p99 {SearchBenchmark.Percentile(all, 99):F1} ms"));
        }
        return 0;
    }
}
