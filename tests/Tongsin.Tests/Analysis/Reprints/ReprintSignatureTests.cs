using Tongsin.Analysis;
using Tongsin.Analysis.Reprints;

namespace Tongsin.Tests.Analysis.Reprints;

/// <summary>The signatures: the same in every process, alike for copies, unalike for texts that share only formulas.</summary>
public class ReprintSignatureTests
{
    private static readonly ReprintSignatures Signatures = new();

    private static MinHashSignature Sign(string title, string[] paragraphs) => Signatures.Sign(title, paragraphs)!;

    [Fact]
    public void A_signature_is_the_same_value_in_every_process()
    {
        // Pinned: a hash seeded per process (string.GetHashCode) would give another value in the next run.
        var signature = Sign("Tideland Reclaimed", ["Builders finished the embankment."]);
        Assert.Equal(ReprintParameters.Chosen.Hashes, signature.Count);
        Assert.Equal(PinnedStart, signature.Encode()[..PinnedStart.Length]);
        Assert.Equal(signature.Encode(), MinHashSignature.Decode(signature.Encode()).Encode());
    }

    // What the signature above encodes to, as computed when the hash functions were fixed.
    private const string PinnedStart = "A6EQOcQGpVa4xQt6dpdXFrRSNijCPvgk";

    [Fact]
    public void Identical_texts_have_similarity_one_and_the_dateline_is_left_out()
    {
        var a = Sign(ReprintTexts.Title, ReprintTexts.Report);
        Assert.Equal(1.0, a.Similarity(Sign(ReprintTexts.Title, ReprintTexts.Report)));
        var otherDay = ReprintTexts.Report.ToArray();
        otherDay[0] = otherDay[0].Replace("Pyongyang, May 5 (KCNA) -- ", "Pyongyang, May 7 (KCNA) -- ");
        Assert.Equal(1.0, a.Similarity(Sign(ReprintTexts.Title, otherDay)));
        Assert.Equal("Premier Pak", ReprintShingles.WithoutDateline(ReprintTexts.Report[0])[..11]);
        Assert.Equal("김정은동지께서", ReprintShingles.WithoutDateline("(평양 5월 5일발 조선중앙통신) 김정은동지께서"));
        // Case and punctuation are not the text.
        Assert.Equal(1.0, Sign("A", ["Workers' Party, of KOREA!"]).Similarity(Sign("a", ["workers’ party of Korea"])));
    }

    [Fact]
    public void An_edited_copy_reaches_the_threshold_and_meets_the_original_in_a_bucket()
    {
        var p = ReprintParameters.Chosen;
        var original = Sign(ReprintTexts.Title, ReprintTexts.Report);
        var copy = Sign(ReprintTexts.ReprintTitle, ReprintTexts.Reprint);
        Assert.InRange(original.Similarity(copy), p.Threshold, 0.99);
        Assert.NotEmpty(original.Buckets("en", p.Bands, p.Rows).Intersect(copy.Buckets("en", p.Bands, p.Rows)));
        // The same values in another language's buckets never meet.
        Assert.Empty(original.Buckets("en", p.Bands, p.Rows).Intersect(original.Buckets("ko", p.Bands, p.Rows)));
    }

    [Fact]
    public void Texts_sharing_a_template_a_dateline_or_a_closing_formula_stay_below_the_threshold()
    {
        var t = ReprintParameters.Chosen.Threshold;
        Assert.True(Sign(ReprintTexts.Title, ReprintTexts.Report).Similarity(Sign("Premier Inspects Fertilizer Complex", ReprintTexts.OtherInspection)) < t);
        Assert.True(Sign("Statement", ReprintTexts.FirstStatement).Similarity(Sign("Statement", ReprintTexts.SecondStatement)) < t);
    }

    [Fact]
    public void The_analyser_writes_a_signature_row_and_one_bucket_a_band_and_nothing_for_a_text_without_words()
    {
        var rows = Signatures.Analyse(new ArticleText(7, 1, "rodong-sinmun-en", "en", new DateOnly(2025, 5, 6), ReprintTexts.ReprintTitle, ReprintTexts.Reprint)).ToList();
        Assert.Single(rows, r => r.Table == ReprintSignatures.SignatureTable);
        Assert.Equal(ReprintParameters.Chosen.Bands, rows.Count(r => r.Table == ReprintSignatures.BandTable));
        Assert.Empty(Signatures.Analyse(new ArticleText(8, 1, "rodong-sinmun-en", "en", new DateOnly(2025, 5, 6), "—", ["…", "«»"])));
    }

    [Fact]
    public void Parameters_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReprintSignatures(ReprintParameters.Chosen with { Threshold = 0 }));
        Assert.Throws<ArgumentException>(() => new ReprintSignatures(ReprintParameters.Chosen with { Bands = 1000 }).Sign("a", ["b c d"]));
        Assert.Throws<FormatException>(() => MinHashSignature.Decode("AAAA").Similarity(MinHashSignature.Decode("AAAAAAAA")));
    }
}
