using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Tongsin.Bench.Corpus;
using Tongsin.Bench.Measuring;

namespace Tongsin.Bench.Web;

/// <summary>
/// The server under a hostile load: `tongsin serve` over the real corpora, wrk on loopback with
/// 32 connections rotating through searches, feeds and plain pages, once without and once with
/// the costly queries a hostile client would send (a*, e*, a query of 26 prefixes, and a feed of
/// a*). Beside wrk, a probe asks for a plain page every 50 ms and times it, so the plain pages'
/// latency is known throughout the load and not only in wrk's mix. Each run has a server of its
/// own; wrk counts the answers by status, and the server's peak resident set is read at the end.
/// </summary>
internal static class CostBoundBenchmark
{
    private const int Threads = 2;
    private const int Connections = 32;
    private const int TimeoutSeconds = 60;

    private static readonly string Alphabet =
        string.Join("%20", Enumerable.Range('a', 26).Select(c => (char)c + "*"));

    /// <summary>What an ordinary reader asks: searches of every class, a search page with facets, feeds.</summary>
    private static readonly string[] Searches =
    [
        "/api/search?q=korea",
        "/api/search?q=nuclear%20test",
        "/api/search?q=%22Workers%27%20Party%20of%20Korea%22",
        "/api/search?q=Kim%20Jong%20Un",
        "/api/search?q=sanction*",
        "/api/search?q=%EA%B9%80%EC%A0%95%EC%9D%80",
        "/api/search?q=korea&sort=newest",
        "/search?q=missile",
        "/search/feed.rss?q=United%20States",
    ];

    /// <summary>What a hostile client adds: prefixes that stand for thousands of words.</summary>
    private static readonly string[] Costly =
    [
        "/api/search?q=a*",
        "/api/search?q=e*",
        "/api/search?q=" + Alphabet,
        "/search/feed.rss?q=a*",
    ];

    public static int Run(Options options)
    {
        var seconds = options.Int("seconds", 30);
        var budget = options.String("budget", "5");
        var corpora = Path.GetFullPath(options.String("corpora", Path.GetDirectoryName(GrownArchive.DefaultCorpus)!));
        var files = new[] { "kcna-co-jp-1997-2018.jsonl.gz", "kcna-kp-2023-2024.jsonl.gz", "rodong-2021-2022.jsonl.gz" }
            .Select(f => Path.Combine(corpora, f)).ToList();
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"skipped: the real corpora are not there ({missing}); pass --corpora DIR");
            return 0;
        }
        var archive = Path.GetFullPath(options.String("archive", Path.Combine(Path.GetTempPath(), "tongsin-bench", "real-corpora.db")));
        var machine = MachineInfo.Read();
        Console.Error.WriteLine($"machine: {machine}");
        var dll = TongsinBuild.Release(Console.Error);
        Ensure(dll, archive, files);

        var plain = PlainPages(archive);
        var ordinary = Searches.Concat(plain).ToList();
        var hostile = Searches.Concat(Costly).Concat(plain).ToList();
        var quiet = Load("without the costly queries", dll, archive, ["--search-budget", budget], ordinary, plain, seconds);
        var loud = Load("with the costly queries", dll, archive, ["--search-budget", budget], hostile, plain, seconds);
        // Another build of tongsin under the same hostile load, in the same sitting: the code before the bounds, say.
        var baseline = options.String("baseline", "");
        var before = baseline.Length == 0 ? null : Load("with the costly queries, baseline build", Path.GetFullPath(baseline), archive, [], hostile, plain, seconds);

        var command = $"dotnet run -c Release --project bench/Tongsin.Bench -- cost-bounds"
            + (seconds != 30 ? $" --seconds {seconds}" : "") + (budget != "5" ? $" --budget {budget}" : "") + (baseline.Length > 0 ? " --baseline BUILD/tongsin.dll" : "");
        Console.WriteLine(Report(machine, command, archive, budget, seconds, ordinary.Count, hostile.Count, quiet, loud, before));
        return 0;
    }

    private sealed record LoadRun(WrkResult Wrk, long PeakRssBytes, List<double> PlainMs, int PlainFailures);

    private static LoadRun Load(string description, string dll, string archive, string[] serveOptions, IReadOnlyList<string> paths, IReadOnlyList<string> plain, int seconds)
    {
        using var server = ServerProcess.Start(dll, archive, serveOptions);
        // Every address once before timing, so the server's code is jitted and its caches filled.
        using (var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) })
            foreach (var path in paths)
            {
                // A build without bounds may not answer a costly query within the two minutes.
                try { http.GetAsync(path).GetAwaiter().GetResult().Dispose(); }
                catch (TaskCanceledException) { Console.Error.WriteLine($"  {path}: no answer within two minutes"); }
            }
        Console.Error.WriteLine($"wrk: {description}, {paths.Count} addresses, {seconds} s, against {server.Address} ...");
        using var stop = new CancellationTokenSource();
        var probe = Task.Run(() => Probe(server.Address, plain, stop.Token));
        var wrk = WrkRun.Run("cost-" + paths.Count, server.Address, paths, seconds, Threads, Connections, TimeoutSeconds, countStatuses: true);
        stop.Cancel();
        var (latencies, failures) = probe.GetAwaiter().GetResult();
        return new LoadRun(wrk, server.Stop(), latencies, failures);
    }

    // One plain page every 50 ms, in turn, timed from request to the end of its body.
    private static async Task<(List<double>, int)> Probe(Uri server, IReadOnlyList<string> plain, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };
        var latencies = new List<double>();
        var failures = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(plain[i % plain.Count], CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                if (!response.IsSuccessStatusCode) failures++;
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            catch (HttpRequestException) { failures++; }
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
        }
        return (latencies, failures);
    }

    /// <summary>Pages that read no index: articles, the front page, the sources and one source's page.</summary>
    private static List<string> PlainPages(string archive)
    {
        var pages = ArticleSample.Ids(archive, 8, 1).Select(id => $"/articles/{id}").ToList();
        using var c = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT slug FROM sources ORDER BY id LIMIT 2";
        using var r = cmd.ExecuteReader();
        while (r.Read()) pages.Add($"/sources/{r.GetString(0)}");
        pages.Add("/");
        pages.Add("/sources");
        return pages;
    }

    /// <summary>The archive of the real corpora, imported once by the tongsin built here and then reused.</summary>
    private static void Ensure(string dll, string archive, IReadOnlyList<string> files)
    {
        if (File.Exists(archive)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        Console.Error.WriteLine($"importing the real corpora into {archive} ...");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "import", "--db", archive }.Concat(files)) info.ArgumentList.Add(a);
        using var import = Process.Start(info) ?? throw new InvalidOperationException("tongsin import did not start");
        var errors = import.StandardError.ReadToEndAsync();
        import.StandardOutput.ReadToEnd();
        import.WaitForExit();
        // The corpora hold a few records with no text, which the import names and leaves out (exit 1).
        if (import.ExitCode is not (0 or 1) || !File.Exists(archive))
            throw new InvalidOperationException($"importing the corpora failed (exit {import.ExitCode}): {errors.Result}");
    }

    private static string Report(MachineInfo machine, string command, string archive, string budget, int seconds, int ordinary, int hostile, LoadRun quiet, LoadRun loud, LoadRun? before)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## Cost bounds under a hostile load (issue: hardening)");
        sb.AppendLine();
        sb.AppendLine(inv, $"- Machine: {machine}");
        sb.AppendLine(inv, $"- Command: `{command}`");
        sb.AppendLine(inv, $"- Date: {DateTime.UtcNow:yyyy-MM-dd}");
        sb.AppendLine(inv, $"- Archive: the real corpora (kcna.co.jp, kcna.kp, Rodong Sinmun), {ArchiveFiles.Size(archive) / 1e6:N0} MB");
        sb.AppendLine(inv, $"- Load: wrk on loopback, {Threads} threads, {Connections} connections, {seconds} s per run; `tongsin serve --rate-limit 0 --search-budget {budget}` (a search's budget, its wait for a turn included, is {budget} s), a server of its own per run");
        sb.AppendLine(inv, $"- Plain pages: a probe beside wrk asks for an article, a source, the front page or the sources page every 50 ms and times each");
        sb.AppendLine();
        sb.AppendLine(inv, $"| | without the costly queries ({ordinary} addresses) | with a*, e*, 26 prefixes and a feed of a* ({hostile} addresses) |{(before is null ? "" : " the same, baseline build (no bounds) |")}");
        sb.AppendLine(before is null ? "|---|---:|---:|" : "|---|---:|---:|---:|");
        void Row(string name, Func<LoadRun, string> value) =>
            sb.AppendLine(inv, $"| {name} | {value(quiet)} | {value(loud)} |{(before is null ? "" : $" {value(before)} |")}");
        Row("Requests/s (wrk, all addresses)", r => r.Wrk.RequestsPerSecond.ToString("F1", inv));
        Row("Answers by status", r => string.Join(", ", r.Wrk.Statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value:N0}")));
        Row("Errors other than 400 and 503 (connect / read / write / timeout / other status)", r =>
            $"{r.Wrk.Connect} / {r.Wrk.Read} / {r.Wrk.Write} / {r.Wrk.Timeout} / {r.Wrk.Statuses.Where(kv => kv.Key >= 400 && kv.Key is not (400 or 503)).Sum(kv => kv.Value)}");
        Row("wrk latency p50 / p99 / max", r => $"{r.Wrk.P50Ms:N0} / {r.Wrk.P99Ms:N0} / {r.Wrk.MaxMs:N0} ms");
        Row("Plain pages (probe): count, failures", r => $"{r.PlainMs.Count:N0}, {r.PlainFailures}");
        Row("Plain pages (probe): p50 / p99 / max", r => $"{Percentile(r.PlainMs, 50):F1} / {Percentile(r.PlainMs, 99):F1} / {(r.PlainMs.Count == 0 ? 0 : r.PlainMs.Max()):F1} ms");
        Row("Server peak RSS (VmHWM)", r => $"{r.PeakRssBytes / 1e6:N0} MB");
        sb.AppendLine();
        sb.AppendLine(inv, $"Targets: no request over its budget ({budget} s; wrk's max above), no errors but the refusals (400 for a prefix that stands for too many words, 503 for a search past its budget or with no turn within it), plain pages' p99 under 100 ms throughout.");
        return sb.ToString();
    }

    private static double Percentile(List<double> values, double p) => values.Count == 0 ? 0 : SearchBenchmark.Percentile(values, p);
}
