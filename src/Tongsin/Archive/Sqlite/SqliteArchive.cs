using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The archive in one SQLite file (WAL). Reads open pooled connections of their own, so one
/// instance serves many threads; writes go through <see cref="BeginImport"/>.
/// </summary>
public sealed class SqliteArchive : IArchive
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private SqliteSearch _search;

    private SqliteArchive(string path, TimeProvider clock)
    {
        Location = path;
        _clock = clock;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _search = new SqliteSearch(OpenConnection);
        CrawlQueue = new SqliteCrawlQueue(OpenConnection);
    }

    public ICrawlQueue CrawlQueue { get; }

    /// <summary>How many of a query's newest matches relevance ranking scores when it has more (see SqliteSearch).</summary>
    internal int SearchRankWindow
    {
        get => _search.RankWindow;
        set => _search = new SqliteSearch(OpenConnection, value);
    }

    public string Location { get; }

    /// <summary>Opens an existing archive, bringing its schema up to date.</summary>
    public static SqliteArchive Open(string path, TimeProvider clock) => Open(path, clock, create: false);

    /// <summary>Opens the archive at <paramref name="path"/>, creating the file (and its folder) when missing.</summary>
    public static SqliteArchive OpenOrCreate(string path, TimeProvider clock) => Open(path, clock, create: true);

    private static SqliteArchive Open(string path, TimeProvider clock, bool create)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new ArchiveException($"{path} is a folder, not an archive file");
        if (!File.Exists(full))
        {
            if (!create) throw new ArchiveException($"no archive at {path}; import pages first with 'tongsin import'");
            try { Directory.CreateDirectory(Path.GetDirectoryName(full)!); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArchiveException($"cannot create the folder for {path}: {e.Message}", e);
            }
        }
        try
        {
            using (var setup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                setup.Open();
                SqliteSearchTerms.Register(setup);
                using (var wal = setup.CreateCommand())
                {
                    wal.CommandText = "PRAGMA journal_mode = WAL";
                    wal.ExecuteNonQuery();
                }
                SqliteSchema.Apply(setup, clock);
            }
            return new SqliteArchive(full, clock);
        }
        catch (SqliteException e)
        {
            throw new ArchiveException(e.SqliteErrorCode switch
            {
                26 => $"{path} is not a Tongsin archive (not an SQLite database)",
                14 => $"cannot open {path}: {e.Message}",
                _ => $"cannot open the archive {path}: {e.Message}",
            }, e);
        }
    }

    internal SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        SqliteSearchTerms.Register(c);
        using var cmd = c.CreateCommand();
        // A web server holds a connection per request in flight: 16 MB of page cache each, not more,
        // and 64 MB of the file mapped. Mapped pages count in the server's resident set; a larger map
        // did not make searching a million articles any faster (docs/benchmarks.md).
        // mmap_size answers with a row, and statements after it in one command are not run: it stays last.
        cmd.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384; PRAGMA mmap_size = 67108864;";
        cmd.ExecuteNonQuery();
        return c;
    }

    public IImportSession BeginImport()
    {
        var c = OpenConnection();
        // An import revisits the same index pages constantly: it gets a larger cache of its own.
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
            cmd.ExecuteNonQuery();
        }
        return new SqliteImportSession(c, _clock);
    }

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
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {ArticleColumns} WHERE a.id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadArticle(r, new OutletCache()) : null;
    }

    public IReadOnlyList<ArticleVersion> Versions(long articleId)
    {
        using var c = OpenConnection();
        return ReadVersions(c, articleId);
    }

    private static List<ArticleVersion> ReadVersions(SqliteConnection c, long articleId)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT number, title, body, captured, hash, recorded_at FROM versions WHERE article_id = $id ORDER BY number";
        cmd.Parameters.AddWithValue("$id", articleId);
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleVersion>();
        while (r.Read())
            list.Add(new ArticleVersion(r.GetInt32(0), r.GetString(1), SplitBody(r.GetString(2)), ReadDate(r, 3), r.GetString(4),
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        return list;
    }

    public IEnumerable<ArticleHistory> Export(ArticleFilter filter)
    {
        using var c = OpenConnection();
        var where = new SqlFilter();
        where.Sources(filter.SourceSlugs);
        where.Published(filter.From, filter.To);
        using var cmd = where.Command(c, $"SELECT {ArticleColumns} {where.Where} ORDER BY a.published, a.id");
        using var r = cmd.ExecuteReader();
        var outlets = new OutletCache();
        while (r.Read())
        {
            var article = ReadArticle(r, outlets);
            IReadOnlyList<ArticleVersion> versions = article.VersionCount > 1 ? ReadVersions(c, article.Id) : [];
            yield return new ArticleHistory(article, versions);
        }
    }

    public SearchResults Search(SearchRequest request) => _search.Run(request);

    public ArticleListing ListArticles(ArticleQuery query) => new SqliteArticleList(OpenConnection).Run(query);

    public IReadOnlyList<SourceSummary> Sources() => Summaries(null);

    public SourceSummary? FindSource(string slug) => Summaries(slug).FirstOrDefault();

    public IReadOnlyList<Source> SourceList()
    {
        using var c = OpenConnection();
        return ReadSourceList(c);
    }

    internal static List<Source> ReadSourceList(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT s.language, o.slug, o.name, o.name_ko, o.site FROM sources s JOIN outlets o ON o.id = s.outlet_id ORDER BY o.name, s.language";
        using var r = cmd.ExecuteReader();
        var list = new List<Source>();
        var outlets = new OutletCache();
        while (r.Read()) list.Add(new Source(outlets.Get(r, 1), r.GetString(0)));
        return list;
    }

    private List<SourceSummary> Summaries(string? slug)
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT s.language, o.slug, o.name, o.name_ko, o.site,
                   count(a.id) FILTER (WHERE a.status = 'complete'),
                   count(a.id) FILTER (WHERE a.status = 'stub'),
                   min(a.published), max(a.published)
            FROM sources s
            JOIN outlets o ON o.id = s.outlet_id
            LEFT JOIN articles a ON a.source_id = s.id
            {(slug is null ? "" : "WHERE s.slug = $slug")}
            GROUP BY s.id
            ORDER BY o.name, s.language
            """;
        if (slug is not null) cmd.Parameters.AddWithValue("$slug", slug);
        using var r = cmd.ExecuteReader();
        var list = new List<SourceSummary>();
        var outlets = new OutletCache();
        while (r.Read())
            list.Add(new SourceSummary(new Source(outlets.Get(r, 1), r.GetString(0)), r.GetInt64(5), r.GetInt64(6), ReadDate(r, 7), ReadDate(r, 8)));
        return list;
    }

    public ArchiveStats Stats()
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM articles WHERE status = 'complete'),
                   (SELECT count(*) FROM articles WHERE status = 'stub'),
                   (SELECT count(*) FROM versions),
                   (SELECT count(*) FROM articles WHERE removed_on IS NOT NULL),
                   (SELECT count(*) FROM sources),
                   (SELECT min(published) FROM articles),
                   (SELECT max(published) FROM articles),
                   (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()),
                   (SELECT max(version) FROM schema_migrations)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        var wal = new FileInfo(Location + "-wal");
        return new ArchiveStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
            ReadDate(r, 5), ReadDate(r, 6), r.GetInt64(7) + (wal.Exists ? wal.Length : 0), r.GetInt32(8));
    }

    internal static ArticleRecord ReadArticle(SqliteDataReader r, OutletCache outlets)
    {
        var isStub = r.GetString(5) == "stub";
        return new ArticleRecord(
            r.GetInt64(0),
            new Source(outlets.Get(r, 12), r.GetString(11)),
            r.GetString(1),
            DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
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

    internal static DateOnly? ReadDate(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The inverse of PreparedArticle.Body: paragraphs are stored joined by newlines.
    internal static string[] SplitBody(string body) => body.Length == 0 ? [] : body.Split('\n');

    public void Dispose()
    {
        // Pooled connections keep the file open; let it go so the file can be moved or deleted.
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }
}

/// <summary>One Outlet object per outlet while reading many rows.</summary>
internal sealed class OutletCache
{
    private readonly Dictionary<string, Outlet> _outlets = new(StringComparer.Ordinal);

    /// <summary>Reads slug, name, Korean name and site from four columns starting at <paramref name="first"/>.</summary>
    public Outlet Get(SqliteDataReader r, int first)
    {
        var slug = r.GetString(first);
        if (_outlets.TryGetValue(slug, out var known)) return known;
        var outlet = new Outlet(slug, r.GetString(first + 1), r.IsDBNull(first + 2) ? null : r.GetString(first + 2), r.IsDBNull(first + 3) ? null : r.GetString(first + 3));
        _outlets[slug] = outlet;
        return outlet;
    }
}
