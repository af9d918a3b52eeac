using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;

namespace Tongsin.Bench.Measuring;

/// <summary>An archive named on the command line: an SQLite file, or a postgres:// address.</summary>
internal static class BenchArchive
{
    public static bool IsPostgres(string db) => db.StartsWith("postgres", StringComparison.Ordinal);

    public static IArchive Open(string db) => IsPostgres(db) ? PostgresArchive.Open(db, TimeProvider.System) : SqliteArchive.Open(db, TimeProvider.System);

    /// <summary>The --db option, checked: null (with the reason printed) when the benchmark is to be skipped.</summary>
    public static string? Given(Options options)
    {
        var db = options.String("db", "");
        if (db.Length == 0) throw new ArgumentException("give the archive: --db PATH or --db postgres://...");
        if (IsPostgres(db) || File.Exists(db)) return db;
        Console.WriteLine($"skipped: no archive at '{db}'");
        return null;
    }
}
