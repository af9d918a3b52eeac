using System.Globalization;
using Tongsin.Analysis.Entities;

namespace Tongsin.Bench.Mentions;

/// <summary>An (article, entity) pair as the evaluation compares them: the slug, or for an entity without one the folded name.</summary>
public readonly record struct MentionPair(string Article, string Kind, string Identity, string Name)
{
    public static string IdentityOf(string? slug, string name) => slug is { Length: > 0 } ? slug : "name:" + SpellingKey.Of(name);
}

/// <summary>Precision and recall of one kind, with the pairs found wrongly and those missed.</summary>
public sealed record KindScore(string Kind, int Judged, int Found, int Right, IReadOnlyList<MentionPair> FalsePositives, IReadOnlyList<MentionPair> Misses)
{
    public double Precision => Found == 0 ? 1 : (double)Right / Found;
    public double Recall => Judged == 0 ? 1 : (double)Right / Judged;
}

/// <summary>
/// The recogniser's pairs against the judged ones, per kind (person, country, organisation: the
/// kinds docs/mentions.md judges). A pair matches when the slugs agree, or for an entity without a
/// slug when the names agree once folded (<see cref="SpellingKey.Of"/>). A judged entity written
/// without a slug that the gazetteer has since gained (one entity of its kind has the name as a
/// spelling) is that entity: the rules identify an entity by its slug when the gazetteer has it.
/// </summary>
public static class MentionEvaluation
{
    public static readonly string[] JudgedKinds = ["person", "country", "organisation"];

    /// <summary>The pairs a recogniser's findings make for one article, of the judged kinds.</summary>
    public static IEnumerable<MentionPair> Pairs(string article, IEnumerable<RecognisedMention> found) =>
        found.Select(m => new MentionPair(article, KindName(m.Kind), MentionPair.IdentityOf(m.Entity?.Slug, m.Name), m.Name))
            .Where(p => JudgedKinds.Contains(p.Kind));

    /// <summary>The pairs a judge wrote for one article; a name without a slug takes the slug of the one entity of its kind the gazetteer spells so.</summary>
    public static IEnumerable<MentionPair> Pairs(string article, IEnumerable<JudgedMention> judged, Gazetteer? gazetteer = null) =>
        judged.Select(m => new MentionPair(article, m.Kind, MentionPair.IdentityOf(m.Slug ?? SlugOf(gazetteer, m), m.Name), m.Name))
            .Where(p => JudgedKinds.Contains(p.Kind));

    private static string? SlugOf(Gazetteer? gazetteer, JudgedMention m)
    {
        if (gazetteer is null) return null;
        var sharing = gazetteer.Find(m.Name).Where(e => KindName(e.Kind) == m.Kind).Take(2).ToList();
        return sharing.Count == 1 ? sharing[0].Slug : null;
    }

    public static IReadOnlyList<KindScore> Score(IEnumerable<MentionPair> judged, IEnumerable<MentionPair> found)
    {
        var j = judged.DistinctBy(Key).ToList();
        var f = found.DistinctBy(Key).ToList();
        return JudgedKinds.Select(kind =>
        {
            var jk = j.Where(p => p.Kind == kind).ToList();
            var fk = f.Where(p => p.Kind == kind).ToList();
            var judgedKeys = jk.Select(Key).ToHashSet();
            var foundKeys = fk.Select(Key).ToHashSet();
            var right = fk.Count(p => judgedKeys.Contains(Key(p)));
            return new KindScore(kind, jk.Count, fk.Count, right,
                fk.Where(p => !judgedKeys.Contains(Key(p))).ToList(), jk.Where(p => !foundKeys.Contains(Key(p))).ToList());
        }).ToList();
    }

    private static (string, string, string) Key(MentionPair p) => (p.Article, p.Kind, p.Identity);

    public static string KindName(EntityKind kind) => EntityKinds.Name(kind);

    /// <summary>What is missing for an evaluation (the sample, or the corpora its texts are read from), or null when nothing is.</summary>
    public static string? Missing(string sample, string corpora) =>
        !File.Exists(sample) ? $"no judged sample at {sample} (docs/mentions.md describes it)"
        : !Directory.Exists(corpora) ? $"no corpora at {corpora}, where the judged articles' texts are read"
        : null;

    /// <summary>The scores of the recogniser on the judged articles whose texts the corpora hold; the others are named and left out.</summary>
    public static IReadOnlyList<KindScore> Evaluate(IReadOnlyList<JudgedArticle> sample, string corpora, TextWriter log)
    {
        var texts = MentionSample.Texts(sample, corpora);
        var gazetteer = Gazetteer.Load();
        var recogniser = new MentionRecogniser(gazetteer);
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
            judged.AddRange(MentionEvaluation.Pairs(id, article.Mentions, gazetteer));
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
