using Microsoft.Data.Sqlite;
using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Tests.Support;

/// <summary>The archive backends the contract tests run against.</summary>
public enum Backend { Sqlite, Postgres }

/// <summary>
/// A fresh archive of either backend (an SQLite file in a temporary folder, or a PostgreSQL database
/// of its own), with shortcuts to store pages, and the few things a test must do to the database
/// behind the archive's back, in each backend's own SQL.
/// </summary>
public sealed class ArchiveFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestDatabase? _database;
    private readonly TimeProvider _clock;
    public OutletCatalog Outlets { get; } = new();
    public Backend Backend { get; }
    public IArchive Archive { get; private set; }

    /// <summary>The archive as --db names it: a file path or a postgres:// address.</summary>
    public string Location { get; }

    public ArchiveFixture(TimeProvider? clock = null) : this(Backend.Sqlite, clock) { }

    public ArchiveFixture(Backend backend, TimeProvider? clock = null)
    {
        Backend = backend;
        _clock = clock ?? TimeProvider.System;
        if (backend == Backend.Postgres)
        {
            _database = TestPostgres.CreateDatabase();
            Location = _database.Url;
        }
        else Location = _folder.File("archive.db");
        Archive = Open(Location, backend, _clock, create: true);
    }

    /// <summary>A folder for the test's other files.</summary>
    public TempFolder Folder => _folder;

    public static IArchive Open(string location, Backend backend, TimeProvider clock, bool create = false) => backend switch
    {
        Backend.Postgres => create ? PostgresArchive.OpenOrCreate(location, clock) : PostgresArchive.Open(location, clock),
        _ => create ? SqliteArchive.OpenOrCreate(location, clock) : SqliteArchive.Open(location, clock),
    };

    /// <summary>Closes the archive and opens it again.</summary>
    public IArchive Reopen()
    {
        Archive.Dispose();
        Archive = Open(Location, Backend, _clock);
        return Archive;
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

    /// <summary>Makes the database refuse any version with this title, as a failing write would.</summary>
    public void RefuseVersionsTitled(string title) => Execute(Backend == Backend.Postgres
        ? $"""
          CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.title = '{title}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
          CREATE TRIGGER poison BEFORE INSERT ON versions FOR EACH ROW EXECUTE FUNCTION poison();
          """
        : $"CREATE TRIGGER poison BEFORE INSERT ON versions WHEN NEW.title = '{title}' BEGIN SELECT RAISE(ABORT, 'refused'); END");

    /// <summary>The removal and restoration events, oldest first: "removed 2026-05-09, restored 2026-05-20".</summary>
    public string Events() => Convert.ToString(Scalar(Backend == Backend.Postgres
        ? "SELECT string_agg(kind || ' ' || to_char(on_date, 'YYYY-MM-DD'), ', ' ORDER BY id) FROM article_events"
        : "SELECT group_concat(kind || ' ' || on_date, ', ') FROM (SELECT kind, on_date FROM article_events ORDER BY rowid)")) ?? "";

    /// <summary>Records a schema version as a newer Tongsin would.</summary>
    public void PretendNewerSchema() => Execute(Backend == Backend.Postgres
        ? "INSERT INTO schema_migrations VALUES (999, 'future', now())"
        : "INSERT INTO schema_migrations VALUES (999, 'future', 'x')");

    public void Execute(string sql)
    {
        if (_database is not null) { _database.Execute(sql); return; }
        using var c = new SqliteConnection($"Data Source={Location};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        if (_database is not null) return _database.Scalar(sql);
        using var c = new SqliteConnection($"Data Source={Location};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public void Dispose()
    {
        Archive.Dispose();
        _database?.Dispose();
        _folder.Dispose();
    }
}
