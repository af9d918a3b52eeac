using System.Globalization;
using Tongsin.Analysis.Entities;

namespace Tongsin.Bench.Mentions;

/// <summary>
/// `mentions-eval`: the recogniser over the judged sample (eval/mentions/sample.jsonl), precision
/// and recall of (article, entity) pairs per kind, then every pair found wrongly and every pair missed.
/// </summary>
internal static class MentionsEvalReport
{
    public static string DefaultSample => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../eval/mentions/sample.jsonl"));

    public static string DefaultCorpora => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/corpora"));

    public static int Run(Options options)
    {
        var samplePath = options.String("sample", DefaultSample);
        var corpora = options.String("corpora", DefaultCorpora);
        if (!File.Exists(samplePath))
        {
            Console.WriteLine($"skipped: no judged sample at {samplePath} (docs/mentions.md describes it)");
            return 0;
        }
        if (!Directory.Exists(corpora))
        {
            Console.WriteLine($"skipped: no corpora at {corpora}, where the judged articles' texts are read");
            return 0;
        }
        var o = Console.Out;
        var report = Evaluate(MentionSample.Read(samplePath), corpora, o);
        Write(report, o);
        return 0;
    }

    /// <summary>The scores of the recogniser on the judged articles whose texts the corpora hold; the others are named and left out.</summary>
    public static IReadOnlyList<KindScore> Evaluate(IReadOnlyList<JudgedArticle> sample, string corpora, TextWriter log)
    {
        var texts = MentionSample.Texts(sample, corpora);
        var recogniser = new MentionRecogniser(Gazetteer.Load());
        var judged = new List<MentionPair>();
        var found = new List<MentionPair>();
        foreach (var (article, capture) in texts)
        {
            if (capture is null)
            {
                log.WriteLine($"not found in {article.Corpus}: line {article.Line}, {article.Url}");
                continue;
            }
            var id = $"{article.Corpus} {article.Url}";
            judged.AddRange(MentionEvaluation.Pairs(id, article.Mentions));
            found.AddRange(MentionEvaluation.Pairs(id, recogniser.Recognise(capture.Title, capture.Paragraphs, capture.Published.Year)));
        }
        log.WriteLine($"{texts.Count(t => t.Value is not null)} of {sample.Count} judged articles read");
        return MentionEvaluation.Score(judged, found);
    }

    public static void Write(IReadOnlyList<KindScore> scores, TextWriter o)
    {
        o.WriteLine("| kind | judged | found | right | precision | recall |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in scores)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Kind} | {s.Judged} | {s.Found} | {s.Right} | {s.Precision:0.000} | {s.Recall:0.000} |"));
        foreach (var s in scores)
        {
            foreach (var p in s.FalsePositives) o.WriteLine($"wrongly found: {s.Kind} {p.Identity} ({p.Name}) in {p.Article}");
            foreach (var p in s.Misses) o.WriteLine($"missed: {s.Kind} {p.Identity} ({p.Name}) in {p.Article}");
        }
    }
}
