using System.Globalization;
using Tongsin.Analysis.Entities;

namespace Tongsin.Analysis.Statements;

/// <summary>
/// The `statements` analyser: a row for each article that carries a statement (<see cref="StatementExtractor"/>),
/// with its kind, issuer, office, whether the issuer is of the DPRK, its targets and its date, so that
/// the tracker reads this table alone. The gazetteer is loaded when the first article comes.
/// </summary>
public sealed class StatementAnalyser(Func<Gazetteer> gazetteer) : IAnalyser
{
    public StatementAnalyser(Gazetteer gazetteer) : this(() => gazetteer) { }

    public const string AnalyserName = "statements";

    public static readonly DerivedTable Table = new("statements",
    [
        ("kind", "text"), ("issuer", "text"), ("issuer_slug", "text"), ("office", "text"), ("office_slug", "text"),
        ("dprk", "integer"), ("targets", "text"), ("published", "text"), ("source", "text"),
    ]);

    private readonly Lazy<StatementExtractor> extractor = new(() => new StatementExtractor(new MentionRecogniser(gazetteer())));

    public string Name => AnalyserName;

    // Raised with every change to StatementRules or the extractor, so that the archive's statements are read again.
    public int Revision => 1;

    public IReadOnlyList<DerivedTable> Tables => [Table];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        if (extractor.Value.Extract(article.Title, article.Paragraphs, article.Published) is not { } s) yield break;
        yield return new DerivedRow(Table, new
        {
            kind = StatementKinds.Name(s.Kind),
            issuer = s.Issuer,
            issuer_slug = s.IssuerSlug,
            office = s.Office,
            office_slug = s.OfficeSlug,
            dprk = s.Dprk ? 1 : 0,
            targets = string.Join(',', s.Targets),
            published = s.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            source = article.SourceSlug,
        });
    }
}
