using System.Diagnostics;
using Tongsin.Archive.Sqlite;
using Tongsin.Bench.Generation;
using Tongsin.Bench.Measuring;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Web;

/// <summary>
/// An archive of N generated articles for the web benchmark, built through the import's own
/// store path (page text, KcnaWatchPageReader, an import session, a commit per batch) without
/// writing a page file. A marker file beside the archive records the count and seed, so a rerun
/// with the same ones reuses the archive instead of spending many minutes building it again.
/// </summary>
internal static class ArchiveBuilder
{
    // Raise when the generator or the way the archive is built changes, so old archives are rebuilt.
    private const int Format = 1;
    private const int Batch = 2000;

    public static void Ensure(string path, int articles, int seed, TextWriter log)
    {
        // On a fresh machine the folder (by default /tmp/tongsin-bench) is not there yet.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var marker = path + ".bench";
        var expected = $"format={Format} articles={articles} seed={seed}";
        if (File.Exists(path) && File.Exists(marker) && File.ReadAllText(marker).Trim() == expected)
        {
            log.WriteLine($"using the archive of {articles:N0} articles already at {path}");
            return;
        }

        // The marker is written last, so an interrupted build is never mistaken for a finished one.
        File.Delete(marker);
        ArchiveFiles.Delete(path);
        var clock = Stopwatch.StartNew();
        var plan = ArticlePlan.Make(PagesFor(articles), seed);
        log.WriteLine($"building an archive of {articles:N0} articles ({plan.Pages.Count:N0} pages, seed {seed}) at {path} ...");
        Store(plan, path, log);
        ImportBenchmark.Checkpoint(path);

        using (var archive = SqliteArchive.Open(path, TimeProvider.System))
        {
            var stats = archive.Stats();
            if (stats.Articles != articles || stats.Stubs != 0)
                throw new InvalidOperationException($"the archive holds {stats.Articles} articles and {stats.Stubs} stubs, not {articles} articles");
        }
        File.WriteAllText(marker, expected + "\n");
        log.WriteLine($"built in {clock.Elapsed.TotalSeconds:F0} s, {ArchiveFiles.Size(path) / 1e6:F0} MB");
    }

    private static void Store(ArticlePlan plan, string path, TextWriter log)
    {
        var reader = new KcnaWatchPageReader(new OutletCatalog());
        var pages = plan.Pages.Count;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        using var archive = SqliteArchive.OpenOrCreate(path, TimeProvider.System);
        using var session = archive.BeginImport();
        // The next batch is written and parsed on the other cores while this one is stored.
        var next = Read(plan, reader, 0);
        for (var start = 0; start < pages; start += Batch)
        {
            var batch = next.GetAwaiter().GetResult();
            next = start + Batch < pages ? Read(plan, reader, start + Batch) : Task.FromResult(Array.Empty<PageCapture>());
            foreach (var page in batch) session.Store(page);
            session.Commit();
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                var done = Math.Min(start + Batch, pages);
                log.WriteLine($"  {done:N0} of {pages:N0} pages, {done / clock.Elapsed.TotalSeconds:N0} pages/s");
            }
        }
    }

    private static Task<PageCapture[]> Read(ArticlePlan plan, KcnaWatchPageReader reader, int start) => Task.Run(() =>
    {
        var batch = new PageCapture[Math.Min(Batch, plan.Pages.Count - start)];
        Parallel.For(0, batch.Length, i => batch[i] = reader.Read(PageWriter.Write(plan, plan.Pages[start + i])));
        return batch;
    });

    /// <summary>
    /// The page count whose plan holds exactly this many articles: a plan adds a second, edited
    /// capture for 1.5% of its pages, and each page without one is a distinct article.
    /// </summary>
    private static int PagesFor(int articles)
    {
        var pages = (int)(articles / 0.985);
        while (ArticlePlan.ArticleCount(pages) < articles) pages++;
        while (ArticlePlan.ArticleCount(pages) > articles) pages--;
        if (ArticlePlan.ArticleCount(pages) != articles) throw new InvalidOperationException($"no page count gives {articles} articles");
        return pages;
    }
}
