using Tongsin.Analysis.Reprints;
using Tongsin.Bench.Reprints;
using Tongsin.Tests.Support;
using Xunit.Abstractions;

namespace Tongsin.Tests.Analysis.Reprints;

/// <summary>
/// Reprint detection on the labelled pairs of the real corpora (bench/Tongsin.Bench/Reprints/reprint-pairs.tsv,
/// docs/reprints.md) holds its floor at the chosen parameters: pair F1 at least 0.97. The corpora
/// are not in the repository; without ../shared/corpora the test says so and checks only the file.
/// </summary>
public class ReprintPairsFloorTests(ITestOutputHelper output)
{
    private static string PairsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tongsin.slnx")))
                return Path.Combine(dir.FullName, "bench", "Tongsin.Bench", "Reprints", "reprint-pairs.tsv");
        throw new InvalidOperationException("the repository (Tongsin.slnx) is not above the test assembly");
    }

    [Fact]
    public void Pair_F1_on_the_labelled_pairs_is_at_least_0_97_at_the_chosen_parameters()
    {
        var pairs = ReprintPairs.Read(PairsFile());
        Assert.True(pairs.Count(p => p.Same) >= 100 && pairs.Count(p => !p.Same) >= 100, "the labelled set holds at least 100 copies and 100 different texts");
        if (Corpora.Shared() is not { } corpora)
        {
            output.WriteLine("skipped: ../shared/corpora is not beside the repository, so the labelled pairs' texts cannot be read");
            return;
        }
        var p = ReprintParameters.Chosen;
        var score = ReprintEvaluation.Score(ReprintEvaluation.Judge(ReprintPairs.Load(pairs, corpora), p), p);
        output.WriteLine($"precision {score.Precision:0.000}, recall {score.Recall:0.000}, F1 {score.F1:0.000}");
        Assert.True(score.F1 >= 0.97, $"pair F1 {score.F1:0.000} (precision {score.Precision:0.000}, recall {score.Recall:0.000}) is under the floor of 0.97");
    }

    [Fact]
    public void A_labelled_set_with_a_bad_line_or_an_unknown_edit_is_refused_naming_it()
    {
        using var t = new TempFolder();
        var file = t.File("pairs.tsv");
        File.WriteAllText(file, "label\tkind\tcorpus\ta\tb\tedit\tnote\n1\tx\tnowhere\tu\tv\tnone\tn\n");
        Assert.Contains("line 2", Assert.Throws<FormatException>(() => ReprintPairs.Read(file)).Message);
        var capture = new Tongsin.Model.ArticleCapture(new Tongsin.Model.Source(new Tongsin.Model.OutletCatalog().Resolve("Rodong Sinmun"), "en"),
            "T", new DateOnly(2025, 5, 5), null, "u", ["Respected Comrade Kim Jong Un visited a farm.", "He spoke."]);
        Assert.Throws<FormatException>(() => ReprintPairs.Edit(capture, "translate"));
        Assert.Equal("Kim Jong Un visited a farm.", ReprintPairs.Edit(capture, "honorific").Paragraphs[0]);
        Assert.Equal(new DateOnly(2025, 5, 7), ReprintPairs.Edit(capture, "cut-paragraph").Published);
    }
}
