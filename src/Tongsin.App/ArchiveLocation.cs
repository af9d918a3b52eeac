using Tongsin.Archive;
using Tongsin.Archive.Sqlite;

namespace Tongsin.App;

/// <summary>
/// Which archive a command uses: --db, else TONGSIN_DB, else tongsin.db in the user's data folder
/// ($XDG_DATA_HOME/tongsin, or ~/.local/share/tongsin).
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

    public static IArchive Open(string location, CliConsole console, bool create)
    {
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            throw new ArchiveException("PostgreSQL archives are not supported by this build yet; use an SQLite file path");
        return create ? SqliteArchive.OpenOrCreate(location, console.Clock) : SqliteArchive.Open(location, console.Clock);
    }
}
