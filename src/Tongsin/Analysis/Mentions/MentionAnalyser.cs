using System.Globalization;
using Tongsin.Analysis.Entities;

namespace Tongsin.Analysis.Mentions;

/// <summary>
/// The `mentions` analyser: a row for each entity an article's current text names (the gazetteer's,
/// by slug; a person it lacks, by "person:surname-given"), with its kind, name, how many times, where
/// first, and the article's date and source so that counts over time read this table alone.
/// The gazetteer is loaded once, when the first article comes (listing the analysers loads nothing),
/// and its recogniser kept for every article.
/// </summary>
public sealed class MentionAnalyser(Func<Gazetteer> gazetteer) : IAnalyser
{
    public MentionAnalyser(Gazetteer gazetteer) : this(() => gazetteer) { }

    public const string AnalyserName = "mentions";

    public static readonly DerivedTable Table = new("mentions",
        [("entity", "text"), ("kind", "text"), ("name", "text"), ("mentions", "integer"), ("first_position", "integer"), ("published", "text"), ("source", "text")]);

    private readonly Lazy<MentionRecogniser> recogniser = new(() => new MentionRecogniser(gazetteer()));

    public string Name => AnalyserName;

    // Raised when the recogniser's rules change, so that the archive's mentions are read again.
    public int Revision => 3;

    public IReadOnlyList<DerivedTable> Tables => [Table];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        var published = article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var m in recogniser.Value.Recognise(article.Title, article.Paragraphs, article.Published.Year))
            yield return new DerivedRow(Table, new
            {
                entity = m.Key,
                kind = EntityKinds.Name(m.Kind),
                name = m.Name,
                mentions = m.Count,
                first_position = m.FirstPosition,
                published,
                source = article.SourceSlug,
            });
    }
}
