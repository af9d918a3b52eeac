using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tongsin.Analysis.Rhetoric;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Rhetoric;

/// <summary>
/// rhetoric-terms: how often each term of the lexicon occurs in a corpus's English articles, split
/// as the analyser splits them: the sentences carrying it, those of them naming a target, and those
/// naming the United States, south Korea or Japan; and how many of the last have a negation within
/// the three words before a term. What the lexicon was grown and pruned with (docs/rhetoric.md).
/// </summary>
internal static class LexiconCounts
{
    private static readonly string[] Watched = ["united-states", "south-korea", "japan"];
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "no", "never", "neither", "nor", "without" };

    public static int Run(Options options)
    {
        var corpus = options.String("corpus", Path.Combine(Reprints.ReprintPairsReport.DefaultCorpora, "kcna-co-jp-1997-2018.jsonl.gz"));
        if (!File.Exists(corpus)) { Console.WriteLine($"skipped: no corpus at {corpus}"); return 0; }
        var scorer = RhetoricScorer.Load();
        var reader = new CorpusRecords(new OutletCatalog());
        var counts = scorer.Lexicon.Terms.ToDictionary(t => t, _ => new long[3]);
        long sentences = 0, watched = 0, termsInWatched = 0, negated = 0;
        using var text = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress), Encoding.UTF8);
        for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
        {
            if (line.Length == 0) continue;
            ArticleCapture? capture;
            try { using var doc = JsonDocument.Parse(line); capture = reader.Read(doc.RootElement); }
            catch (Exception e) when (e is JsonException or FormatException or InvalidDataException or ImportFailureException) { continue; }
            if (capture is null || capture.Source.Language != "en") continue;
            foreach (var s in scorer.Judge(capture.Title, capture.Paragraphs))
            {
                sentences++;
                var isWatched = s.Targets.Any(Watched.Contains);
                if (isWatched) watched++;
                var terms = s.Targets.Count > 0 ? s.Terms : scorer.Lexicon.Find(s.Text);
                foreach (var term in terms)
                {
                    var c = counts[term];
                    c[0]++;
                    if (s.Targets.Count > 0) c[1]++;
                    if (!isWatched) continue;
                    c[2]++;
                    termsInWatched++;
                    if (NegatedBefore(s.Text, term)) negated++;
                }
            }
        }
        Console.WriteLine($"{Path.GetFileName(corpus)}: {sentences:N0} sentences, {watched:N0} naming the United States, south Korea or Japan; "
            + $"of the {termsInWatched:N0} terms in those, {negated:N0} ({(termsInWatched == 0 ? 0 : 100.0 * negated / termsInWatched).ToString("0.0", CultureInfo.InvariantCulture)}%) have a negation within the three words before");
        Console.WriteLine("term\tclass\tsentences\tnaming a target\tnaming U.S., south Korea or Japan");
        foreach (var (term, c) in counts.OrderByDescending(kv => kv.Value[0]))
            Console.WriteLine($"{term.Text}\t{term.Class.ToString().ToLowerInvariant()}\t{c[0]}\t{c[1]}\t{c[2]}");
        return 0;
    }

    // A negation among the three words before the term's first occurrence.
    private static bool NegatedBefore(string sentence, LexiconTerm term)
    {
        var at = sentence.IndexOf(term.Stem.Split(' ')[0], StringComparison.OrdinalIgnoreCase);
        if (at <= 0) return false;
        var before = sentence[..at].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return before.TakeLast(3).Any(w => Negations.Contains(w.Trim(',', ';', ':', '"', '(')));
    }
}
