using Tongsin.Archive;
using Tongsin.Archive.Sqlite;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>What only the SQLite archive meets: files that are not archives, and missing files.</summary>
public class SqliteArchiveTests
{
    [Fact]
    public void A_non_database_and_a_missing_file_are_named()
    {
        using var folder = new TempFolder();
        var junk = folder.Write("junk.db", "this is not a database, only some text that is long enough to be read as a header");
        var e = Assert.Throws<ArchiveException>(() => SqliteArchive.Open(junk, TimeProvider.System));
        Assert.Contains("not a Tongsin archive", e.Message);
        Assert.Contains("no archive", Assert.Throws<ArchiveException>(() => SqliteArchive.Open(folder.File("missing.db"), TimeProvider.System)).Message);
    }
}
