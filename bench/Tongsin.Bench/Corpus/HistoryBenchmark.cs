using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;
using Tongsin.Bench.Measuring;
using Tongsin.Bench.Web;
using Tongsin.Search;

namespace Tongsin.Bench.Corpus;

/// <summary>
/// The whole history of the outlets on both backends, side by side in one run: the real
/// kcna.co.jp corpus imported by the real `tongsin import` into SQLite and into PostgreSQL
/// (alternating runs, with a bare one-transaction FTS5 load of the same text as the floor), a
/// million-article archive grown from it (built for SQLite, copied into PostgreSQL by `tongsin
/// migrate`), the search mix on both, and the peak memory of `tongsin serve` over the million on
/// both while it answers searches and article pages.
/// </summary>
internal static class HistoryBenchmark
{
    public static int Run(Options options)
    {
        var corpus = options.String("corpus", GrownArchive.DefaultCorpus);
        var articles = options.Int("articles", 1_000_000);
        var runs = options.Int("runs", 3);
        // --parts imports,search,serve (the default: all three) runs only some of the benchmark; sqlite-only serves SQLite alone.
        var parts = options.String("parts", "imports,search,serve").Split(',', StringSplitOptions.TrimEntries).ToHashSet();
        var folder = Path.Combine(Path.GetTempPath(), "tongsin-bench");
        Directory.CreateDirectory(folder);
        var log = Console.Out;
        var report = new StringBuilder();
        var machine = MachineInfo.Read();
        log.WriteLine("machine: " + machine);
        if (!File.Exists(corpus)) throw new IOException($"the corpus {corpus} is not there; pass --corpus PATH");
        var tongsin = TongsinBuild.Release(log);
        using var server = PostgresServer.From(options.String("postgres", ""), Path.Combine(folder, "pg-history"), log);

        var grownPath = Path.Combine(folder, $"grown-{articles}.db");
        GrownArchive.Ensure(grownPath, articles, corpus, log);
        var grownUrl = server.Database($"grown_{articles}");
        EnsureInPostgres(tongsin, grownPath, grownUrl, articles, log, report);

        var marker = Path.Combine(folder, "MEASURING");
        File.WriteAllText(marker, "history\n");
        try
        {
            report.Insert(0, Header(machine, server.Describe(), articles, runs, parts));
            if (parts.Contains("imports")) Imports(tongsin, corpus, folder, parts.Contains("sqlite-only") ? null : server, runs, log, report);
            if (parts.Contains("search")) Searches(grownPath, grownUrl, log, report);
            if (parts.Contains("serve")) Serving(tongsin, grownPath, parts.Contains("sqlite-only") ? null : grownUrl, articles, log, report);
        }
        finally { File.Delete(marker); }

        var output = Path.Combine(folder, $"history-{articles}.md");
        File.WriteAllText(output, report.ToString());
        log.WriteLine();
        log.WriteLine(report);
        log.WriteLine($"written to {output}");
        return 0;
    }

    private static string Header(MachineInfo machine, string postgres, int articles, int runs, IEnumerable<string> parts) =>
        $"""
        Date: {DateTime.UtcNow:yyyy-MM-dd}. Machine: {machine}. {postgres}.
        Command: `dotnet run -c Release --project bench/Tongsin.Bench -- history --articles {articles} --runs {runs}` (parts: {string.Join(", ", parts)}).

        """;

    // ---- the real corpus, imported by the real command line into each backend ----

    private static void Imports(string tongsin, string corpus, string folder, PostgresServer? server, int runs, TextWriter log, StringBuilder report)
    {
        var sqlite = new List<ChildFigures>();
        var postgres = new List<ChildFigures>();
        var floors = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var file = Path.Combine(folder, "history-corpus.db");
            ArchiveFiles.Delete(file);
            var s = Child(tongsin, "import", "--db", file, corpus);
            s = s with { Articles = SqliteArticles(file), Bytes = ArchiveFiles.Size(file) };
            sqlite.Add(s);
            log.WriteLine($"  run {run}: SQLite import {s.Seconds:F1} s, {s.Articles:N0} articles, {s.Bytes / 1e6:F0} MB, peak {s.PeakBytes / 1e6:F0} MB");

            if (server is not null)
            {
                var url = server.Database("history_corpus");
                server.Drop("history_corpus");
                var p = Child(tongsin, "import", "--db", url, corpus);
                p = p with { Articles = PostgresArticles(url), Bytes = server.Size("history_corpus") };
                postgres.Add(p);
                log.WriteLine($"  run {run}: PostgreSQL import {p.Seconds:F1} s, {p.Articles:N0} articles, {p.Bytes / 1e6:F0} MB, client peak {p.PeakBytes / 1e6:F0} MB");
            }

            var floor = Floor(corpus, Path.Combine(folder, "history-floor.db"));
            floors.Add(floor);
            log.WriteLine($"  run {run}: floor (one-transaction FTS5 load of titles and bodies) {floor:F1} s");
        }
        double Median(IEnumerable<double> v) => SearchBenchmark.Percentile(v.ToList(), 50);
        var ms = sqlite.OrderBy(x => x.Seconds).ElementAt(sqlite.Count / 2);
        var mp = postgres.Count == 0 ? new ChildFigures(double.NaN, 0) : postgres.OrderBy(x => x.Seconds).ElementAt(postgres.Count / 2);
        report.AppendLine(CultureInfo.InvariantCulture, $"""
            ### Import of the real corpus ({Path.GetFileName(corpus)}, 137,473 records)

            `tongsin import --db <archive> {Path.GetFileName(corpus)}`, a fresh archive each run, {runs} runs alternating; medians.

            | | time | articles/s | articles | final size | peak RSS of tongsin |
            |---|---:|---:|---:|---:|---:|
            | SQLite | {ms.Seconds:F1} s | {ms.Articles / ms.Seconds:N0} | {ms.Articles:N0} | {ms.Bytes / 1e6:F0} MB | {ms.PeakBytes / 1e6:F0} MB |
            | PostgreSQL | {mp.Seconds:F1} s | {mp.Articles / mp.Seconds:N0} | {mp.Articles:N0} | {mp.Bytes / 1e6:F0} MB (database) | {mp.PeakBytes / 1e6:F0} MB (client) |
            | floor: one-transaction FTS5 load of the same titles and bodies (SQLite) | {Median(floors):F1} s | | | | |

            Every run: SQLite {string.Join(", ", sqlite.Select(x => x.Seconds.ToString("F1", CultureInfo.InvariantCulture)))} s; PostgreSQL {string.Join(", ", postgres.Select(x => x.Seconds.ToString("F1", CultureInfo.InvariantCulture)))} s; floor {string.Join(", ", floors.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)))} s.

            """);
    }

    internal sealed record ChildFigures(double Seconds, long PeakBytes, long Articles = 0, long Bytes = 0);

    /// <summary>Runs tongsin in a child process under /usr/bin/time, for its wall time and peak resident set.</summary>
    private static ChildFigures Child(string tongsin, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-f", "TIMED %e %M", "dotnet", tongsin }.Concat(arguments)) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException("the child did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var timed = stderr.Split('\n').LastOrDefault(l => l.StartsWith("TIMED ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"tongsin {string.Join(' ', arguments)} gave no timing:\n{stderr}");
        // tongsin import exits 1 when some records were refused (the navigation-only ones); 2 and above are errors.
        if (p.ExitCode > 1) throw new InvalidOperationException($"tongsin {string.Join(' ', arguments)} failed ({p.ExitCode}):\n{stdout.Result}\n{stderr}");
        var parts = timed.Split(' ');
        return new ChildFigures(double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture) * 1024);
    }

    /// <summary>The same titles and bodies, read the same way, into a bare FTS5 table in one transaction.</summary>
    private static double Floor(string corpus, string path)
    {
        ArchiveFiles.Delete(path);
        var clock = Stopwatch.StartNew();
        var records = GrownArchive.ReadCorpus(corpus);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var setup = c.CreateCommand();
            setup.CommandText = "PRAGMA journal_mode = WAL; CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')";
            setup.ExecuteNonQuery();
            using var tx = c.BeginTransaction();
            using var insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO f (title, body) VALUES ($t, $b)";
            var title = insert.Parameters.Add("$t", SqliteType.Text);
            var body = insert.Parameters.Add("$b", SqliteType.Text);
            insert.Prepare();
            foreach (var r in records)
            {
                title.Value = r.Title;
                body.Value = string.Join('\n', r.Paragraphs);
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        ArchiveFiles.Delete(path);
        return seconds;
    }

    private static long SqliteArticles(string path)
    {
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        return archive.Stats().Articles;
    }

    private static long PostgresArticles(string url)
    {
        using var archive = PostgresArchive.Open(url, TimeProvider.System);
        return archive.Stats().Articles;
    }

    // ---- the million, in PostgreSQL through tongsin migrate ----

    private static void EnsureInPostgres(string tongsin, string sqlite, string url, int articles, TextWriter log, StringBuilder report)
    {
        try
        {
            if (PostgresArticles(url) == articles)
            {
                log.WriteLine($"using the {articles:N0} articles already in {url}");
                report.AppendLine(CultureInfo.InvariantCulture, $"The {articles:N0}-article archive was copied into PostgreSQL by an earlier run of `tongsin migrate`.\n");
                return;
            }
        }
        catch (ArchiveException) { }
        log.WriteLine($"copying {sqlite} into {url} with tongsin migrate ...");
        var m = Child(tongsin, "migrate", "--from", sqlite, "--to", url);
        log.WriteLine($"  migrated in {m.Seconds:F0} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"The {articles:N0}-article archive: `tongsin migrate` copied it into PostgreSQL in {m.Seconds:F0} s ({articles / m.Seconds:N0} articles/s), verifying counts and hashes.\n");
    }

    // ---- the search mix on both ----

    private static void Searches(string sqlite, string postgres, TextWriter log, StringBuilder report)
    {
        using var a = SqliteArchive.Open(sqlite, TimeProvider.System);
        using var b = PostgresArchive.Open(postgres, TimeProvider.System);
        // The mix's figures are those of a query asked for the first time: every run counts afresh.
        (a.SearchCachesCounts, b.SearchCachesCounts) = (false, false);
        var rows = new List<(MixQuery Query, long Hits, List<double> Sqlite, List<double> Postgres)>();
        // One search on each backend, each timed into its list.
        void Both(SearchRequest request, List<double> x, List<double> y)
        {
            var clock = Stopwatch.StartNew();
            a.Search(request);
            x.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            b.Search(request);
            y.Add(clock.Elapsed.TotalMilliseconds);
        }
        foreach (var q in SearchBenchmark.Mix)
        {
            var request = new SearchRequest(q.Query, Limit: 10);
            long hits, other;
            // A small archive has no reprints, so the source filters of the mix name sources it lacks.
            try { (hits, other) = (a.Search(request).Total, b.Search(request).Total); }
            catch (QueryException e)
            {
                log.WriteLine($"  {q.Class,-18} {q.Query,-50} left out: {e.Message}");
                continue;
            }
            var (x, y) = (new List<double>(), new List<double>());
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < 10 && (i < 3 || spent.Elapsed < TimeSpan.FromSeconds(20)); i++) Both(request, x, y);
            log.WriteLine($"  {q.Class,-18} {q.Query,-50} {hits,9:N0} / {other,9:N0} hits  SQLite {SearchBenchmark.Percentile(x, 50),8:F1} ms  PostgreSQL {SearchBenchmark.Percentile(y, 50),8:F1} ms");
            rows.Add((q, hits, x, y));
        }
        // Then each query asked again, as for its next page, with the counts kept between searches.
        (a.SearchCachesCounts, b.SearchCachesCounts) = (true, true);
        var (ax, ay) = (new List<double>(), new List<double>());
        foreach (var (q, _, _, _) in rows)
        {
            var first = new SearchRequest(q.Query, Limit: 10);
            // The first page counts, and the count is kept.
            a.Search(first);
            b.Search(first);
            for (var page = 1; page <= 5; page++) Both(first with { Offset = 10 * page }, ax, ay);
        }
        var sx = rows.SelectMany(r => r.Sqlite).ToList();
        var sy = rows.SelectMany(r => r.Postgres).ToList();
        var ci = CultureInfo.InvariantCulture;
        report.AppendLine("### Search over the million, both backends\n");
        report.AppendLine("The search issue's mix (bench/Tongsin.Bench/Corpus/SearchBenchmark.cs), 10 hits with exact counts and snippets, through `IArchive.Search`, the backends alternating; percentiles over every run of every query.\n");
        void Percentiles(List<double> sqliteRuns, List<double> postgresRuns)
        {
            report.AppendLine("| | p50 | p95 | p99 |");
            report.AppendLine("|---|---:|---:|---:|");
            foreach (var (name, runs) in new[] { ("SQLite", sqliteRuns), ("PostgreSQL", postgresRuns) })
                report.AppendLine(ci, $"| {name} | {SearchBenchmark.Percentile(runs, 50):F1} ms | {SearchBenchmark.Percentile(runs, 95):F1} ms | {SearchBenchmark.Percentile(runs, 99):F1} ms |");
            report.AppendLine();
        }
        Percentiles(sx, sy);
        report.AppendLine("The same queries asked again, for their pages 2 to 6, the counts kept from the first page (every query, five pages each):\n");
        Percentiles(ax, ay);
        report.AppendLine("| class | query | hits | SQLite median | PostgreSQL median |");
        report.AppendLine("|---|---|---:|---:|---:|");
        foreach (var r in rows)
            report.AppendLine(ci, $"| {r.Query.Class} | `{r.Query.Query}` | {r.Hits:N0} | {SearchBenchmark.Percentile(r.Sqlite, 50):F1} ms | {SearchBenchmark.Percentile(r.Postgres, 50):F1} ms |");
        report.AppendLine();
    }

    // ---- tongsin serve over the million, both backends ----

    private static void Serving(string tongsin, string sqlite, string? postgres, int articles, TextWriter log, StringBuilder report)
    {
        var ci = CultureInfo.InvariantCulture;
        report.AppendLine("### `tongsin serve` over the million\n");
        report.AppendLine("The real server in a child process; every query of the mix asked three times of `/api/search` and once of the `/search` page (with its facets), then 500 article pages picked at random; peak resident set as the kernel counted it (VmHWM).\n");
        report.AppendLine("| archive | requests | errors | peak RSS |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, location) in new[] { ("SQLite", (string?)sqlite), ("PostgreSQL", postgres) })
        {
            if (location is null) continue;
            using var server = ServerProcess.Start(tongsin, location);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
            var (requests, errors) = (0, 0);
            void Get(string path)
            {
                requests++;
                try
                {
                    using var response = http.GetAsync(path).GetAwaiter().GetResult();
                    if (!response.IsSuccessStatusCode) errors++;
                    response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { errors++; }
            }
            foreach (var q in SearchBenchmark.Mix)
            {
                for (var i = 0; i < 3; i++) Get("/api/search?q=" + Uri.EscapeDataString(q.Query));
                Get("/search?q=" + Uri.EscapeDataString(q.Query));
            }
            var random = new Random(7);
            for (var i = 0; i < 500; i++) Get($"/articles/{random.Next(1, articles + 1)}");
            var peak = server.Stop();
            log.WriteLine($"  serve over {name}: {requests} requests, {errors} errors, peak RSS {peak / 1e6:F0} MB");
            report.AppendLine(ci, $"| {name} | {requests} | {errors} | {peak / 1e6:F0} MB |");
        }
        report.AppendLine();
    }

    // ---- a PostgreSQL server: the one given, or a cluster of the benchmark's own ----

    private sealed class PostgresServer : IDisposable
    {
        private readonly string? _folder;
        private readonly string _baseUrl;

        private PostgresServer(string baseUrl, string? folder) => (_baseUrl, _folder) = (baseUrl.TrimEnd('/'), folder);

        public static PostgresServer From(string url, string folder, TextWriter log)
        {
            if (url.Length > 0) return new PostgresServer(url[..url.LastIndexOf('/')], null);
            if (Directory.Exists(folder)) Stop(folder);
            log.WriteLine($"starting a PostgreSQL cluster in {folder} (fsync on) ...");
            var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var a in new[] { Path.Combine(Root(), "scripts", "pg.sh"), "start", folder }) info.ArgumentList.Add(a);
            info.Environment["TONGSIN_PG_DURABLE"] = "1";
            using var p = Process.Start(info) ?? throw new InvalidOperationException("pg.sh did not start");
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var line = output.Split('\n').FirstOrDefault(l => l.Contains("TONGSIN_TEST_POSTGRES=", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("pg.sh gave no server address:\n" + output);
            var started = line[(line.IndexOf('=') + 1)..].Trim().Trim('\'', '"');
            return new PostgresServer(started[..started.LastIndexOf('/')], folder);
        }

        public string Database(string name) => $"{_baseUrl}/{name}";

        /// <summary>The server as the report names it: its version, whose cluster it is, and the settings that bear on the figures.</summary>
        public string Describe()
        {
            using var c = Open();
            using var cmd = new NpgsqlCommand("""
                SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'),
                       current_setting('full_page_writes'), current_setting('shared_buffers'), current_setting('work_mem'),
                       current_setting('effective_cache_size'), current_setting('random_page_cost')
                """, c);
            using var r = cmd.ExecuteReader();
            r.Read();
            var whose = _folder is null ? "a server given by --postgres" : "a cluster of the benchmark's own";
            return $"PostgreSQL {r.GetString(0)} on loopback, {whose}: fsync={r.GetString(1)}, synchronous_commit={r.GetString(2)}, " +
                $"full_page_writes={r.GetString(3)}, shared_buffers={r.GetString(4)}, work_mem={r.GetString(5)}, " +
                $"effective_cache_size={r.GetString(6)}, random_page_cost={r.GetString(7)}";
        }

        public void Drop(string name)
        {
            using var c = Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
            cmd.ExecuteNonQuery();
        }

        public long Size(string name)
        {
            using var c = Open();
            using var cmd = new NpgsqlCommand("SELECT pg_database_size($1)", c) { Parameters = { new() { Value = name } } };
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        private NpgsqlConnection Open()
        {
            var c = new NpgsqlConnection(PostgresAddress.Parse(Database("postgres")).Settings.ConnectionString);
            c.Open();
            return c;
        }

        public void Dispose()
        {
            if (_folder is not null) Stop(_folder);
        }

        private static void Stop(string folder)
        {
            using var p = Process.Start("bash", [Path.Combine(Root(), "scripts", "pg.sh"), "stop", folder]);
            p.WaitForExit();
        }

        private static string Root()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Tongsin.slnx"))) return dir.FullName;
            throw new InvalidOperationException("cannot find Tongsin.slnx above " + AppContext.BaseDirectory);
        }
    }
}
