using System.Data.Common;
using System.Globalization;
using Dapper;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Archive;

/// <summary>
/// What an archive in an SQL database reads the same way on every backend: articles and their
/// versions, listings, the rows of an export, the sources with their counts, the totals, each row
/// read by Dapper by its columns' names (<see cref="ArchiveRows"/>). A backend opens the connections,
/// selects articles with its own filters and gives the few pieces of SQL where its database differs;
/// the rest of <see cref="IArchive"/> is its own.
/// </summary>
public abstract class SqlArchive<TConnection> where TConnection : DbConnection
{
    /// <summary>A connection to the archive, open, for one thread at a time.</summary>
    internal abstract TConnection OpenConnection();

    public DbConnection Connect() => OpenConnection();

    /// <summary>An empty WHERE clause of the backend's own.</summary>
    private protected abstract IArticleSelection NewSelection();

    /// <summary>
    /// The WHERE clause that selects the articles (a) and sources (s) a filter covers, less one
    /// article when <paramref name="excludeId"/> names it, and what makes commands on the connection
    /// that carry the clause's parameters.
    /// </summary>
    private (string Where, Func<string, DbCommand> Command) Select(TConnection c, ArticleFilter filter, long? excludeId = null)
    {
        var where = NewSelection();
        where.Sources(filter.SourceSlugs);
        where.Published(filter.From, filter.To);
        if (excludeId is { } id) where.Except(id);
        return (where.Where, sql => where.Command(c, sql));
    }

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
        return c.QuerySingleOrDefault<ArticleRow>($"SELECT {ArchiveRows.ArticleColumns} WHERE a.id = @id", new { id })?.ToArticle(new OutletCache());
    }

    public IReadOnlyList<ArticleAddress> Addresses(long articleId)
    {
        using var c = OpenConnection();
        return ReadAddresses(c, articleId);
    }

    private static List<ArticleAddress> ReadAddresses(DbConnection c, long id) =>
        c.Query<AddressRow>(AddressSql.OfArticle, new { id }).Select(d => d.ToAddress()).ToList();

    public long? MergedInto(long id)
    {
        using var c = OpenConnection();
        return c.QuerySingleOrDefault<long?>("SELECT article_id FROM article_merges WHERE merged_id = @id", new { id });
    }

    public IReadOnlyList<ArticleVersion> Versions(long articleId)
    {
        using var c = OpenConnection();
        return ReadVersions(c, articleId);
    }

    private static List<ArticleVersion> ReadVersions(DbConnection c, long id) =>
        c.Query<VersionRow>($"SELECT {ArchiveRows.VersionColumns} FROM versions WHERE article_id = @id ORDER BY number", new { id }).Select(v => v.ToVersion()).ToList();

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
        var row = r.GetRowParser<ArticleRow>();
        var outlets = new OutletCache();
        var articles = new List<ArticleRecord>();
        while (r.Read()) articles.Add(row(r).ToArticle(outlets));
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
    private protected static IEnumerable<ArticleHistory> Histories(DbDataReader r, DbConnection versions)
    {
        var next = r.GetRowParser<ExportRow>();
        var outlets = new OutletCache();
        while (r.Read())
        {
            var row = next(r);
            var article = row.ToArticle(outlets);
            IReadOnlyList<ArticleVersion> history = article.VersionCount > 1 ? ReadVersions(versions, article.Id) : [];
            IReadOnlyList<ArticleAddress> addresses = row.AddressCount switch
            {
                0 => [],
                1 when article.Url is not null && row.FirstSeen is not null =>
                    [new ArticleAddress(article.Url, StoredDay.Of(row.FirstSeen), StoredDay.Of(row.LastSeen!), StoredDay.OrNull(row.GoneOn))],
                _ => ReadAddresses(versions, article.Id),
            };
            yield return new ArticleHistory(article, history, StoredMoment.OrNull(row.Recorded)) { Addresses = addresses };
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
        var scope = SearchScope.Resolve(() => SourceRows(c).ConvertAll(s => (s.Id, s.Source)), request, parsed.Filters, new OutletCatalog());
        if (scope.IsEmpty) return new SearchResults(0, []);
        var urls = parsed.Filters.Addresses.SelectMany(Spellings).Distinct().ToList();
        // One parameter an address: Dapper would send a list to PostgreSQL as one array, which IN does not take.
        var rows = c.Query<ArticleRow>($"""
            SELECT {ArchiveRows.ArticleColumns}
            WHERE a.id IN (SELECT article_id FROM article_addresses WHERE url IN ({string.Join(", ", urls.Select((_, i) => $"@u{i}"))}))
            ORDER BY a.published DESC, a.id DESC
            """, new DynamicParameters(urls.Select((u, i) => KeyValuePair.Create($"u{i}", (object)u))));
        var outlets = new OutletCache();
        var ids = new Dictionary<string, long>();
        var found = new List<ArticleRecord>();
        foreach (var row in rows)
        {
            var a = row.ToArticle(outlets);
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
        return known[source.Slug] = c.QuerySingle<long>("SELECT id FROM sources WHERE slug = @slug", new { slug = source.Slug });
    }

    /// <summary>Every source with its id and its label as stored, as a search's scope resolves its filters over them.</summary>
    internal static List<(long Id, Source Source, string Label)> SourceRows(DbConnection c)
    {
        var outlets = new OutletCache();
        return c.Query<SourceRow>($"SELECT {ArchiveRows.SourceColumns} ORDER BY o.name, s.language")
            .Select(s => (s.Id, new Source(outlets.Get(s), s.Language), s.Label)).ToList();
    }

    public IReadOnlyList<SourceSummary> Sources() => Summaries(null);

    public SourceSummary? FindSource(string slug) => Summaries(slug).FirstOrDefault();

    public IReadOnlyList<Source> SourceList()
    {
        using var c = OpenConnection();
        return ReadSourceList(c);
    }

    internal static List<Source> ReadSourceList(DbConnection c) => SourceRows(c).Select(s => s.Source).ToList();

    private List<SourceSummary> Summaries(string? slug)
    {
        using var c = OpenConnection();
        var generation = Generation(c);
        if (generation is not null && _summaries.TryGet("", generation, out var kept))
            return slug is null ? kept : kept.Where(s => s.Source.Slug == slug).ToList();
        if (slug is not null) generation = null;
        var outlets = new OutletCache();
        var list = c.Query<SummaryRow>($"""
            SELECT s.language, o.slug AS OutletSlug, o.name AS OutletName, o.name_ko AS OutletNameKo, o.site AS OutletSite,
                   count(a.id) FILTER (WHERE a.status = 'complete') AS Articles,
                   count(a.id) FILTER (WHERE a.status = 'stub') AS Stubs,
                   min(a.published) AS First, max(a.published) AS Last
            FROM sources s
            JOIN outlets o ON o.id = s.outlet_id
            LEFT JOIN articles a ON a.source_id = s.id
            {(slug is null ? "" : "WHERE s.slug = @slug")}
            GROUP BY {SourceGrouping}
            ORDER BY o.name, s.language
            """, slug is null ? null : new { slug })
            .Select(s => new SourceSummary(new Source(outlets.Get(s), s.Language), s.Articles, s.Stubs, StoredDay.OrNull(s.First), StoredDay.OrNull(s.Last)))
            .ToList();
        if (generation is not null) _summaries.Put("", generation, list);
        return list;
    }

    private sealed record SummaryRow : OutletColumns
    {
        public string Language { get; init; } = "";
        public long Articles { get; init; }
        public long Stubs { get; init; }
        public object? First { get; init; }
        public object? Last { get; init; }
    }

    public ArchiveStats Stats()
    {
        using var c = OpenConnection();
        var s = c.QuerySingle<StatsRow>($"""
            SELECT (SELECT count(*) FROM articles WHERE status = 'complete') AS Articles,
                   (SELECT count(*) FROM articles WHERE status = 'stub') AS Stubs,
                   (SELECT count(*) FROM versions) AS Versions,
                   (SELECT count(*) FROM articles WHERE removed_on IS NOT NULL) AS Removed,
                   (SELECT count(*) FROM sources) AS Sources,
                   (SELECT min(published) FROM articles) AS FirstPublished,
                   (SELECT max(published) FROM articles) AS LastPublished,
                   {SizeExpression} AS Size,
                   (SELECT max(version) FROM schema_migrations) AS SchemaVersion
            """);
        return new ArchiveStats(s.Articles, s.Stubs, s.Versions, s.Removed, s.Sources,
            StoredDay.OrNull(s.FirstPublished), StoredDay.OrNull(s.LastPublished), s.Size + SizeBeside(), s.SchemaVersion);
    }

    private sealed record StatsRow
    {
        public long Articles { get; init; }
        public long Stubs { get; init; }
        public long Versions { get; init; }
        public long Removed { get; init; }
        public long Sources { get; init; }
        public object? FirstPublished { get; init; }
        public object? LastPublished { get; init; }
        public long Size { get; init; }
        public int SchemaVersion { get; init; }
    }

    // A parameter of a command a backend's filter made; both databases take names with @.
    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
