using Microsoft.Data.Sqlite;

namespace Tongsin.Bench.Web;

/// <summary>Article ids picked at random, the same ones for the same seed, from the articles the archive holds.</summary>
internal static class ArticleSample
{
    public static IReadOnlyList<long> Ids(string path, int count, int seed)
    {
        var ids = new List<long>();
        using (var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id FROM articles WHERE status = 'complete' ORDER BY id";
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetInt64(0));
        }
        if (ids.Count == 0) throw new InvalidOperationException($"{path} holds no articles");
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => ids[rng.Next(ids.Count)]).ToList();
    }
}
