using System.Data.Common;
using System.Globalization;

namespace Tongsin.Archive.Sqlite;

/// <summary>Rows of the SQLite archive, whose dates are ISO text (2026-02-03) and moments ISO text in UTC.</summary>
internal sealed class SqliteRows : ArchiveRows
{
    public static SqliteRows Instance { get; } = new();

    public override DateOnly Day(DbDataReader r, int i) => DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override DateTimeOffset Time(DbDataReader r, int i) => DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
