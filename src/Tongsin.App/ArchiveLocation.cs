using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;

namespace Tongsin.App;

/// <summary>
/// Which archive a command uses: --db, else TONGSIN_DB, else tongsin.db in the user's data folder
/// ($XDG_DATA_HOME/tongsin, or ~/.local/share/tongsin). A postgres:// address names a PostgreSQL
/// archive; anything else is an SQLite file.
/// </summary>
public static class ArchiveLocation
{
    public static string Resolve(string? option, CliConsole console)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        if (console.Environment("TONGSIN_DB") is { Length: > 0 } env) return env;
        var data = console.Environment("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data))
        {
            var home = console.Environment("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            data = Path.Combine(home, ".local", "share");
        }
        return Path.Combine(data, "tongsin", "tongsin.db");
    }

    public static bool IsPostgres(string location) => PostgresAddress.IsAddress(location);

    public static IArchive Open(string location, CliConsole console, bool create)
    {
        if (IsPostgres(location))
        {
            try { PostgresAddress.Parse(location); }
            catch (FormatException e) { throw new UsageException(e.Message); }
            return create ? PostgresArchive.OpenOrCreate(location, console.Clock) : PostgresArchive.Open(location, console.Clock);
        }
        return create ? SqliteArchive.OpenOrCreate(location, console.Clock) : SqliteArchive.Open(location, console.Clock);
    }
}
