using Npgsql;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// A PostgreSQL archive's address, postgres://user[:password]@host[:port]/database[?sslmode=...],
/// read into a connection string. <see cref="Display"/> is the address without its password, for
/// messages. A malformed address is a <see cref="FormatException"/> that says what is wrong.
/// </summary>
public sealed record PostgresAddress(string Display, string Host, int Port, string Database, NpgsqlConnectionStringBuilder Settings)
{
    public static bool IsAddress(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    // Settings an address may carry after '?', as libpq names them, and what Npgsql calls them.
    private static readonly Dictionary<string, string> Options = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
    };

    public static PostgresAddress Parse(string location)
    {
        var example = "write it like postgres://user@localhost:5432/tongsin";
        if (!IsAddress(location) || !Uri.TryCreate(location, UriKind.Absolute, out var uri))
            throw new FormatException($"'{Redact(location)}' is not a PostgreSQL address; {example}");
        if (string.IsNullOrEmpty(uri.Host)) throw new FormatException($"'{Redact(location)}' names no server; {example}");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0) throw new FormatException($"'{Redact(location)}' names no database; {example}");
        if (database.Contains('/')) throw new FormatException($"'{Redact(location)}': a database name cannot contain '/'; {example}");

        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':');
            b.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        else b.Username = Environment.UserName;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!Options.TryGetValue(name, out var setting))
                throw new FormatException($"'{Redact(location)}': unknown setting '{name}'; known: {string.Join(", ", Options.Keys)}");
            try { b[setting] = value; }
            catch (ArgumentException) { throw new FormatException($"'{Redact(location)}': '{value}' is not a valid {name}"); }
        }
        var display = $"postgres://{Uri.EscapeDataString(b.Username ?? "")}@{(uri.HostNameType == UriHostNameType.IPv6 ? $"[{b.Host}]" : b.Host)}:{b.Port}/{Uri.EscapeDataString(database)}";
        return new PostgresAddress(display, b.Host!, b.Port, database, b);
    }

    /// <summary>The same server with another database: for creating or dropping one from the maintenance database.</summary>
    public string ConnectionString(string? database = null)
    {
        var b = new NpgsqlConnectionStringBuilder(Settings.ConnectionString);
        if (database is not null) b.Database = database;
        return b.ConnectionString;
    }

    // A password never appears in a message.
    private static string Redact(string location)
    {
        var at = location.IndexOf('@');
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return location;
        var colon = location.IndexOf(':', scheme + 3);
        return colon >= 0 && colon < at ? location[..colon] + ":***" + location[at..] : location;
    }
}
