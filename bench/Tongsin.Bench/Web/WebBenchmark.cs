using Tongsin.Bench.Measuring;

namespace Tongsin.Bench.Web;

/// <summary>Everything one web benchmark measured, for the report.</summary>
internal sealed record WebMeasurement(
    MachineInfo Machine, string Command, int Articles, int Seed, long ArchiveBytes, int Seconds, int Threads, int Connections, int TimeoutSeconds,
    ServerRun Search, ServerRun Article, IReadOnlyList<CaseTiming> Timings, IReadOnlyList<ArticlePageTiming> ArticlePages);

/// <summary>One wrk run against a server of its own, and that server's memory.</summary>
internal sealed record ServerRun(WrkResult Wrk, long PeakRssBytes, long LargestRssSample);

/// <summary>
/// The web server under load: an archive of N generated articles, the real `tongsin serve` in a
/// child process, wrk on loopback against /api/search (a fixed mix of query classes) and then
/// against /articles/{id}, and each search of the mix timed alone afterwards.
/// </summary>
internal static class WebBenchmark
{
    private const int Threads = 2;
    private const int Connections = 32;
    // wrk leaves a request slower than its timeout out of the latencies (it counts it as an error),
    // so the timeout is set well above any target: a slow tail shows as latency, not as a gap.
    private const int TimeoutSeconds = 30;
    private const int ArticlePaths = 1000;

    public static int Run(Options options)
    {
        var articles = options.Int("articles", 1_000_000);
        var seed = options.Int("seed", 1);
        var seconds = Duration(options.String("duration", "30s"));
        var archive = Path.GetFullPath(options.String("archive",
            Path.Combine(Path.GetTempPath(), "tongsin-bench", $"web-{articles}-seed{seed}.db")));

        var machine = MachineInfo.Read();
        Console.Error.WriteLine($"machine: {machine}");
        ArchiveBuilder.Ensure(archive, articles, seed, Console.Error);
        var dll = TongsinBuild.Release(Console.Error);

        var searchPaths = SearchMix.Cases.Select(c => c.Path).ToList();
        var articlePaths = ArticleSample.Ids(archive, ArticlePaths, seed).Select(id => $"/articles/{id}").ToList();

        // A server of its own for each run: searches still running when wrk stops would otherwise
        // hold the cores at the start of the next run, and each run gets its own peak memory.
        var search = Load("search", dll, archive, searchPaths, seconds, $"/api/search, {searchPaths.Count} searches in rotation");
        var article = Load("article", dll, archive, articlePaths, seconds, $"/articles/{{id}}, {articlePaths.Count} articles in rotation");

        Console.Error.WriteLine("each search alone, in this process:");
        var timings = SearchTimings.Measure(archive, runsPerCase: 100, budgetPerCase: TimeSpan.FromSeconds(10), Console.Error);
        Console.Error.WriteLine("each article page's archive calls alone, in this process ...");
        var pages = ArticlePageTimings.Measure(archive, ArticleSample.Ids(archive, 300, seed + 1));

        var command = $"dotnet run -c Release --project bench/Tongsin.Bench -- web --articles {articles}"
            + (seed != 1 ? $" --seed {seed}" : "") + (seconds != 30 ? $" --duration {seconds}s" : "");
        var measured = new WebMeasurement(machine, command, articles, seed, ArchiveFiles.Size(archive), seconds, Threads, Connections, TimeoutSeconds,
            search, article, timings, pages);
        Console.WriteLine(WebReport.Markdown(measured));
        return 0;
    }

    private static ServerRun Load(string name, string dll, string archive, IReadOnlyList<string> paths, int seconds, string description)
    {
        using var server = ServerProcess.Start(dll, archive);
        // Every address once before timing: each must answer 200, and the server's code is jitted.
        CheckAnswers(server.Address, paths.Take(100));
        Console.Error.WriteLine($"wrk: {description}, {seconds} s, against {server.Address} ...");
        var wrk = WrkRun.Run(name, server.Address, paths, seconds, Threads, Connections, TimeoutSeconds);
        var largest = server.LargestSample;
        return new ServerRun(wrk, server.Stop(), largest);
    }

    private static void CheckAnswers(Uri server, IEnumerable<string> paths)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        foreach (var path in paths)
        {
            using var response = http.GetAsync(path).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }

    /// <summary>A duration as wrk writes it: 30s, 2m, or plain seconds.</summary>
    private static int Duration(string text)
    {
        var value = text.TrimEnd('s', 'm');
        if (!int.TryParse(value, out var n) || n <= 0) throw new ArgumentException($"--duration '{text}' is not a duration like 30s or 2m");
        return text.EndsWith('m') ? n * 60 : n;
    }
}
