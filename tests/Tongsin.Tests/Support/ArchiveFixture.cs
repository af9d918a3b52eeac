using Tongsin.Archive;
using Tongsin.Archive.Sqlite;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Tests.Support;

/// <summary>A fresh SQLite archive in a temporary folder, with shortcuts to store pages.</summary>
public sealed class ArchiveFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    public OutletCatalog Outlets { get; } = new();
    public SqliteArchive Archive { get; }
    public string Path => Archive.Location;

    public ArchiveFixture(TimeProvider? clock = null)
    {
        Archive = SqliteArchive.OpenOrCreate(_folder.File("archive.db"), clock ?? TimeProvider.System);
    }

    public PageCapture Page(string text) => new KcnaWatchPageReader(Outlets).Read(text);

    public StoreOutcome Store(params PageCapture[] pages)
    {
        using var session = Archive.BeginImport();
        var outcome = default(StoreOutcome);
        foreach (var p in pages) outcome += session.Store(p);
        session.Commit();
        return outcome;
    }

    public List<ArticleHistory> All() => Archive.Export(new ArticleFilter()).ToList();

    public void Dispose()
    {
        Archive.Dispose();
        _folder.Dispose();
    }
}
