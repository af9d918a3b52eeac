using Npgsql;
using Tongsin.Archive.Postgres;

namespace Tongsin.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use, named by TONGSIN_TEST_POSTGRES (scripts/test.sh starts one;
/// by hand: eval "$(bash scripts/pg.sh start)"). Every test gets a database of its own, dropped
/// afterwards. Without the variable the PostgreSQL tests fail, saying so: they are never skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TONGSIN_TEST_POSTGRES";

    public static string ServerUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url
        : throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL tests cannot run. Run the tests with 'bash scripts/test.sh', "
            + $"or start a server with 'eval \"$(bash scripts/pg.sh start)\"' and run them again from that shell.");

    /// <summary>A new, empty database on the test server.</summary>
    public static TestDatabase CreateDatabase()
    {
        var server = PostgresAddress.Parse(ServerUrl);
        var name = $"tongsin_test_{Guid.NewGuid():N}";
        using (var c = new NpgsqlConnection(server.ConnectionString()))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }
        var url = ServerUrl;
        var slash = url.IndexOf('/', url.IndexOf("://", StringComparison.Ordinal) + 3);
        var query = url.IndexOf('?');
        return new TestDatabase(url[..slash] + "/" + name + (query > slash ? url[query..] : ""), name, server);
    }
}

/// <summary>A database of one test, dropped (with any connections left to it) when disposed.</summary>
public sealed class TestDatabase(string url, string name, PostgresAddress server) : IDisposable
{
    public string Url { get; } = url;
    public string Name { get; } = name;

    public NpgsqlConnection Connect()
    {
        var c = new NpgsqlConnection(PostgresAddress.Parse(Url).ConnectionString() + ";Pooling=false");
        c.Open();
        return c;
    }

    public object? Scalar(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    public void Execute(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        using var c = new NpgsqlConnection(server.ConnectionString() + ";Pooling=false");
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
