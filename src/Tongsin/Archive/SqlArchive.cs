using System.Data.Common;
using System.Globalization;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Archive;

/// <summary>
/// What an archive in an SQL database reads the same way on every backend: articles and their
/// versions, listings, the rows of an export, the sources with their counts, the totals. A backend
/// opens the connections, reads its own column types (<see cref="ArchiveRows"/>), selects articles
/// with its own filters and gives the few pieces of SQL where its database differs; the rest of
/// <see cref="IArchive"/> is its own.
/// </summary>
public abstract class SqlArchive<TConnection> where TConnection : DbConnection
{
    private protected SqlArchive(ArchiveRows rows) => Rows = rows;

    private protected ArchiveRows Rows { get; }

    /// <summary>A connection to the archive, open, for one thread at a time.</summary>
    internal abstract TConnection OpenConnection();

    public DbConnection Connect() => OpenConnection();

    /// <summary>
    /// The WHERE clause that selects the articles (a) and sources (s) a filter covers, less one
    /// article when <paramref name="excludeId"/> names it, and what makes commands on the connection
    /// that carry the clause's parameters.
    /// </summary>
    private protected abstract (string Where, Func<string, DbCommand> Command) Select(TConnection c, ArticleFilter filter, long? excludeId = null);

    /// <summary>What a source's counts are grouped by: the source, and what else the database needs named to give its outlet's columns.</summary>
    private protected abstract string SourceGrouping { get; }

    /// <summary>An SQL expression for the bytes the database takes, as it counts them.</summary>
    private protected abstract string SizeExpression { get; }

    /// <summary>The bytes the archive takes beside what the database counts.</summary>
    private protected virtual long SizeBeside() => 0;

    /// <summary>What changes with every article stored, read at little cost; null where nothing tells.</summary>
    private protected abstract string? Generation(TConnection c);

    // Every source's counts, a pass over every article, asked for by the front page and the
    // sources page at every visit: kept while the archive is unchanged.
    private readonly CountCache<List<SourceSummary>> _summaries = new(capacity: 1);

    public ArticleRecord? FindArticle(long id)
    {
        using var c = OpenConnection();
        using var cmd = Command(c, $"SELECT {ArchiveRows.ArticleColumns} WHERE a.id = @id", ("@id", id));
        using var r = cmd.ExecuteReader();
        return r.Read() ? Rows.Article(r, new OutletCache()) : null;
    }

    public IReadOnlyList<ArticleAddress> Addresses(long articleId)
    {
        using var c = OpenConnection();
        return ReadAddresses(c, articleId);
    }

    private IReadOnlyList<ArticleAddress> ReadAddresses(DbConnection c, long articleId)
    {
        using var cmd = Command(c, AddressSql.OfArticle, ("@id", articleId));
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleAddress>();
        while (r.Read()) list.Add(new ArticleAddress(r.GetString(0), Rows.Day(r, 1), Rows.Day(r, 2), Rows.Date(r, 3)));
        return list;
    }

    public long? MergedInto(long id)
    {
        using var c = OpenConnection();
        using var cmd = Command(c, "SELECT article_id FROM article_merges WHERE merged_id = @id", ("@id", id));
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
    }

    public IReadOnlyList<ArticleVersion> Versions(long articleId)
    {
        using var c = OpenConnection();
        return ReadVersions(c, articleId);
    }

    private List<ArticleVersion> ReadVersions(DbConnection c, long articleId)
    {
        using var cmd = Command(c, $"SELECT {ArchiveRows.VersionColumns} FROM versions WHERE article_id = @id ORDER BY number", ("@id", articleId));
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleVersion>();
        while (r.Read()) list.Add(Rows.Version(r));
        return list;
    }

    /// <summary>
    /// Listings newest first with offset paging. The count runs separately so a page can say how
    /// many there are in all; both use the (published, id) and (source_id, published) indexes.
    /// </summary>
    public ArticleListing ListArticles(ArticleQuery query)
    {
        query.Check();
        using var c = OpenConnection();
        var (where, command) = Select(c, new ArticleFilter(query.SourceSlugs, query.From, query.To), query.ExcludeId);

        long? total = null;
        if (query.CountAll)
        {
            using var count = command($"SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id {where}");
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (total == 0 || query.Limit == 0 || query.Offset >= total) return new ArticleListing(total.Value, [], query.Offset);
        }

        // Uncounted, one row more than asked says whether there are more.
        using var list = command($"SELECT {ArchiveRows.ArticleColumns} {where} ORDER BY a.published DESC, a.id DESC LIMIT @limit OFFSET @offset");
        Add(list, "@limit", query.Limit + (query.CountAll ? 0 : 1));
        Add(list, "@offset", query.Offset);
        using var r = list.ExecuteReader();
        var outlets = new OutletCache();
        var articles = new List<ArticleRecord>();
        while (r.Read()) articles.Add(Rows.Article(r, outlets));
        if (total is null)
        {
            total = query.Offset + articles.Count;
            if (articles.Count > query.Limit) articles.RemoveAt(articles.Count - 1);
        }
        return new ArticleListing(total.Value, articles, query.Offset);
    }

    /// <summary>Whether an export reads the versions beside its stream on a connection of their own.</summary>
    private protected virtual bool ExportsOnTwoConnections => false;

    public IEnumerable<ArticleHistory> Export(ArticleFilter filter)
    {
        using var c = OpenConnection();
        using var side = ExportsOnTwoConnections ? OpenConnection() : null;
        var (where, command) = Select(c, filter);
        using var tx = side is null ? null : c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var cmd = command($"SELECT {ArchiveRows.ExportColumns} {where} ORDER BY a.published, a.id");
        cmd.Transaction = tx;
        using var r = cmd.ExecuteReader();
        foreach (var history in Histories(r, side ?? c)) yield return history;
    }

    /// <summary>
    /// The articles of an export's rows (<see cref="ArchiveRows.ExportColumns"/>), each with its
    /// versions when it has several, read on <paramref name="versions"/> while the rows stream, and
    /// when its current version was recorded.
    /// </summary>
    private protected IEnumerable<ArticleHistory> Histories(DbDataReader r, DbConnection versions)
    {
        var outlets = new OutletCache();
        while (r.Read())
        {
            var article = Rows.Article(r, outlets);
            IReadOnlyList<ArticleVersion> history = article.VersionCount > 1 ? ReadVersions(versions, article.Id) : [];
            var recorded = r.IsDBNull(ArchiveRows.ExportRecordedColumn) ? (DateTimeOffset?)null : Rows.Time(r, ArchiveRows.ExportRecordedColumn);
            const int at = ArchiveRows.ExportAddressColumn;
            var addresses = r.GetInt64(at) switch
            {
                0 => [],
                1 when article.Url is not null && !r.IsDBNull(at + 1) => [new ArticleAddress(article.Url, Rows.Day(r, at + 1), Rows.Day(r, at + 2), Rows.Date(r, at + 3))],
                _ => ReadAddresses(versions, article.Id),
            };
            yield return new ArticleHistory(article, history, recorded) { Addresses = addresses };
        }
    }

    /// <summary>
    /// A search for addresses (url:): the articles found under any of them (an address is matched
    /// as written and with its scheme the other of http and https), within the query's other
    /// filters, newest first. Null for any other query, which the backend's index answers.
    /// </summary>
    private protected SearchResults? FindByAddress(SearchRequest request)
    {
        if (request.Query.IndexOf("url:", StringComparison.OrdinalIgnoreCase) < 0) return null;
        var parsed = request.Parse();
        if (parsed.Filters.Addresses.Count == 0) return null;
        using var c = OpenConnection();
        var scope = SearchScope.Resolve(() => SourceRows(c), request, parsed.Filters, new OutletCatalog());
        if (scope.IsEmpty) return new SearchResults(0, []);
        var urls = parsed.Filters.Addresses.SelectMany(Spellings).Distinct().ToList();
        using var cmd = Command(c, $"""
            SELECT {ArchiveRows.ArticleColumns}
            WHERE a.id IN (SELECT article_id FROM article_addresses WHERE url IN ({string.Join(", ", urls.Select((_, i) => $"@u{i}"))}))
            ORDER BY a.published DESC, a.id DESC
            """, urls.Select((u, i) => ($"@u{i}", (object)u)).ToArray());
        using var r = cmd.ExecuteReader();
        var outlets = new OutletCache();
        var ids = new Dictionary<string, long>();
        var found = new List<ArticleRecord>();
        while (r.Read())
        {
            var a = Rows.Article(r, outlets);
            if (scope.SourceIds is { } allowed && !allowed.Contains(SourceIdOf(c, a.Source, ids))) continue;
            if ((scope.From is { } from && a.Published < from) || (scope.To is { } to && a.Published > to)) continue;
            found.Add(a);
        }
        var hits = found.Skip(request.Offset).Take(request.Limit).Select(a => new SearchHit(a.Id, a.Title, a.Source.Label, a.Source.Slug, a.Published,
            a.Status == ArticleStatus.Stub, Opening(a), 0)).ToList();
        var facets = request.Facets
            ? new SearchFacets(
                found.GroupBy(a => a.Source).Select(g => new Facet(g.Key.Slug, g.Key.Label, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Label).ToList(),
                found.GroupBy(a => a.Source.Language).Select(g => new Facet(g.Key, g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
                found.GroupBy(a => a.Published.Year.ToString("D4", CultureInfo.InvariantCulture)).Select(g => new Facet(g.Key, g.Key, g.Count())).OrderByDescending(f => f.Value).ToList())
            : null;
        return new SearchResults(found.Count, hits, facets);
    }

    // An address as written, and with the other of the two web schemes.
    private static IEnumerable<string> Spellings(string url)
    {
        yield return url;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) yield return "https://" + url[7..];
        else if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) yield return "http://" + url[8..];
    }

    // The start of the article's text, where a search by words would show the words it matched.
    private static string Opening(ArticleRecord a)
    {
        var text = a.Status == ArticleStatus.Stub ? a.Teaser ?? "" : a.Paragraphs.FirstOrDefault() ?? "";
        const int most = 240;
        return text.Length <= most ? text : text[..most] + " …";
    }

    private static long SourceIdOf(DbConnection c, Source source, Dictionary<string, long> known)
    {
        if (known.TryGetValue(source.Slug, out var id)) return id;
        using var cmd = Command(c, "SELECT id FROM sources WHERE slug = @slug", ("@slug", source.Slug));
        return known[source.Slug] = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every source with its id, as a search's scope resolves its filters over them.</summary>
    internal static List<(long Id, Source Source)> SourceRows(DbConnection c)
    {
        using var cmd = Command(c, "SELECT s.id, s.language, o.slug, o.name, o.name_ko, o.site FROM sources s JOIN outlets o ON o.id = s.outlet_id ORDER BY o.name, s.language");
        using var r = cmd.ExecuteReader();
        var rows = new List<(long, Source)>();
        var outlets = new OutletCache();
        while (r.Read()) rows.Add((r.GetInt64(0), new Source(outlets.Get(r, 2), r.GetString(1))));
        return rows;
    }

    public IReadOnlyList<SourceSummary> Sources() => Summaries(null);

    public SourceSummary? FindSource(string slug) => Summaries(slug).FirstOrDefault();

    public IReadOnlyList<Source> SourceList()
    {
        using var c = OpenConnection();
        return ReadSourceList(c);
    }

    internal static List<Source> ReadSourceList(DbConnection c)
    {
        using var cmd = Command(c, "SELECT s.language, o.slug, o.name, o.name_ko, o.site FROM sources s JOIN outlets o ON o.id = s.outlet_id ORDER BY o.name, s.language");
        using var r = cmd.ExecuteReader();
        var list = new List<Source>();
        var outlets = new OutletCache();
        while (r.Read()) list.Add(new Source(outlets.Get(r, 1), r.GetString(0)));
        return list;
    }

    private List<SourceSummary> Summaries(string? slug)
    {
        using var c = OpenConnection();
        var generation = Generation(c);
        if (generation is not null && _summaries.TryGet("", generation, out var kept))
            return slug is null ? kept : kept.Where(s => s.Source.Slug == slug).ToList();
        if (slug is not null) generation = null;
        using var cmd = Command(c, $"""
            SELECT s.language, o.slug, o.name, o.name_ko, o.site,
                   count(a.id) FILTER (WHERE a.status = 'complete'),
                   count(a.id) FILTER (WHERE a.status = 'stub'),
                   min(a.published), max(a.published)
            FROM sources s
            JOIN outlets o ON o.id = s.outlet_id
            LEFT JOIN articles a ON a.source_id = s.id
            {(slug is null ? "" : "WHERE s.slug = @slug")}
            GROUP BY {SourceGrouping}
            ORDER BY o.name, s.language
            """);
        if (slug is not null) Add(cmd, "@slug", slug);
        using var r = cmd.ExecuteReader();
        var list = new List<SourceSummary>();
        var outlets = new OutletCache();
        while (r.Read())
            list.Add(new SourceSummary(new Source(outlets.Get(r, 1), r.GetString(0)), r.GetInt64(5), r.GetInt64(6), Rows.Date(r, 7), Rows.Date(r, 8)));
        if (generation is not null) _summaries.Put("", generation, list);
        return list;
    }

    public ArchiveStats Stats()
    {
        using var c = OpenConnection();
        using var cmd = Command(c, $"""
            SELECT (SELECT count(*) FROM articles WHERE status = 'complete'),
                   (SELECT count(*) FROM articles WHERE status = 'stub'),
                   (SELECT count(*) FROM versions),
                   (SELECT count(*) FROM articles WHERE removed_on IS NOT NULL),
                   (SELECT count(*) FROM sources),
                   (SELECT min(published) FROM articles),
                   (SELECT max(published) FROM articles),
                   {SizeExpression},
                   (SELECT max(version) FROM schema_migrations)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new ArchiveStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
            Rows.Date(r, 5), Rows.Date(r, 6), r.GetInt64(7) + SizeBeside(), r.GetInt32(8));
    }

    // Both databases take parameters named with @.
    private static DbCommand Command(DbConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) Add(cmd, name, value);
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
