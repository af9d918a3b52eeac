using System.Globalization;

namespace Tongsin.Analysis.Reprints;

/// <summary>
/// The `reprints` analyser: each article's MinHash signature over word shingles of its current
/// text, and its LSH bands, one bucket a band. Texts that agree on a whole band meet in its bucket
/// and are candidates; <see cref="ReprintClustering"/> checks the candidates and groups the copies.
/// The signature row keeps the source, language and publication date too, so that the clustering
/// and its listings read nothing else.
/// </summary>
public sealed class ReprintSignatures(ReprintParameters? parameters = null) : IAnalyser
{
    public static readonly DerivedTable SignatureTable = new("reprint_signatures",
        [("source", "text"), ("language", "text"), ("published", "text"), ("signature", "text")]);

    public static readonly DerivedTable BandTable = new("reprint_bands", [("band", "integer"), ("bucket", "bigint")]);

    public const string AnalyserName = "reprints";

    public ReprintParameters Parameters { get; } = (parameters ?? ReprintParameters.Chosen).Check();

    public string Name => AnalyserName;

    // Raised when the rules of the text change. Signatures of other parameters are not comparable
    // either, so they are part of the revision.
    private const int Rules = 1;

    public int Revision => Rules * 100_000 + (int)(StableHash.Of(string.Create(CultureInfo.InvariantCulture,
        $"{Parameters.ShingleSize}/{Parameters.Bands}/{Parameters.Rows}")) % 100_000);

    public IReadOnlyList<DerivedTable> Tables => [SignatureTable, BandTable];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        var signature = Sign(article.Title, article.Paragraphs);
        if (signature is null) yield break;
        yield return new DerivedRow(SignatureTable, new
        {
            source = article.SourceSlug,
            language = article.Language,
            published = article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            signature = signature.Encode(),
        });
        var buckets = signature.Buckets(article.Language, Parameters.Bands, Parameters.Rows);
        for (var band = 0; band < buckets.Length; band++)
            yield return new DerivedRow(BandTable, new { band, bucket = buckets[band] });
    }

    /// <summary>The signature of a text, or null when it has no words.</summary>
    public MinHashSignature? Sign(string title, IReadOnlyList<string> paragraphs) =>
        MinHashSignature.Of(ReprintShingles.Hashes(ReprintShingles.Words(title, paragraphs), Parameters.ShingleSize), Parameters.Hashes);
}
