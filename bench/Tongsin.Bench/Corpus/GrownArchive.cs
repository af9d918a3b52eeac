using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tongsin.Archive;
using Tongsin.Archive.Sqlite;
using Tongsin.Bench.Measuring;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Corpus;

/// <summary>
/// An archive of N articles grown from the real kcna.co.jp corpus: the corpus itself, then
/// reprints of it under other outlets (Rodong Sinmun, Voice of Korea, Minju Choson...), each a
/// few days later and with its text varied (sentences dropped, paragraphs swapped), so the words
/// and their frequencies are those of real KCNA copy while no two articles are the same text. One
/// article in twenty is Korean, cut from the Korean New Year addresses beside the corpus, so
/// Korean queries have real Korean to find. Built through the import's own store path; a marker
/// file records how, so a rerun reuses the archive.
/// </summary>
internal static class GrownArchive
{
    private const int Format = 1;
    private const int Batch = 5000;

    private static readonly string[] Reprinters =
        ["Rodong Sinmun", "Voice of Korea", "Minju Choson", "The Pyongyang Times", "Uriminzokkiri", "Naenara", "Korean Central News Agency"];

    public static string DefaultCorpus =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/corpora/kcna-co-jp-1997-2018.jsonl.gz"));

    /// <summary>The real corpus read into captures, in file order; records without article text are left out.</summary>
    public static List<ArticleCapture> ReadCorpus(string path)
    {
        var reader = new KcnaCoJpRecord(new OutletCatalog());
        var lines = new List<string>();
        using (var text = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8))
            for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
                if (line.Length > 0) lines.Add(line);
        var captures = new ArticleCapture?[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            using var doc = JsonDocument.Parse(lines[i]);
            try { captures[i] = reader.Read(doc.RootElement); }
            catch (ImportFailureException) { captures[i] = null; }
        });
        return captures.OfType<ArticleCapture>().ToList();
    }

    public static void Ensure(string path, int articles, string corpus, TextWriter log)
    {
        // On a fresh machine the folder (by default /tmp/tongsin-bench) is not there yet.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var marker = path + ".bench";
        var expected = $"format={Format} articles={articles} corpus={Path.GetFileName(corpus)}";
        if (File.Exists(path) && File.Exists(marker) && File.ReadAllText(marker).Trim() == expected)
        {
            log.WriteLine($"using the archive of {articles:N0} articles already at {path}");
            return;
        }
        if (!File.Exists(corpus)) throw new IOException($"the corpus {corpus} is not there; pass --corpus PATH");

        File.Delete(marker);
        ArchiveFiles.Delete(path);
        var clock = Stopwatch.StartNew();
        var originals = ReadCorpus(corpus);
        var korean = KoreanTexts(Path.Combine(Path.GetDirectoryName(corpus)!, "korean-new-year-addresses"));
        log.WriteLine($"growing {articles:N0} articles from {originals.Count:N0} real ones and {korean.Count} Korean addresses at {path} ...");

        var outlets = new OutletCatalog();
        var koreanCount = korean.Count == 0 ? 0 : articles / 20;
        var plan = Plan(originals.Count, articles - koreanCount).Concat(Enumerable.Range(0, koreanCount).Select(k => (Copy: -1, Index: k))).ToList();
        using (var archive = SqliteArchive.OpenOrCreate(path, TimeProvider.System))
        using (var session = archive.BeginImport())
        {
            var next = Prepare(plan, 0, originals, korean, outlets);
            var lastReport = TimeSpan.Zero;
            for (var start = 0; start < plan.Count; start += Batch)
            {
                var batch = next.GetAwaiter().GetResult();
                next = start + Batch < plan.Count ? Prepare(plan, start + Batch, originals, korean, outlets) : Task.FromResult(Array.Empty<PreparedPage>());
                foreach (var page in batch) session.Store(page);
                session.Commit();
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(20))
                {
                    lastReport = clock.Elapsed;
                    log.WriteLine($"  {Math.Min(start + Batch, plan.Count):N0} of {plan.Count:N0} articles");
                }
            }
        }
        ImportBenchmark.Checkpoint(path);
        using (var archive = SqliteArchive.Open(path, TimeProvider.System))
        {
            var stats = archive.Stats();
            if (stats.Articles != articles)
                throw new InvalidOperationException($"the grown archive holds {stats.Articles:N0} articles, not {articles:N0}");
        }
        File.WriteAllText(marker, expected + "\n");
        log.WriteLine($"grown in {clock.Elapsed.TotalSeconds:F0} s, {ArchiveFiles.Size(path) / 1e6:F0} MB");
    }

    // Copy 0 is the corpus as it is; copy c reprints it under another outlet.
    private static IEnumerable<(int Copy, int Index)> Plan(int originals, int articles)
    {
        for (var n = 0; n < articles; n++) yield return (n / originals, n % originals);
    }

    private static Task<PreparedPage[]> Prepare(List<(int Copy, int Index)> plan, int start, List<ArticleCapture> originals, List<(int Year, string[] Paragraphs)> korean, OutletCatalog outlets) => Task.Run(() =>
    {
        var batch = new PreparedPage[Math.Min(Batch, plan.Count - start)];
        Parallel.For(0, batch.Length, i =>
        {
            var (copy, index) = plan[start + i];
            var capture = copy < 0 ? Korean(index, korean, outlets) : Reprint(originals[index], copy, index, outlets);
            batch[i] = PreparedPage.From(new PageCapture(capture, []));
        });
        return batch;
    });

    private static ArticleCapture Reprint(ArticleCapture a, int copy, int index, OutletCatalog outlets)
    {
        if (copy == 0) return a;
        var random = new Random(HashCode.Combine(copy, index, 17));
        var paragraphs = a.Paragraphs.Select(p => DropSentence(p, random)).ToList();
        for (var i = 1; i < paragraphs.Count; i++)
            if (random.NextDouble() < 0.15) (paragraphs[i - 1], paragraphs[i]) = (paragraphs[i], paragraphs[i - 1]);
        var outlet = outlets.Resolve(Reprinters[(copy - 1) % Reprinters.Length]);
        var url = a.Url is null ? null : a.Url + (a.Url.Contains('?') ? "&" : "?") + "reprint=" + copy;
        return a with
        {
            Source = new Source(outlet, a.Source.Language),
            Published = a.Published.AddDays(copy * 3),
            Url = url,
            Paragraphs = paragraphs,
            Dateline = null,
        };
    }

    private static string DropSentence(string paragraph, Random random)
    {
        var sentences = paragraph.Split(". ");
        if (sentences.Length < 2 || random.NextDouble() > 0.3) return paragraph;
        var drop = random.Next(sentences.Length);
        return string.Join(". ", sentences.Where((_, i) => i != drop));
    }

    // A Korean article: a run of 3-9 paragraphs of one address, titled by the opening words of its first.
    private static ArticleCapture Korean(int index, List<(int Year, string[] Paragraphs)> texts, OutletCatalog outlets)
    {
        var random = new Random(HashCode.Combine(index, 29));
        var (year, all) = texts[random.Next(texts.Count)];
        var length = Math.Min(all.Length, random.Next(3, 10));
        var first = random.Next(all.Length - length + 1);
        var paragraphs = all.Skip(first).Take(length).ToList();
        var words = paragraphs[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words.Skip(random.Next(Math.Max(1, words.Length - 6))).Take(6));
        var published = new DateOnly(1997, 1, 1).AddDays(random.Next(365 * 21));
        var outlet = outlets.Resolve(index % 2 == 0 ? "Rodong Sinmun" : "Korean Central News Agency");
        return new ArticleCapture(new Source(outlet, "ko"), $"{title} ({year})", published, null,
            $"https://bench.invalid/ko/{index}", paragraphs);
    }

    private static List<(int Year, string[] Paragraphs)> KoreanTexts(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (int.Parse(Path.GetFileNameWithoutExtension(f)), File.ReadAllLines(f).Select(l => l.Trim()).Where(l => l.Length > 20).ToArray()))
            .Where(t => t.Item2.Length >= 3)
            .ToList();
    }
}
