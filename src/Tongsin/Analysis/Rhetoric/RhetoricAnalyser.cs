namespace Tongsin.Analysis.Rhetoric;

/// <summary>
/// The rhetoric index's counts, per article: how many sentences it has (rhetoric_articles), and for
/// each target it names, how many sentences name it and how many of those are hostile toward it
/// (rhetoric_targets). The lexicon is English, so only English articles are scored; the others have
/// no rows, and count neither above nor below the line of the index.
/// </summary>
public sealed class RhetoricAnalyser(Func<RhetoricScorer> scorer) : IAnalyser
{
    public static readonly DerivedTable Articles = new("rhetoric_articles", [("sentences", "integer")]);

    public static readonly DerivedTable TargetCounts = new("rhetoric_targets", [("target", "text"), ("hostile", "integer"), ("naming", "integer")]);

    // Built when first needed: listing the analysers by name should not read the gazetteer.
    private readonly Lazy<RhetoricScorer> built = new(scorer);

    /// <summary>The analyser with the gazetteer and the lexicon built into the engine.</summary>
    public RhetoricAnalyser() : this(RhetoricScorer.Load)
    {
    }

    public string Name => "rhetoric";

    public int Revision => 1;

    public IReadOnlyList<DerivedTable> Tables => [Articles, TargetCounts];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        if (!article.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase)) yield break;
        var scored = built.Value.Score(article.Title, article.Paragraphs);
        yield return new DerivedRow(Articles, new { sentences = scored.Sentences });
        foreach (var t in scored.Targets)
            yield return new DerivedRow(TargetCounts, new { target = t.Target, hostile = t.Hostile, naming = t.Naming });
    }
}
