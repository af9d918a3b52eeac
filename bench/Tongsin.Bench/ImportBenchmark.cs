using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tongsin.Archive.Sqlite;
using Tongsin.Bench.Generation;
using Tongsin.Bench.Measuring;
using Tongsin.Ingest;
using Tongsin.Model;

namespace Tongsin.Bench;

/// <summary>
/// The import as `tongsin import` runs it: ImportJob over every page into a new archive file,
/// timed from opening the archive to the last commit.
/// </summary>
internal static class ImportBenchmark
{
    public static Measurement Run(PageSet pages, string archivePath)
    {
        ArchiveFiles.Delete(archivePath);
        var clock = Stopwatch.StartNew();
        ImportSummary summary;
        using (var archive = SqliteArchive.OpenOrCreate(archivePath, TimeProvider.System))
            summary = new ImportJob(archive, new OutletCatalog()).Run(pages.Files);
        clock.Stop();

        Checkpoint(archivePath);
        var o = summary.Outcome;
        if (summary.Failures.Count > 0)
            throw new InvalidOperationException($"{summary.Failures.Count} pages failed, first: {summary.Failures[0]}");
        var detail = $"{o.New} new articles, {o.Updated} new versions, {o.Unchanged} unchanged, {o.NewStubs} stubs created, {o.CompletedStubs} stubs completed";
        return new Measurement("import", clock.Elapsed.TotalSeconds, pages.Files.Count, pages.Bytes, ArchiveFiles.Size(archivePath), PeakMemory.Bytes(), detail);
    }

    /// <summary>Moves the WAL into the database, so the size on disk is what the archive keeps.</summary>
    internal static void Checkpoint(string path)
    {
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }
    }
}
