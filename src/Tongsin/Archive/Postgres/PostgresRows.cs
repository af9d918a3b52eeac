using System.Data.Common;

namespace Tongsin.Archive.Postgres;

/// <summary>Rows of the PostgreSQL archive, whose dates are date and moments timestamptz.</summary>
internal sealed class PostgresRows : ArchiveRows
{
    public static PostgresRows Instance { get; } = new();

    public override DateOnly Day(DbDataReader r, int i) => r.GetFieldValue<DateOnly>(i);

    public override DateTimeOffset Time(DbDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);
}
