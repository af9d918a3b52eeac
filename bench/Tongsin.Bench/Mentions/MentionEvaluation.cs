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
/// slug when the names agree once folded (<see cref="SpellingKey.Of"/>).
/// </summary>
public static class MentionEvaluation
{
    public static readonly string[] JudgedKinds = ["person", "country", "organisation"];

    /// <summary>The pairs a recogniser's findings make for one article, of the judged kinds.</summary>
    public static IEnumerable<MentionPair> Pairs(string article, IEnumerable<RecognisedMention> found) =>
        found.Select(m => new MentionPair(article, KindName(m.Kind), MentionPair.IdentityOf(m.Entity?.Slug, m.Name), m.Name))
            .Where(p => JudgedKinds.Contains(p.Kind));

    /// <summary>The pairs a judge wrote for one article.</summary>
    public static IEnumerable<MentionPair> Pairs(string article, IEnumerable<JudgedMention> judged) =>
        judged.Select(m => new MentionPair(article, m.Kind, MentionPair.IdentityOf(m.Slug, m.Name), m.Name))
            .Where(p => JudgedKinds.Contains(p.Kind));

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
}
