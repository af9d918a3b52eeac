using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tongsin.Analysis.Rhetoric;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Rhetoric;

/// <summary>
/// rhetoric-eval: precision and recall of the scorer's hostile sentences against the judged sample
/// (eval/rhetoric/sample.jsonl, docs/rhetoric.md). Each judged line names its record by corpus and
/// URL, its sentence by position and hash; the record is read from the corpora and split as the
/// analyser splits it, and the sentence found by its hash (by its position when no sentence has the
/// hash: the splitting then differs, and the line is counted apart). Without the sample or the
/// corpora it says so and does nothing.
/// </summary>
internal static class RhetoricEvaluation
{
    private sealed record Judged(string Corpus, string Url, string Published, int Sentence, string Hash, string Target, bool Hostile, int Line);

    public static int Run(Options options)
    {
        var sample = options.String("sample", Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../eval/rhetoric/sample.jsonl")));
        var corpora = options.String("corpora", Reprints.ReprintPairsReport.DefaultCorpora);
        if (!File.Exists(sample)) { Console.WriteLine($"skipped: no judged sample at {sample} (eval/rhetoric/sample.jsonl; its format is in docs/rhetoric.md)"); return 0; }
        if (!Directory.Exists(corpora)) { Console.WriteLine($"skipped: no corpora at {corpora} (give --corpora DIR)"); return 0; }
        var judged = Read(sample);
        var missing = judged.Select(j => j.Corpus).Distinct().Where(c => !File.Exists(Path.Combine(corpora, c))).ToList();
        if (missing.Count > 0) { Console.WriteLine($"skipped: the corpora at {corpora} lack {string.Join(", ", missing)}"); return 0; }

        var scorer = RhetoricScorer.Load();
        var articles = Articles(judged, corpora, scorer);
        var all = new int[4];
        int byPosition = 0, notFound = 0;
        var perTarget = new Dictionary<string, int[]>();
        foreach (var j in judged)
        {
            if (!articles.TryGetValue((j.Corpus, j.Url, j.Published), out var sentences)) { notFound++; Console.WriteLine($"{sample}:{j.Line}: no record {j.Url} of {j.Published} in {j.Corpus}"); continue; }
            var sentence = sentences.FirstOrDefault(s => Sentences.Hash(s.Text) == j.Hash);
            if (sentence is null)
            {
                byPosition++;
                sentence = j.Sentence < sentences.Count ? sentences[j.Sentence] : null;
                if (sentence is null) { notFound++; continue; }
            }
            var said = sentence.HostileToward(j.Target);
            var cell = (said, j.Hostile) switch { (true, true) => 0, (true, false) => 1, (false, true) => 2, _ => 3 };
            all[cell]++;
            (perTarget.TryGetValue(j.Target, out var t) ? t : perTarget[j.Target] = new int[4])[cell]++;
        }
        Console.WriteLine($"judged sentences: {judged.Count}; found by hash: {judged.Count - byPosition - notFound}; by position only: {byPosition}; not found: {notFound}");
        Console.WriteLine(Line("all", all[0], all[1], all[2], all[3]));
        foreach (var (target, c) in perTarget.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Console.WriteLine(Line(target, c[0], c[1], c[2], c[3]));
        return 0;
    }

    private static string Line(string name, int tp, int fp, int fn, int tn)
    {
        static string P(double v) => double.IsNaN(v) ? "-" : v.ToString("0.000", CultureInfo.InvariantCulture);
        double precision = (double)tp / (tp + fp), recall = (double)tp / (tp + fn);
        return $"{name}: precision {P(precision)}, recall {P(recall)}, F1 {P(2 * precision * recall / (precision + recall))} (hostile said and judged {tp}, said only {fp}, judged only {fn}, neither {tn})";
    }

    private static List<Judged> Read(string path)
    {
        var judged = new List<Judged>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            try
            {
                var r = JsonDocument.Parse(line).RootElement;
                judged.Add(new Judged(r.GetProperty("corpus").GetString()!, r.GetProperty("url").GetString()!, r.GetProperty("published").GetString()!,
                    r.GetProperty("sentence").GetInt32(), r.GetProperty("hash").GetString()!, r.GetProperty("target").GetString()!, r.GetProperty("hostile").GetBoolean(), number));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}:{number}: not a judged sentence ({e.Message}); docs/rhetoric.md gives the format");
            }
        }
        return judged;
    }

    // The judged records, read as the importer reads them and split as the analyser splits them.
    private static Dictionary<(string, string, string), IReadOnlyList<JudgedSentence>> Articles(List<Judged> judged, string corpora, RhetoricScorer scorer)
    {
        var found = new Dictionary<(string, string, string), IReadOnlyList<JudgedSentence>>();
        foreach (var corpus in judged.Select(j => j.Corpus).Distinct())
        {
            var wanted = judged.Where(j => j.Corpus == corpus).Select(j => (j.Url, j.Published)).ToHashSet();
            var urls = wanted.Select(w => w.Url).ToHashSet();
            var reader = new CorpusRecords(new OutletCatalog());
            using var text = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(corpora, corpus)), CompressionMode.Decompress), Encoding.UTF8);
            for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
            {
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                if (!doc.RootElement.TryGetProperty("url", out var u) || u.GetString() is not { } url || !urls.Contains(url)) continue;
                ArticleCapture? capture;
                try { capture = reader.Read(doc.RootElement); }
                catch (ImportFailureException) { continue; }
                if (capture is null) continue;
                var day = capture.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (wanted.Contains((url, day))) found[(corpus, url, day)] = scorer.Judge(capture.Title, capture.Paragraphs);
            }
        }
        return found;
    }
}
