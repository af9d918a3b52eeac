using System.Text;

namespace Tongsin.Bench.Generation;

/// <summary>The generated pages of a run: their paths in capture order and their total size.</summary>
internal sealed record PageSet(string Folder, IReadOnlyList<string> Files, long Bytes);

/// <summary>
/// Writes N KCNA Watch pages into a folder, the same bytes for the same count and seed. A folder
/// that already holds that set (its manifest says so) is used as it is.
/// </summary>
internal static class Generator
{
    // Raise when the generated text changes, so old folders are written again.
    private const int Format = 1;
    private const int PagesPerFolder = 1000;
    private const string ManifestName = ".manifest";

    public static PageSet Ensure(string folder, int pages, int seed, TextWriter log)
    {
        var files = Enumerable.Range(0, pages).Select(i => PathOf(folder, i)).ToList();
        var manifest = Path.Combine(folder, ManifestName);
        var expected = $"format={Format} pages={pages} seed={seed}";
        if (File.Exists(manifest))
        {
            var lines = File.ReadAllLines(manifest);
            if (lines.Length == 2 && lines[0] == expected && long.TryParse(lines[1], out var bytes) && files.All(File.Exists))
            {
                log.WriteLine($"using {pages} pages already in {folder}");
                return new PageSet(folder, files, bytes);
            }
        }

        log.WriteLine($"writing {pages} pages (seed {seed}) to {folder} ...");
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (Directory.Exists(folder))
        {
            File.Delete(manifest);
            foreach (var sub in Directory.GetDirectories(folder)) Directory.Delete(sub, recursive: true);
        }
        var plan = ArticlePlan.Make(pages, seed);
        for (var i = 0; i < pages; i += PagesPerFolder) Directory.CreateDirectory(Path.GetDirectoryName(files[i])!);
        var utf8 = new UTF8Encoding(false);
        long total = 0;
        Parallel.For(0, pages, () => 0L, (i, _, sum) =>
        {
            var bytes = utf8.GetBytes(PageWriter.Write(plan, plan.Pages[i]));
            File.WriteAllBytes(files[i], bytes);
            return sum + bytes.Length;
        }, sum => Interlocked.Add(ref total, sum));
        File.WriteAllLines(manifest, [expected, total.ToString()]);
        log.WriteLine($"wrote {pages} pages, {total / 1e6:F0} MB, in {started.Elapsed.TotalSeconds:F1} s");
        return new PageSet(folder, files, total);
    }

    private static string PathOf(string folder, int index) =>
        Path.Combine(folder, (index / PagesPerFolder).ToString("D3"), index.ToString("D6") + ".txt");
}
