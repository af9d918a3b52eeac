using Tongsin.Archive.Sqlite;
using Tongsin.Exchange;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Bench;

/// <summary>Search quality over the project's judged corpus, as a markdown table for docs/benchmarks.md.</summary>
internal static class RelevanceReport
{
    public static int Run(Options options)
    {
        var folder = options.String("corpus", Path.Combine("tests", "Tongsin.Tests", "Fixtures", "relevance"));
        var path = Path.Combine(Path.GetTempPath(), $"tongsin-relevance-{Guid.NewGuid():N}.db");
        try
        {
            using var archive = SqliteArchive.OpenOrCreate(path, TimeProvider.System);
            var outlets = new OutletCatalog();
            using (var session = archive.BeginImport())
            {
                foreach (var line in File.ReadLines(Path.Combine(folder, "corpus.jsonl")).Where(l => l.Length > 0))
                    session.Store(JsonlRecord.Read(line, outlets));
                session.Commit();
            }
            var scores = Relevance.Evaluate(archive, Relevance.ReadJudgments(Path.Combine(folder, "judgments.json")));
            Console.WriteLine("| Query | P@10 | best P@10 | nDCG@10 |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var s in scores) Console.WriteLine($"| `{s.Query}` | {s.PrecisionAt10:0.00} | {s.BestPrecisionAt10:0.00} | {s.NdcgAt10:0.00} |");
            Console.WriteLine($"| **mean of {scores.Count}** | **{scores.Average(s => s.PrecisionAt10):0.000}** | {scores.Average(s => s.BestPrecisionAt10):0.000} | **{scores.Average(s => s.NdcgAt10):0.000}** |");
            return 0;
        }
        finally
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }
}
