using Microsoft.Data.Sqlite;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The archive in one SQLite file (WAL). Reads open pooled connections of their own, so one
/// instance serves many threads; writes go through <see cref="BeginImport"/>.
/// </summary>
public sealed class SqliteArchive : SqlArchive<SqliteConnection>, IArchive
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
        set => _search = new SqliteSearch(OpenConnection, value) { CacheCounts = _search.CacheCounts, SplitCount = _search.SplitCount };
    }

    /// <summary>From how many indexed rows and matches a search counts in two halves at once (see SqliteSearch.Count).</summary>
    internal (long Rows, int Matches) SearchSplitCount
    {
        get => _search.SplitCount;
        set => _search.SplitCount = value;
    }

    /// <summary>Whether search keeps the counts of recent queries (see CountCache); the benchmarks measure without.</summary>
    internal bool SearchCachesCounts
    {
        get => _search.CacheCounts;
        set => _search.CacheCounts = value;
    }

    public string Location { get; }

    // FTS5 rewrites its structure record whenever the index changes, as it does with every article stored.
    private protected override string? Generation(SqliteConnection c) => Convert.ToBase64String(DocumentLengths.Structure(c));

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

    internal override SqliteConnection OpenConnection()
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

    public SearchResults Search(SearchRequest request, CancellationToken cancel = default) => FindByAddress(request) ?? _search.Run(request, cancel);

    public IReadOnlyList<TallyCount> Tally(SearchRequest request, TallyInterval interval, CancellationToken cancel = default, TallyGroups? once = null) => _search.Tally(request, interval, cancel, once);

    private protected override IArticleSelection NewSelection() => new SqlFilter();

    // SQLite gives the outlet's columns of the one row the join has for the source.
    private protected override string SourceGrouping => "s.id";

    private protected override string SizeExpression => "(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())";

    // Pages written since the last checkpoint are in the write-ahead log beside the file.
    private protected override long SizeBeside()
    {
        var wal = new FileInfo(Location + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; let it go so the file can be moved or deleted.
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }
}
