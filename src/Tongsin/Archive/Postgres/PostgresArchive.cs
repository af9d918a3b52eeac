using System.Net.Sockets;
using Npgsql;
using Tongsin.Search;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// The archive in a PostgreSQL database, shared by a team: many readers, and writers that take turns
/// (see <see cref="PostgresImportSession"/>). Connections come from one pooled data source, so one
/// instance serves many threads; disposing it closes them.
/// </summary>
public sealed class PostgresArchive : SqlArchive<NpgsqlConnection>, IArchive
{
    private readonly NpgsqlDataSource _data;
    private readonly TimeProvider _clock;
    private PostgresSearch _search;

    private PostgresArchive(PostgresAddress address, NpgsqlDataSource data, TimeProvider clock)
    {
        Address = address;
        _data = data;
        _clock = clock;
        _search = new PostgresSearch(OpenConnection);
        CrawlQueue = new PostgresCrawlQueue(OpenConnection);
    }

    public PostgresAddress Address { get; }

    /// <summary>How many of a query's newest matches relevance ranking scores when it has more (see PostgresSearch).</summary>
    internal int SearchRankWindow
    {
        get => _search.RankWindow;
        set => _search = new PostgresSearch(OpenConnection, value) { CacheCounts = _search.CacheCounts };
    }

    /// <summary>Whether search keeps the counts of recent queries (see CountCache); the benchmarks measure without.</summary>
    internal bool SearchCachesCounts
    {
        get => _search.CacheCounts;
        set => _search.CacheCounts = value;
    }

    private protected override string? Generation(NpgsqlConnection c) => PostgresSearch.Generation(c);

    public string Location => Address.Display;

    public ICrawlQueue CrawlQueue { get; }

    /// <summary>Opens an existing archive, bringing its schema up to date.</summary>
    public static PostgresArchive Open(string location, TimeProvider clock) => Open(location, clock, create: false);

    /// <summary>Opens the archive, creating the database (when allowed to) and the schema when missing.</summary>
    public static PostgresArchive OpenOrCreate(string location, TimeProvider clock) => Open(location, clock, create: true);

    private static PostgresArchive Open(string location, TimeProvider clock, bool create)
    {
        var address = PostgresAddress.Parse(location);
        var settings = new NpgsqlConnectionStringBuilder(address.Settings.ConnectionString)
        {
            // Statements an import runs millions of times are prepared once per connection.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        };
        var data = NpgsqlDataSource.Create(settings);
        try
        {
            NpgsqlConnection setup;
            try { setup = data.OpenConnection(); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && create)
            {
                CreateDatabase(address);
                setup = data.OpenConnection();
            }
            using (setup)
            {
                if (!create && PostgresSchema.CurrentVersion(setup) == 0)
                    throw new ArchiveException($"no archive at {address.Display}; import pages first with 'tongsin import'");
                PostgresSchema.Apply(setup, clock);
            }
            return new PostgresArchive(address, data, clock);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            data.Dispose();
            throw Explain(address, e);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>A failure to reach or use the server, in words a user acts on.</summary>
    internal static ArchiveException Explain(PostgresAddress address, Exception e)
    {
        var where = $"{address.Host}:{address.Port}";
        return new ArchiveException(e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"no archive at {address.Display}: the database '{address.Database}' does not exist; 'tongsin import' creates it, or create it with createdb",
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
                $"the PostgreSQL server at {where} refused the login: {p.MessageText}",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } p =>
                $"cannot use the archive {address.Display}: {p.MessageText}",
            PostgresException p => $"cannot use the archive {address.Display}: {p.MessageText}",
            NpgsqlException { InnerException: SocketException s } => $"cannot reach the PostgreSQL server at {where}: {s.Message}",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException => $"cannot reach the PostgreSQL server at {where}: no answer in time",
            _ => $"cannot use the archive {address.Display}: {e.Message}",
        }, e);
    }

    private static void CreateDatabase(PostgresAddress address)
    {
        using var c = new NpgsqlConnection(address.ConnectionString("postgres"));
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(address.Database)}", c);
        try { cmd.ExecuteNonQuery(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    internal override NpgsqlConnection OpenConnection()
    {
        try { return _data.OpenConnection(); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw Explain(Address, e); }
    }

    public IImportSession BeginImport() => new PostgresImportSession(OpenConnection(), _clock);

    // PostgreSQL reads one statement's rows at a time on a connection: the versions go on a second one,
    // and the stream's transaction keeps what it reads one moment's archive.
    private protected override bool ExportsOnTwoConnections => true;

    public SearchResults Search(SearchRequest request, CancellationToken cancel = default) => FindByAddress(request) ?? _search.Run(request, cancel);

    public IReadOnlyList<TallyCount> Tally(SearchRequest request, TallyInterval interval, CancellationToken cancel = default, TallyGroups? once = null) => _search.Tally(request, interval, cancel, once);

    private protected override IArticleSelection NewSelection() => new PgFilter();

    // PostgreSQL selects the outlet's columns only when the outlet is a group of its own.
    private protected override string SourceGrouping => "s.id, o.id";

    private protected override string SizeExpression => "pg_database_size(current_database())";

    public void Dispose() => _data.Dispose();
}
