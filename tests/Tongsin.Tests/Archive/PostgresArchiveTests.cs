using System.Net;
using System.Net.Sockets;
using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>What only the PostgreSQL archive meets: addresses, servers, databases that are not there.</summary>
public class PostgresArchiveTests
{
    [Theory]
    [InlineData("postgres://", "names no server")]
    [InlineData("postgres://user@localhost:5432", "names no database")]
    [InlineData("postgres://user@localhost:5432/db?colour=red", "unknown setting 'colour'")]
    [InlineData("postgres://user@localhost:notaport/db", "is not a PostgreSQL address")]
    public void A_malformed_address_says_what_is_wrong(string url, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => PostgresAddress.Parse(url)).Message);

    [Fact]
    public void An_address_keeps_its_password_out_of_messages()
    {
        var a = PostgresAddress.Parse("postgresql://ana:s%40cret@db.example:6543/archive?sslmode=disable");
        Assert.Equal("postgres://ana@db.example:6543/archive", a.Display);
        Assert.Equal("s@cret", a.Settings.Password);
        Assert.Equal(6543, a.Port);
        Assert.DoesNotContain("cret", Assert.Throws<FormatException>(() => PostgresAddress.Parse("postgres://ana:s3cret@db.example:6543/")).Message);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_named()
    {
        // A port just released is one where nothing listens.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var e = Assert.Throws<ArchiveException>(() => PostgresArchive.Open($"postgres://nobody@127.0.0.1:{port}/archive", TimeProvider.System));
        Assert.Contains($"cannot reach the PostgreSQL server at 127.0.0.1:{port}", e.Message);
    }

    [Fact]
    public void A_missing_database_is_not_an_archive_until_an_import_creates_it()
    {
        using var db = TestPostgres.CreateDatabase();
        db.Dispose();
        var e = Assert.Throws<ArchiveException>(() => PostgresArchive.Open(db.Url, TimeProvider.System));
        Assert.Contains($"the database '{db.Name}' does not exist", e.Message);
        using (var created = PostgresArchive.OpenOrCreate(db.Url, TimeProvider.System))
            Assert.Equal(0, created.Stats().Articles);
        using var again = PostgresArchive.Open(db.Url, TimeProvider.System);
        Assert.Equal(PostgresSchema.Latest, again.Stats().SchemaVersion);
    }

    [Fact]
    public void An_empty_database_is_not_an_archive_to_read()
    {
        using var db = TestPostgres.CreateDatabase();
        Assert.Contains("no archive at", Assert.Throws<ArchiveException>(() => PostgresArchive.Open(db.Url, TimeProvider.System)).Message);
    }
}
