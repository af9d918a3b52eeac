using System.Text.Json;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.Bench;

/// <summary>A query and the articles judged relevant to it, by title, graded 1 (partly) or 2 (fully).</summary>
public sealed record Judgment(string Query, IReadOnlyDictionary<string, int> Relevant);

/// <summary>How one judged query fared: the titles returned, and its precision and nDCG at 10.</summary>
public sealed record QueryScore(string Query, IReadOnlyList<string> Returned, double PrecisionAt10, double BestPrecisionAt10, double NdcgAt10);

/// <summary>
/// Measures search quality against judgments (the bench's report, and the tests, which compile
/// this file too and hold each backend to a floor): precision@10 (relevant hits among the first ten,
/// over ten, as trec_eval counts it; with few relevant articles a query cannot reach 1, so the best
/// it could reach is given beside it) and nDCG@10 (graded gain 2^grade - 1, log2 discount, over the
/// ideal ordering of the judgments).
/// </summary>
public static class Relevance
{
    public const int Depth = 10;

    public static IReadOnlyList<Judgment> ReadJudgments(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(j => new Judgment(
            j.GetProperty("query").GetString()!,
            j.GetProperty("relevant").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()))).ToList();
    }

    public static IReadOnlyList<QueryScore> Evaluate(IArchive archive, IEnumerable<Judgment> judgments) =>
        judgments.Select(j => Score(j, archive.Search(new SearchRequest(j.Query, Limit: Depth)).Hits.Select(h => h.Title).ToList())).ToList();

    public static QueryScore Score(Judgment judgment, IReadOnlyList<string> returned)
    {
        var top = returned.Take(Depth).ToList();
        var hits = top.Count(judgment.Relevant.ContainsKey);
        var dcg = top.Select((title, i) => Gain(judgment.Relevant.GetValueOrDefault(title)) / Math.Log2(i + 2)).Sum();
        var ideal = judgment.Relevant.Values.OrderDescending().Take(Depth).Select((grade, i) => Gain(grade) / Math.Log2(i + 2)).Sum();
        return new QueryScore(judgment.Query, top, (double)hits / Depth, Math.Min(Depth, judgment.Relevant.Count) / (double)Depth, ideal == 0 ? 0 : dcg / ideal);
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;
}
