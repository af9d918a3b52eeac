using System.Net.Sockets;
using Npgsql;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// The archive in a PostgreSQL database, shared by a team: many readers, and writers that take turns
/// (see <see cref="PostgresImportSession"/>). Connections come from one pooled data source, so one
/// instance serves many threads; disposing it closes them.
/// </summary>
public sealed class PostgresArchive : IArchive
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
        set => _search = new PostgresSearch(OpenConnection, value);
    }

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

    internal NpgsqlConnection OpenConnection()
    {
        try { return _data.OpenConnection(); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw Explain(Address, e); }
    }

    public IImportSession BeginImport() => new PostgresImportSession(OpenConnection(), _clock);

    internal const string ArticleColumns = """
        a.id, a.title, a.published, a.captured, a.url, a.status, a.teaser, a.version_count, a.removed_on,
        v.body, v.hash, s.language, o.slug, o.name, o.name_ko, o.site, a.dateline_place, a.dateline_date, a.dateline_agency
        FROM articles a
        JOIN sources s ON s.id = a.source_id
        JOIN outlets o ON o.id = s.outlet_id
        LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
        """;

    public ArticleRecord? FindArticle(long id)
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT {ArticleColumns} WHERE a.id = @id", c);
        cmd.Parameters.AddWithValue("id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadArticle(r, new PgOutletCache()) : null;
    }

    public IReadOnlyList<ArticleVersion> Versions(long articleId)
    {
        using var c = OpenConnection();
        return ReadVersions(c, articleId);
    }

    private static List<ArticleVersion> ReadVersions(NpgsqlConnection c, long articleId)
    {
        using var cmd = new NpgsqlCommand("SELECT number, title, body, captured, hash, recorded_at FROM versions WHERE article_id = @id ORDER BY number", c);
        cmd.Parameters.AddWithValue("id", articleId);
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleVersion>();
        while (r.Read())
            list.Add(new ArticleVersion(r.GetInt32(0), r.GetString(1), SplitBody(r.GetString(2)), ReadDate(r, 3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }

    public IEnumerable<ArticleHistory> Export(ArticleFilter filter)
    {
        // The versions of articles that have several are read on a second connection while the first streams.
        using var c = OpenConnection();
        using var side = OpenConnection();
        var where = new PgFilter();
        where.Sources(filter.SourceSlugs);
        where.Published(filter.From, filter.To);
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var cmd = where.Command(c, $"SELECT {ArticleColumns} {where.Where} ORDER BY a.published, a.id");
        cmd.Transaction = tx;
        using var r = cmd.ExecuteReader();
        var outlets = new PgOutletCache();
        while (r.Read())
        {
            var article = ReadArticle(r, outlets);
            IReadOnlyList<ArticleVersion> versions = article.VersionCount > 1 ? ReadVersions(side, article.Id) : [];
            yield return new ArticleHistory(article, versions);
        }
    }

    public SearchResults Search(SearchRequest request) => _search.Run(request);

    public ArticleListing ListArticles(ArticleQuery query) => new PostgresArticleList(OpenConnection).Run(query);

    public IReadOnlyList<SourceSummary> Sources() => Summaries(null);

    public SourceSummary? FindSource(string slug) => Summaries(slug).FirstOrDefault();

    public IReadOnlyList<Source> SourceList()
    {
        using var c = OpenConnection();
        return ReadSourceList(c);
    }

    internal static List<Source> ReadSourceList(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand("SELECT s.language, o.slug, o.name, o.name_ko, o.site FROM sources s JOIN outlets o ON o.id = s.outlet_id ORDER BY o.name, s.language", c);
        using var r = cmd.ExecuteReader();
        var list = new List<Source>();
        var outlets = new PgOutletCache();
        while (r.Read()) list.Add(new Source(outlets.Get(r, 1), r.GetString(0)));
        return list;
    }

    private List<SourceSummary> Summaries(string? slug)
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand($"""
            SELECT s.language, o.slug, o.name, o.name_ko, o.site,
                   count(a.id) FILTER (WHERE a.status = 'complete'),
                   count(a.id) FILTER (WHERE a.status = 'stub'),
                   min(a.published), max(a.published)
            FROM sources s
            JOIN outlets o ON o.id = s.outlet_id
            LEFT JOIN articles a ON a.source_id = s.id
            {(slug is null ? "" : "WHERE s.slug = @slug")}
            GROUP BY s.id, o.id
            ORDER BY o.name, s.language
            """, c);
        if (slug is not null) cmd.Parameters.AddWithValue("slug", slug);
        using var r = cmd.ExecuteReader();
        var list = new List<SourceSummary>();
        var outlets = new PgOutletCache();
        while (r.Read())
            list.Add(new SourceSummary(new Source(outlets.Get(r, 1), r.GetString(0)), r.GetInt64(5), r.GetInt64(6), ReadDate(r, 7), ReadDate(r, 8)));
        return list;
    }

    public ArchiveStats Stats()
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM articles WHERE status = 'complete'),
                   (SELECT count(*) FROM articles WHERE status = 'stub'),
                   (SELECT count(*) FROM versions),
                   (SELECT count(*) FROM articles WHERE removed_on IS NOT NULL),
                   (SELECT count(*) FROM sources),
                   (SELECT min(published) FROM articles),
                   (SELECT max(published) FROM articles),
                   pg_database_size(current_database()),
                   (SELECT max(version) FROM schema_migrations)
            """, c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new ArchiveStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
            ReadDate(r, 5), ReadDate(r, 6), r.GetInt64(7), r.GetInt32(8));
    }

    internal static ArticleRecord ReadArticle(NpgsqlDataReader r, PgOutletCache outlets)
    {
        var isStub = r.GetString(5) == "stub";
        return new ArticleRecord(
            r.GetInt64(0),
            new Source(outlets.Get(r, 12), r.GetString(11)),
            r.GetString(1),
            r.GetFieldValue<DateOnly>(2),
            ReadDate(r, 3),
            r.IsDBNull(4) ? null : r.GetString(4),
            isStub ? ArticleStatus.Stub : ArticleStatus.Complete,
            r.IsDBNull(6) ? null : r.GetString(6),
            r.IsDBNull(9) ? [] : SplitBody(r.GetString(9)),
            r.GetInt32(7),
            ReadDate(r, 8),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.IsDBNull(16) ? null : new Dateline(r.GetString(16), ReadDate(r, 17), r.IsDBNull(18) ? "" : r.GetString(18)));
    }

    internal static DateOnly? ReadDate(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    // Paragraphs are stored joined by newlines, as PreparedArticle.Body has them.
    internal static string[] SplitBody(string body) => body.Length == 0 ? [] : body.Split('\n');

    public void Dispose() => _data.Dispose();
}

/// <summary>One Outlet object per outlet while reading many rows.</summary>
internal sealed class PgOutletCache
{
    private readonly Dictionary<string, Outlet> _outlets = new(StringComparer.Ordinal);

    /// <summary>Reads slug, name, Korean name and site from four columns starting at <paramref name="first"/>.</summary>
    public Outlet Get(NpgsqlDataReader r, int first)
    {
        var slug = r.GetString(first);
        if (_outlets.TryGetValue(slug, out var known)) return known;
        var outlet = new Outlet(slug, r.GetString(first + 1), r.IsDBNull(first + 2) ? null : r.GetString(first + 2), r.IsDBNull(first + 3) ? null : r.GetString(first + 3));
        _outlets[slug] = outlet;
        return outlet;
    }
}
