using System.Globalization;
using System.Text;

namespace Tongsin.Bench.Web;

/// <summary>The web figures as a markdown section for docs/benchmarks.md, with the issue's targets.</summary>
internal static class WebReport
{
    public const double SearchP99TargetMs = 50;
    public const double ArticleP99TargetMs = 10;

    public static string Markdown(WebMeasurement m)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## Web (issue: web)");
        sb.AppendLine();
        sb.AppendLine(inv, $"- Machine: {m.Machine}");
        sb.AppendLine(inv, $"- Command: `{m.Command}`");
        sb.AppendLine(inv, $"- Date: {DateTime.UtcNow:yyyy-MM-dd}");
        sb.AppendLine(inv, $"- Archive: {m.Articles:N0} generated articles (seed {m.Seed}), {m.ArchiveBytes / 1e6:N0} MB (db + wal)");
        sb.AppendLine(inv, $"- Load: wrk on loopback, {m.Threads} threads, {m.Connections} connections, {m.Seconds} s per run, `--timeout {m.TimeoutSeconds}s`; `tongsin serve --rate-limit 0` in its own process");
        sb.AppendLine();
        sb.AppendLine(inv, $"| | /api/search ({SearchMix.Cases.Length} searches in rotation) | /articles/{{id}} (random articles) |");
        sb.AppendLine("|---|---:|---:|");
        Row(sb, "Requests/s", r => r.RequestsPerSecond.ToString(r.RequestsPerSecond < 10 ? "F2" : "N0", inv), m);
        Row(sb, "Requests", r => r.Requests.ToString("N0", inv), m);
        Row(sb, "p50", r => Ms(r.P50Ms), m);
        Row(sb, "p90", r => Ms(r.P90Ms), m);
        Row(sb, "p99", r => Ms(r.P99Ms), m);
        Row(sb, "max", r => Ms(r.MaxMs), m);
        Row(sb, "Errors: connect / read / write / status / timeout", r => $"{r.Connect} / {r.Read} / {r.Write} / {r.Status} / {r.Timeout}", m);
        sb.AppendLine(inv, $"| Server peak RSS (VmHWM) | {m.Search.PeakRssBytes / 1e6:N0} MB | {m.Article.PeakRssBytes / 1e6:N0} MB |");
        sb.AppendLine(inv, $"| Largest RSS sample (every 250 ms) | {m.Search.LargestRssSample / 1e6:N0} MB | {m.Article.LargestRssSample / 1e6:N0} MB |");
        sb.AppendLine();

        sb.AppendLine("Each search alone (one at a time, in the benchmark's process, after the server stopped; the archive work of `/api/search` without HTTP):");
        sb.AppendLine();
        sb.AppendLine("| Class | Runs | p50 | p99 | max |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var cls in SearchMix.Classes)
        {
            var runs = m.Timings.Where(t => t.Case.Class == cls).SelectMany(t => t.Milliseconds).ToList();
            if (runs.Count == 0) continue;
            sb.AppendLine(inv, $"| {cls} | {runs.Count} | {Ms(SearchTimings.Percentile(runs, 50))} | {Ms(SearchTimings.Percentile(runs, 99))} | {Ms(runs.Max())} |");
        }
        sb.AppendLine();
        sb.AppendLine("| Search | Class | Hits | p50 | max |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var t in m.Timings)
            sb.AppendLine(inv, $"| `{t.Case.Label.Replace("|", "\\|")}` | {t.Case.Class} | {t.Hits:N0} | {Ms(SearchTimings.Percentile(t.Milliseconds, 50))} | {Ms(t.Milliseconds.Max())} |");
        sb.AppendLine();

        var pages = m.ArticlePages;
        sb.AppendLine(inv, $"Each article page's archive calls alone ({pages.Count} random articles, one at a time, in the benchmark's process):");
        sb.AppendLine();
        sb.AppendLine("| Call | p50 | p99 | max |");
        sb.AppendLine("|---|---:|---:|---:|");
        PageRow(sb, "the article (`FindArticle`)", pages.Select(p => p.Article).ToList());
        PageRow(sb, "its versions (`Versions`)", pages.Select(p => p.Versions).ToList());
        PageRow(sb, "\"More From\" its source (`ListArticles`, 6 articles)", pages.Select(p => p.MoreFrom).ToList());
        PageRow(sb, "all three", pages.Select(p => p.Total).ToList());
        sb.AppendLine();

        sb.AppendLine("| Target | Figure | Met |");
        sb.AppendLine("|---|---:|---|");
        sb.AppendLine(inv, $"| Search p99 at most {SearchP99TargetMs:0} ms | {Ms(m.Search.Wrk.P99Ms)} | {YesNo(m.Search.Wrk.P99Ms <= SearchP99TargetMs)} |");
        sb.AppendLine(inv, $"| Article page p99 at most {ArticleP99TargetMs:0} ms | {Ms(m.Article.Wrk.P99Ms)} | {YesNo(m.Article.Wrk.P99Ms <= ArticleP99TargetMs)} |");
        sb.AppendLine(inv, $"| No errors | {m.Search.Wrk.Errors + m.Article.Wrk.Errors} | {YesNo(m.Search.Wrk.Errors + m.Article.Wrk.Errors == 0)} |");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, Func<WrkResult, string> value, WebMeasurement m) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value(m.Search.Wrk)} | {value(m.Article.Wrk)} |");

    private static void PageRow(StringBuilder sb, string call, IReadOnlyList<double> ms) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {call} | {Ms(SearchTimings.Percentile(ms, 50))} | {Ms(SearchTimings.Percentile(ms, 99))} | {Ms(ms.Max())} |");

    private static string Ms(double ms) => ms switch
    {
        < 10 => ms.ToString("F2", CultureInfo.InvariantCulture) + " ms",
        < 1000 => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms",
        _ => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms",
    };

    private static string YesNo(bool met) => met ? "yes" : "no";
}
