using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tongsin.Bench.Generation;
using Tongsin.Bench.Measuring;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench;

/// <summary>
/// The least an import can cost: the same titles and bodies, read beforehand, inserted into the
/// same FTS5 table in a new file, in one transaction, with no other table and no other statement.
/// </summary>
internal static class FloorBenchmark
{
    // The declaration of article_fts in SqliteSchema (migration 3), word for word. The floor fills
    // title and body only: the Korean bigrams and name keys are the archive's own work on top.
    private const string CreateIndex = """
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, teaser, body, ko, kof, names,
            content = 'article_text', content_rowid = 'id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """;

    public static Measurement Run(PageSet pages, string path)
    {
        var reader = new KcnaWatchPageReader(new OutletCatalog());
        var texts = new (string Title, string Body)[pages.Files.Count];
        Parallel.For(0, texts.Length, i =>
        {
            var article = reader.Read(PageText.Decode(File.ReadAllBytes(pages.Files[i]))).Article;
            // Paragraphs joined by newlines: the body as the archive stores and indexes it.
            texts[i] = (article.Title, string.Join('\n', article.Paragraphs));
        });
        ArchiveFiles.Delete(path);
        GC.Collect();

        var clock = Stopwatch.StartNew();
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            // The connection settings the archive uses, so the floor differs only in the work done.
            Execute(c, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
            Execute(c, CreateIndex);
            using var tx = c.BeginTransaction();
            using var insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO article_fts (rowid, title, body) VALUES ($id, $title, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            insert.Prepare();
            for (var i = 0; i < texts.Length; i++)
            {
                id.Value = i + 1;
                title.Value = texts[i].Title;
                body.Value = texts[i].Body;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        clock.Stop();

        ImportBenchmark.Checkpoint(path);
        return new Measurement("floor", clock.Elapsed.TotalSeconds, texts.Length, pages.Bytes, ArchiveFiles.Size(path), PeakMemory.Bytes(),
            "titles and bodies parsed before timing");
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
