using System.Diagnostics;
using Dapper;
using Tongsin.Analysis;
using Tongsin.Analysis.Lengths;
using Tongsin.Analysis.Reprints;
using Tongsin.Archive;
using Tongsin.Archive.Sqlite;
using Tongsin.Bench.Corpus;
using Tongsin.Bench.Measuring;
using Tongsin.Model;

namespace Tongsin.Bench.Reprints;

/// <summary>
/// `reprints`: reprint detection at scale, over a copy of the archive grown from the real corpus
/// (whose reprints under other outlets, a few days apart with sentences dropped and paragraphs
/// swapped, make the clusters): the signatures of every article; the clustering from scratch, each
/// run in a process of its own for its time and peak memory; a new copy of a real article taken
/// in after its import (the analyser on it, then its check against the band index), median over
/// many; and the real corpus imported with the analyser off and on, alternating.
/// </summary>
internal static class ReprintBenchmark
{
    public static int Run(Options options)
    {
        var articles = options.Int("articles", 1_000_000);
        var runs = options.Int("runs", 3);
        var samples = options.Int("samples", 200);
        var corpus = options.String("corpus", GrownArchive.DefaultCorpus);
        var grown = options.String("archive", Path.Combine(Path.GetTempPath(), "tongsin-bench", $"grown-{articles}.db"));
        var log = Console.Out;
        log.WriteLine("machine: " + MachineInfo.Read());
        log.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd}");
        GrownArchive.Ensure(grown, articles, corpus, log);

        // A copy, so the grown archive other benchmarks reuse stays as it was grown.
        var path = Path.Combine(Path.GetDirectoryName(grown)!, $"reprints-{articles}.db");
        ArchiveFiles.Delete(path);
        File.Copy(grown, path);
        var clock = Stopwatch.StartNew();
        using (var archive = SqliteArchive.Open(path, TimeProvider.System))
        {
            var run = new AnalyserRunner(archive, [new ReprintSignatures()], batch: 2000).Run()[0];
            log.WriteLine($"signatures: {run.Articles:N0} articles, {run.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
        }
        ImportBenchmark.Checkpoint(path);

        for (var r = 0; r < runs; r++)
        {
            var m = ChildRun.Run("measure-reprint-clusters", "--archive", path);
            log.WriteLine($"clustering from scratch, run {r + 1}: {m.Seconds:F1} s, peak RSS {m.PeakRssBytes / 1048576.0:F0} MiB; {m.Detail}");
        }

        var captures = GrownArchive.ReadCorpus(corpus);
        NewCopies(path, captures, samples, log);
        ImportOnOff(captures, Path.Combine(Path.GetDirectoryName(grown)!, "reprints-import.db"), runs, log);
        return 0;
    }

    /// <summary>The child's part: every cluster again, timed, with the process's peak memory.</summary>
    public static Measurement MeasureClusters(string path)
    {
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var run = new ReprintClustering().Rebuild(archive);
        return new Measurement("reprint-clusters", clock.Elapsed.TotalSeconds, (int)run.Articles, 0, ArchiveFiles.Size(path), PeakMemory.Bytes(),
            $"{run.Articles:N0} signatures, {run.Clusters:N0} clusters of {run.Members:N0} articles");
    }

    // Copies of real articles (retitled, a day later, in another outlet) stored one at a time; each
    // then analysed and checked against the band index, timed apart.
    private static void NewCopies(string path, List<ArticleCapture> captures, int samples, TextWriter log)
    {
        var random = new Random(7);
        var outlets = new OutletCatalog();
        var analyse = new List<double>();
        var check = new List<double>();
        var joined = 0;
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        var runner = new AnalyserRunner(archive, [new ReprintSignatures()]);
        var clustering = new ReprintClustering();
        using var c = archive.Connect();
        clustering.Update(c);
        var before = c.ExecuteScalar<long>("SELECT count(*) FROM reprint_clusters");
        for (var i = 0; i < samples; i++)
        {
            var a = captures[random.Next(captures.Count)];
            if (a.Paragraphs.Count == 0) { i--; continue; }
            var copy = ReprintPairs.Edit(a, "retitle") with { Source = new Source(outlets.Resolve("Minju Choson"), a.Source.Language), Url = $"https://bench.invalid/reprint/{i}" };
            using (var session = archive.BeginImport())
            {
                session.Store(new PageCapture(copy, []));
                session.Commit();
            }
            var clock = Stopwatch.StartNew();
            runner.Run();
            analyse.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            clustering.Update(c);
            check.Add(clock.Elapsed.TotalMilliseconds);
            var members = c.ExecuteScalar<long>("SELECT count(*) FROM reprint_clusters");
            if (members > before) joined++;
            before = members;
        }
        log.WriteLine($"a new copy, {samples} of them: analysed in {Median(analyse):F2} ms (median; p95 {Percentile(analyse, 0.95):F2} ms), "
            + $"checked against the index and clustered in {Median(check):F2} ms (median; p95 {Percentile(check, 0.95):F2} ms); {joined} joined a cluster");
    }

    // The real corpus imported into a new archive and analysed as `tongsin import` does, with the
    // reprints analyser and its clusters (on) or without (off), alternating.
    private static void ImportOnOff(List<ArticleCapture> captures, string path, int runs, TextWriter log)
    {
        var pages = captures.Select(c => PreparedPage.From(new PageCapture(c, []))).ToList();
        var off = new List<double>();
        var on = new List<double>();
        for (var r = 0; r < runs; r++)
            foreach (var withReprints in new[] { false, true })
            {
                ArchiveFiles.Delete(path);
                var clock = Stopwatch.StartNew();
                using (var archive = SqliteArchive.OpenOrCreate(path, TimeProvider.System))
                {
                    using (var session = archive.BeginImport())
                    {
                        foreach (var chunk in pages.Chunk(5000))
                        {
                            foreach (var page in chunk) session.Store(page);
                            session.Commit();
                        }
                    }
                    IReadOnlyList<IAnalyser> analysers = withReprints ? [new ArticleLengths(), new ReprintSignatures()] : [new ArticleLengths()];
                    new AnalyserRunner(archive, analysers).Run();
                    if (withReprints) new ReprintClustering().Update(archive);
                }
                (withReprints ? on : off).Add(clock.Elapsed.TotalSeconds);
                log.WriteLine($"import of {pages.Count:N0} real articles, reprints {(withReprints ? "on" : "off")}, run {r + 1}: {clock.Elapsed.TotalSeconds:F1} s");
            }
        log.WriteLine($"import medians: off {Median(off):F1} s ({pages.Count / Median(off):F0} articles/s), on {Median(on):F1} s ({pages.Count / Median(on):F0} articles/s)");
        ArchiveFiles.Delete(path);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}
