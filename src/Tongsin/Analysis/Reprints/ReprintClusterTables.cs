using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Tongsin.Analysis.Reprints;

/// <summary>
/// The clusters' tables, the same SQL on both backends. reprint_clusters has a row for every
/// article that has a copy: its cluster's original (the earliest published, then the lowest id;
/// the original's row names itself) and its estimated similarity to the original.
/// reprint_cluster_state says up to which change of the archive's log the clusters are, and under
/// which signatures, threshold and window of days they were made.
/// </summary>
internal static class ReprintClusterTables
{
    public static void Ensure(DbConnection c)
    {
        c.Execute("CREATE TABLE IF NOT EXISTS reprint_clusters (article_id bigint NOT NULL, original_id bigint NOT NULL, similarity double precision NOT NULL)");
        c.Execute("CREATE INDEX IF NOT EXISTS reprint_clusters_article ON reprint_clusters (article_id)");
        c.Execute("CREATE INDEX IF NOT EXISTS reprint_clusters_original ON reprint_clusters (original_id)");
        c.Execute("CREATE TABLE IF NOT EXISTS reprint_cluster_state (signatures integer NOT NULL, threshold double precision NOT NULL, most_days integer NOT NULL, watermark bigint NOT NULL)");
        // The candidate lookup goes from a bucket to the articles in it; the analyser's own index is by article.
        foreach (var table in new[] { ReprintSignatures.SignatureTable, ReprintSignatures.BandTable })
        {
            c.Execute(table.Create);
            c.Execute(table.Index);
        }
        // Made once the bands are there (kept up to date while the analyser wrote a million
        // articles' bands, it more than doubled the analyser's first run). SQLite sorts a new index in
        // its temporary store, which the archive keeps in memory: 1.4 GB for a million articles'
        // 21 million bands. This statement sorts on disk instead.
        var sqlite = c.GetType().FullName == "Microsoft.Data.Sqlite.SqliteConnection";
        if (sqlite) c.Execute("PRAGMA temp_store = FILE");
        c.Execute("CREATE INDEX IF NOT EXISTS reprint_bands_bucket ON reprint_bands (bucket, article_id)");
        if (sqlite) c.Execute("PRAGMA temp_store = MEMORY");
    }

    // Ids written into the statement: numbers, never text from outside (Dapper sends a list to
    // PostgreSQL as an array, which IN does not take).
    public static string List(IEnumerable<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    public static int Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;

    /// <summary>Writes cluster rows, many to a statement.</summary>
    public static void Insert(DbConnection c, DbTransaction tx, IReadOnlyList<(long Article, long Original, double Similarity)> rows)
    {
        const int perStatement = 20;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var parameters = new DynamicParameters();
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"a{i}", chunk[i].Article);
                parameters.Add($"o{i}", chunk[i].Original);
                parameters.Add($"s{i}", chunk[i].Similarity);
                values.Add($"(@a{i}, @o{i}, @s{i})");
            }
            c.Execute($"INSERT INTO reprint_clusters (article_id, original_id, similarity) VALUES {string.Join(", ", values)}", parameters, tx);
        }
    }
}
