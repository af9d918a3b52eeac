using System.Globalization;

namespace Tongsin.Analysis.Rhetoric;

/// <summary>
/// The rhetoric index's counts, per article: how many sentences it has (rhetoric_articles), and for
/// each target it names, how many sentences name it and how many of those are hostile toward it
/// (rhetoric_targets). The lexicon is English, so only English articles are scored; the others have
/// no rows, and count neither above nor below the line of the index.
/// </summary>
public sealed class RhetoricAnalyser(Func<RhetoricScorer> scorer) : IAnalyser
{
    // Each row carries its article's source and day (ISO text on both backends), so that the index
    // reads one table at a time without joining the articles: half its time on the real corpora.
    public static readonly DerivedTable Articles = new("rhetoric_articles", [("source", "text"), ("published", "text"), ("sentences", "integer")]);

    public static readonly DerivedTable TargetCounts = new("rhetoric_targets", [("target", "text"), ("source", "text"), ("published", "text"), ("hostile", "integer"), ("naming", "integer")]);

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
        var (source, published) = (article.SourceSlug, article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new DerivedRow(Articles, new { source, published, sentences = scored.Sentences });
        foreach (var t in scored.Targets)
            yield return new DerivedRow(TargetCounts, new { target = t.Target, source, published, hostile = t.Hostile, naming = t.Naming });
    }
}
