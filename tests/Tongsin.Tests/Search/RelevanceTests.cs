using Tongsin.Bench;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>Search quality over the project's judged corpus; a change that makes it worse fails here.</summary>
public class RelevanceTests
{
    public static string Corpus => Path.Combine(Folder, "corpus.jsonl");

    public static string JudgmentsFile => Path.Combine(Folder, "judgments.json");

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "relevance");

    [Fact]
    public void Metrics_follow_their_definitions()
    {
        var j = new Judgment("q", new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 });
        var perfect = Relevance.Score(j, ["a", "b", "x"]);
        Assert.Equal(0.2, perfect.PrecisionAt10, 6);
        Assert.Equal(0.2, perfect.BestPrecisionAt10, 6);
        Assert.Equal(1.0, perfect.NdcgAt10, 6);
        var swapped = Relevance.Score(j, ["b", "a"]);
        Assert.Equal((1 + 3 / Math.Log2(3)) / (3 + 1 / Math.Log2(3)), swapped.NdcgAt10, 6);
        Assert.Equal(0, Relevance.Score(j, ["x", "y"]).NdcgAt10);
    }

}

/// <summary>The judged queries on each backend, each held to its own floor.</summary>
public abstract class RelevanceContract(Backend backend, double floor)
{
    [Fact]
    public void The_judged_queries_find_what_they_should()
    {
        using var f = new ArchiveFixture(backend);
        Assert.Equal(0, CliRunner.Run("import", "--db", f.Location, RelevanceTests.Corpus).Exit);
        var scores = Relevance.Evaluate(f.Archive, Relevance.ReadJudgments(RelevanceTests.JudgmentsFile));
        var ndcg = scores.Average(s => s.NdcgAt10);
        var report = string.Join("\n", scores.Select(s => $"{s.Query}: nDCG {s.NdcgAt10:0.00} -> {string.Join(" | ", s.Returned)}"));
        Assert.True(ndcg >= floor, $"mean nDCG@10 {ndcg:0.000} is under {floor}:\n{report}");
    }
}

// Floors are raised as search gets better; never lowered to let a change through.
public sealed class SqliteRelevance() : RelevanceContract(Backend.Sqlite, floor: 0.9);

public sealed class PostgresRelevance() : RelevanceContract(Backend.Postgres, floor: 0.9);
