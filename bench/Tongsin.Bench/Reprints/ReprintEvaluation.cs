using Tongsin.Analysis.Reprints;

namespace Tongsin.Bench.Reprints;

/// <summary>Precision, recall and F1 of the pairs at one threshold.</summary>
public sealed record PairScore(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A pair as the detector sees it: whether the two meet in a band's bucket, and their estimated similarity.</summary>
public sealed record PairVerdict(PairTexts Texts, bool Candidate, double Similarity, int Days)
{
    public bool Found(ReprintParameters p) => Candidate && Similarity >= p.Threshold && Days <= p.MostDays;
}

/// <summary>
/// Scores the labelled pairs the way the clustering decides them: a pair is found when the two
/// texts share a band's bucket, their estimated similarity reaches the threshold, and they came
/// out within the window of days.
/// </summary>
public static class ReprintEvaluation
{
    public static IReadOnlyList<PairVerdict> Judge(IReadOnlyList<PairTexts> pairs, ReprintParameters p)
    {
        var signatures = new ReprintSignatures(p);
        return pairs.Select(t =>
        {
            var a = signatures.Sign(t.A.Title, t.A.Paragraphs);
            var b = signatures.Sign(t.B.Title, t.B.Paragraphs);
            if (a is null || b is null) return new PairVerdict(t, false, 0, 0);
            var lang = t.A.Source.Language;
            var candidate = a.Buckets(lang, p.Bands, p.Rows).Intersect(b.Buckets(lang, p.Bands, p.Rows)).Any();
            return new PairVerdict(t, candidate, a.Similarity(b), Math.Abs(t.A.Published.DayNumber - t.B.Published.DayNumber));
        }).ToList();
    }

    public static PairScore Score(IReadOnlyList<PairVerdict> verdicts, ReprintParameters p)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var v in verdicts)
        {
            var found = v.Found(p);
            if (found && v.Texts.Pair.Same) tp++;
            else if (found) fp++;
            else if (v.Texts.Pair.Same) fn++;
        }
        return new PairScore(p.Threshold, tp, fp, fn);
    }
}
