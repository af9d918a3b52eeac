using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tongsin.Archive.Sqlite;
using Tongsin.Search;

namespace Tongsin.Bench.Corpus;

/// <summary>
/// Where one query's time goes: the count, the window bound, BM25 over the window, the snippets
/// and the whole search, with and without facets, each the median of a few runs, on an existing archive.
/// </summary>
internal static class SearchProbe
{
    public static int Run(Options options)
    {
        var path = options.String("archive", Path.Combine(Path.GetTempPath(), "tongsin-bench", "grown-1000000.db"));
        var query = options.String("query", "korea");
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        archive.SearchRankWindow = options.Int("window", SqliteSearch.DefaultRankWindow);
        archive.SearchCachesCounts = false;
        using var c = archive.OpenConnection();
        var match = Fts5Query.From(QueryParser.Parse(query).Text!, foldKorean: true).Expression;
        double Time(Action a)
        {
            a();
            var runs = new List<double>();
            for (var i = 0; i < 7; i++) { var w = Stopwatch.StartNew(); a(); runs.Add(w.Elapsed.TotalMilliseconds); }
            return SearchBenchmark.Percentile(runs, 50);
        }
        object? Scalar(string sql, params (string, object)[] p)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (n, v) in p) cmd.Parameters.AddWithValue(n, v);
            return cmd.ExecuteScalar();
        }
        void Rows(string sql, params (string, object)[] p)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (n, v) in p) cmd.Parameters.AddWithValue(n, v);
            using var r = cmd.ExecuteReader();
            while (r.Read()) { }
        }
        var floor = Scalar("SELECT rowid FROM article_fts WHERE article_fts MATCH $m ORDER BY rowid DESC LIMIT 1 OFFSET 4999", ("$m", match)) ?? 0L;
        Console.WriteLine($"match: {match}");
        Console.WriteLine($"count        {Time(() => Scalar("SELECT count(*) FROM article_fts WHERE article_fts MATCH $m", ("$m", match))):F2} ms");
        Console.WriteLine($"bound        {Time(() => Scalar("SELECT rowid FROM article_fts WHERE article_fts MATCH $m ORDER BY rowid DESC LIMIT 1 OFFSET 4999", ("$m", match))):F2} ms");
        Console.WriteLine($"bm25 window  {Time(() => Rows("SELECT rowid, bm25(article_fts, 10.0, 3.0, 1.0, 1.0, 1.0, 2.0, 0.0) AS s FROM article_fts WHERE article_fts MATCH $m AND rowid >= $f ORDER BY s LIMIT 30", ("$m", match), ("$f", floor))):F2} ms");
        Console.WriteLine($"rowids 5000  {Time(() => Rows("SELECT rowid FROM article_fts WHERE article_fts MATCH $m AND rowid >= $f", ("$m", match), ("$f", floor))):F2} ms");
        Fts5Bm25.Register(c);
        var lengths = new DocumentLengths();
        lengths.Current(c);
        var dfs = string.Concat(System.Text.RegularExpressions.Regex.Matches(match, "\"").Cast<object>().Where((_, i) => i % 2 == 0).Select(_ => ", 1000"));
        Console.WriteLine($"lengths      {Time(() => lengths.Current(c)):F2} ms");
        Console.WriteLine($"tongsin_bm25 {Time(() => { using var l = Fts5Bm25.Begin(c, lengths.Current(c)); Rows($"SELECT rowid, tongsin_bm25(article_fts{dfs}) AS s FROM article_fts WHERE article_fts MATCH $m AND rowid >= $f ORDER BY s LIMIT 30", ("$m", match), ("$f", floor)); }):F2} ms");
        Console.WriteLine($"snippet x10  {Time(() => { Rows("SELECT snippet(article_fts, 2, '[', ']', '…', 24) FROM article_fts WHERE article_fts MATCH $m AND rowid >= $f LIMIT 10", ("$m", match), ("$f", floor)); }):F2} ms");
        Console.WriteLine($"search 0     {Time(() => archive.Search(new SearchRequest(query, Limit: 0))):F2} ms");
        Console.WriteLine($"search 10    {Time(() => archive.Search(new SearchRequest(query, Limit: 10))):F2} ms");
        Console.WriteLine($"rowids all   {Time(() => Rows("SELECT rowid FROM article_fts WHERE article_fts MATCH $m", ("$m", match))):F2} ms");
        Console.WriteLine($"search facets {Time(() => archive.Search(new SearchRequest(query, Limit: 10, Facets: true))):F2} ms");
        return 0;
    }
}
