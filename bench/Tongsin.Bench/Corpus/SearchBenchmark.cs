using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Tongsin.Archive.Sqlite;
using Tongsin.Bench.Measuring;
using Tongsin.Search;

namespace Tongsin.Bench.Corpus;

/// <summary>
/// One query of the mix. <see cref="Query"/> is what a reader types into Tongsin; the raw
/// statement runs the same full-text expression (<see cref="RawText"/>, written by the same
/// translation) straight on FTS5, bm25 top 10, with <see cref="RawWhere"/> as plain SQL on the
/// article and source rows for the filters.
/// </summary>
internal sealed record MixQuery(string Class, string Query, string? RawText = null, string? RawWhere = null)
{
    public string Text => RawText ?? Query;
}

/// <summary>
/// Search latency over a large archive grown from the real corpus: every query of a fixed mix
/// through Tongsin's own search (the ranked top 10 with its exact count and snippets, as the
/// API asks for them) and as the bare FTS5 statement, alternating in one process, so both meet
/// the same cache. Reports p50/p95/p99 over the whole mix, medians per query, and the index's
/// size per article.
/// </summary>
internal static class SearchBenchmark
{
    public static readonly MixQuery[] Mix =
    [
        new("single common word", "korea"),
        new("single common word", "people"),
        new("single common word", "party"),
        new("single common word", "struggle"),
        new("single rare word", "Zimbabwe"),
        new("single rare word", "sorghum"),
        new("single rare word", "tsunami"),
        new("single rare word", "Suriname"),
        new("two words", "nuclear weapons"),
        new("two words", "rice harvest"),
        new("two words", "Kim Jong Un"),
        new("two words", "missile launch"),
        new("phrase", "\"Workers' Party of Korea\""),
        new("phrase", "\"nuclear war\""),
        new("phrase", "\"great leader\""),
        new("phrase", "\"six-party talks\""),
        new("Korean", "김정일"),
        new("Korean", "인민"),
        new("Korean", "조국통일"),
        new("Korean", "노동당"),
        new("filtered", "sanctions source:rodong-sinmun-en", "sanctions", "s.slug = 'rodong-sinmun-en'"),
        new("filtered", "harvest date:2005", "harvest", "a.published BETWEEN '2005-01-01' AND '2005-12-31'"),
        new("filtered", "people source:voice-of-korea-en after:2015-01-01", "people", "s.slug = 'voice-of-korea-en' AND a.published >= '2015-01-01'"),
        new("filtered", "missile date:2006-10-01..2006-12-31", "missile", "a.published BETWEEN '2006-10-01' AND '2006-12-31'"),
        new("OR/NOT", "sanctions OR blockade"),
        new("OR/NOT", "nuclear -test"),
        new("OR/NOT", "Japan NOT apology"),
        new("OR/NOT", "(rice OR maize) harvest"),
    ];

    public static int Run(Options options)
    {
        var articles = options.Int("articles", 1_000_000);
        var corpus = options.String("corpus", GrownArchive.DefaultCorpus);
        var path = options.String("archive", Path.Combine(Path.GetTempPath(), "tongsin-bench", $"grown-{articles}.db"));
        var runs = options.Int("runs", 15);
        var log = Console.Out;
        log.WriteLine("machine: " + MachineInfo.Read());
        GrownArchive.Ensure(path, articles, corpus, log);

        // The marker's folder differs from the archive's when --archive points elsewhere.
        var marker = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tongsin-bench")).FullName, "MEASURING");
        File.WriteAllText(marker, "search\n");
        try
        {
            var rows = Measure(path, runs, log);
            var report = Report(path, articles, runs, rows, IndexSize(path));
            var output = Path.Combine(Path.GetDirectoryName(path)!, $"search-{articles}.md");
            File.WriteAllText(output, report);
            log.WriteLine();
            log.WriteLine(report);
            log.WriteLine($"written to {output}");
        }
        finally { File.Delete(marker); }
        return 0;
    }

    internal sealed record Row(MixQuery Query, long Hits, List<double> Tongsin, List<double> Raw);

    private static List<Row> Measure(string path, int runs, TextWriter log)
    {
        var opening = Stopwatch.StartNew();
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        // Every run counts afresh: the figures are those of a query asked for the first time.
        archive.SearchCachesCounts = false;
        if (opening.Elapsed > TimeSpan.FromSeconds(5)) log.WriteLine($"opened (and brought up to date) in {opening.Elapsed.TotalSeconds:F0} s");
        using var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        raw.Open();
        Execute(raw, "PRAGMA cache_size = -16384; PRAGMA mmap_size = 268435456");
        var rows = new List<Row>();
        foreach (var q in Mix)
        {
            var request = new SearchRequest(q.Query, Limit: 10);
            using var statement = RawStatement(raw, q);
            long hits;
            // A small archive has no reprints, so the source filters of the mix name sources it lacks.
            try { hits = archive.Search(request).Total; } // warms both paths once
            catch (QueryException e)
            {
                log.WriteLine($"  {q.Class,-18} {q.Query,-50} left out: {e.Message}");
                continue;
            }
            RunRaw(statement);
            var row = new Row(q, hits, [], []);
            // A query that takes seconds is measured fewer times, never fewer than three.
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < runs && (i < 3 || spent.Elapsed < TimeSpan.FromSeconds(20)); i++)
            {
                var clock = Stopwatch.StartNew();
                archive.Search(request);
                row.Tongsin.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                RunRaw(statement);
                row.Raw.Add(clock.Elapsed.TotalMilliseconds);
            }
            log.WriteLine($"  {q.Class,-18} {q.Query,-50} {hits,9:N0} hits  tongsin {Median(row.Tongsin),8:F1} ms  raw {Median(row.Raw),8:F1} ms");
            rows.Add(row);
        }
        return rows;
    }

    private static SqliteCommand RawStatement(SqliteConnection c, MixQuery q)
    {
        var match = Fts5Query.From(QueryParser.Parse(q.Text).Text!, foldKorean: true).Expression;
        var cmd = c.CreateCommand();
        cmd.CommandText = q.RawWhere is null
            ? "SELECT rowid, bm25(article_fts, 10.0, 3.0, 1.0, 1.0, 1.0, 2.0) AS score FROM article_fts WHERE article_fts MATCH $m ORDER BY score LIMIT 10"
            : $"""
               SELECT f.rowid, bm25(article_fts, 10.0, 3.0, 1.0, 1.0, 1.0, 2.0) AS score
               FROM article_fts f CROSS JOIN articles a ON a.id = f.rowid CROSS JOIN sources s ON s.id = a.source_id
               WHERE article_fts MATCH $m AND {q.RawWhere} ORDER BY score LIMIT 10
               """;
        cmd.Parameters.AddWithValue("$m", match);
        cmd.Prepare();
        return cmd;
    }

    private static void RunRaw(SqliteCommand statement)
    {
        using var r = statement.ExecuteReader();
        while (r.Read()) _ = r.GetInt64(0);
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal sealed record IndexFigures(long IndexBytes, long FileBytes, long Articles);

    private static IndexFigures IndexSize(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        // The index's own bytes: posting lists, the term index and the row lengths (SQLite's pages add a little).
        cmd.CommandText = """
            SELECT (SELECT sum(length(block)) FROM article_fts_data)
                 + (SELECT sum(length(sz)) + 8 * count(*) FROM article_fts_docsize)
                 + (SELECT sum(length(term)) + 16 * count(*) FROM article_fts_idx),
                   (SELECT count(*) FROM articles)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return new IndexFigures(r.GetInt64(0), ArchiveFiles.Size(path), r.GetInt64(1));
    }

    private static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string Report(string path, int articles, int runs, List<Row> rows, IndexFigures index)
    {
        var ci = CultureInfo.InvariantCulture;
        var all = rows.SelectMany(r => r.Tongsin).ToList();
        var allRaw = rows.SelectMany(r => r.Raw).ToList();
        var ratios = rows.Select(r => Median(r.Tongsin) / Median(r.Raw)).ToList();
        var s = new StringBuilder();
        s.AppendLine(ci, $"Search over {articles:N0} articles grown from the real kcna.co.jp corpus ({path}), {DateTime.UtcNow:yyyy-MM-dd}.");
        s.AppendLine(ci, $"Machine: {MachineInfo.Read()}.");
        s.AppendLine(ci, $"Command: `dotnet run -c Release --project bench/Tongsin.Bench -- search --articles {articles}`; {Mix.Length} queries, up to {runs} runs each (at least 3, fewer for queries that take seconds), Tongsin and raw FTS5 alternating.");
        s.AppendLine();
        s.AppendLine("| | p50 | p95 | p99 |");
        s.AppendLine("|---|---:|---:|---:|");
        s.AppendLine(ci, $"| Tongsin (top 10, exact count, snippets) | {Percentile(all, 50):F1} ms | {Percentile(all, 95):F1} ms | {Percentile(all, 99):F1} ms |");
        s.AppendLine(ci, $"| raw FTS5 (bm25 top 10) | {Percentile(allRaw, 50):F1} ms | {Percentile(allRaw, 95):F1} ms | {Percentile(allRaw, 99):F1} ms |");
        s.AppendLine();
        s.AppendLine(ci, $"Median over the queries of Tongsin's median / raw's median: {Median(ratios):F2}.");
        s.AppendLine(ci, $"Index: {index.IndexBytes / 1e6:F0} MB in the FTS5 index (posting lists, term index, row lengths), {index.IndexBytes / (double)index.Articles:F0} bytes per article; the whole file {index.FileBytes / 1e6:F0} MB, {index.FileBytes / (double)index.Articles:F0} bytes per article.");
        s.AppendLine();
        s.AppendLine("| class | query | hits | Tongsin median | Tongsin p95 | raw median | ratio |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            s.AppendLine(ci, $"| {r.Query.Class} | `{r.Query.Query.Replace("|", "\\|")}` | {r.Hits:N0} | {Median(r.Tongsin):F1} ms | {Percentile(r.Tongsin, 95):F1} ms | {Median(r.Raw):F1} ms | {Median(r.Tongsin) / Median(r.Raw):F2} |");
        return s.ToString();
    }
}
