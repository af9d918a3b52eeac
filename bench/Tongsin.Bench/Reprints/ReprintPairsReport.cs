using System.Globalization;
using Tongsin.Analysis.Reprints;

namespace Tongsin.Bench.Reprints;

/// <summary>
/// `reprint-pairs`: the labelled pairs scored over a grid of shingle sizes, bands and windows of
/// days, each as a curve of precision, recall and F1 against the threshold (docs/reprints.md), then
/// the pairs the chosen parameters get wrong.
/// </summary>
internal static class ReprintPairsReport
{
    public static string DefaultPairs => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../Reprints/reprint-pairs.tsv"));

    public static string DefaultCorpora => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/corpora"));

    public static int Run(Options options)
    {
        var pairs = ReprintPairs.Read(options.String("pairs", DefaultPairs));
        var texts = ReprintPairs.Load(pairs, options.String("corpora", DefaultCorpora));
        var o = Console.Out;
        o.WriteLine($"{pairs.Count} labelled pairs: {pairs.Count(p => p.Same)} copies, {pairs.Count(p => !p.Same)} different texts");
        var chosen = ReprintParameters.Chosen;
        foreach (var shingle in new[] { 1, 2, 3, 4, 5 })
            foreach (var (bands, rows) in new[] { (20, 3), (16, 4), (32, 2) })
                foreach (var days in new[] { 36_500, 31, 14, 7 })
                {
                    var p = chosen with { ShingleSize = shingle, Bands = bands, Rows = rows, MostDays = days };
                    var verdicts = ReprintEvaluation.Judge(texts, p);
                    var best = Thresholds().Select(t => ReprintEvaluation.Score(verdicts, p with { Threshold = t })).MaxBy(s => s.F1)!;
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"shingles {shingle}, {bands}x{rows}, within {days} days: best F1 {best.F1:0.000} at {best.Threshold:0.00} (P {best.Precision:0.000}, R {best.Recall:0.000})"));
                }

        o.WriteLine();
        o.WriteLine($"chosen: {chosen}");
        o.WriteLine("| threshold | precision | recall | F1 | false positives | false negatives |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var chosenVerdicts = ReprintEvaluation.Judge(texts, chosen);
        foreach (var t in Thresholds())
        {
            var s = ReprintEvaluation.Score(chosenVerdicts, chosen with { Threshold = t });
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {t:0.00} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} | {s.FalsePositives} | {s.FalseNegatives} |"));
        }
        o.WriteLine();
        foreach (var v in chosenVerdicts.Where(v => v.Found(chosen) != v.Texts.Pair.Same))
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(v.Texts.Pair.Same ? "missed" : "wrongly found")}: {v.Texts.Pair.Kind}, similarity {v.Similarity:0.00}{(v.Candidate ? "" : " (no shared bucket)")}, {v.Days} days apart: {v.Texts.Pair.Note}"));
        o.WriteLine();
        o.WriteLine("the most alike different texts within the window:");
        foreach (var v in chosenVerdicts.Where(v => !v.Texts.Pair.Same && v.Days <= chosen.MostDays).OrderByDescending(v => v.Similarity).Take(5))
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {v.Similarity:0.00}{(v.Candidate ? "" : " (no shared bucket)")}: {v.Texts.Pair.Kind}: {v.Texts.Pair.Note}"));
        return 0;
    }

    private static IEnumerable<double> Thresholds() => Enumerable.Range(4, 15).Select(i => i * 0.05);
}
