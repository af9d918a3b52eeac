using System.Data.Common;
using System.Globalization;
using Dapper;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Analysis.Reprints;

/// <summary>One article of a reprint cluster, with its estimated similarity to the cluster's original (1 for the original itself).</summary>
public sealed record ReprintMember(long ArticleId, string Source, DateOnly Published, string Title, double Similarity);

/// <summary>The copies of one text: the original (the earliest published, then the lowest id) first, then the others by date and id.</summary>
public sealed record ReprintCluster(long OriginalId, IReadOnlyList<ReprintMember> Members)
{
    public ReprintMember Original => Members[0];
}

/// <summary>
/// Reads the reprint clusters (tables of <see cref="ReprintClustering"/>): an article's cluster,
/// and the clusters of a period or a source. Empty answers while the clusters have not been made.
/// </summary>
public sealed class ReprintClusters(IArchive archive)
{
    /// <summary>The cluster of this article, or null when no other article is a copy of it.</summary>
    public ReprintCluster? Of(long articleId)
    {
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        var original = c.QuerySingleOrDefault<long?>("SELECT original_id FROM reprint_clusters WHERE article_id = @articleId", new { articleId });
        return original is null ? null : Read(c, "k.original_id = @original", new DynamicParameters(new { original })).FirstOrDefault();
    }

    /// <summary>An article's links to the other copies of its text (<see cref="ReprintLinks.None"/> when there are none).</summary>
    public ReprintLinks LinksOf(long articleId) => Of(articleId) is { } cluster ? Links(cluster, articleId) : ReprintLinks.None;

    /// <summary>
    /// For the articles among these that have copies: their cluster's original, how many articles
    /// it holds, and from how many sources: what a page of search hits needs to fold the copies.
    /// </summary>
    public IReadOnlyDictionary<long, (long Original, int Articles, int Sources)> Among(IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return new Dictionary<long, (long, int, int)>();
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        return c.Query<(long Article, long Original, long Articles, long Sources)>($"""
            SELECT k.article_id, k.original_id,
                   (SELECT count(*) FROM reprint_clusters m WHERE m.original_id = k.original_id),
                   (SELECT count(DISTINCT s.source) FROM reprint_clusters m JOIN reprint_signatures s ON s.article_id = m.article_id WHERE m.original_id = k.original_id)
            FROM reprint_clusters k WHERE k.article_id IN ({ReprintClusterTables.List(ids)})
            """).ToDictionary(r => r.Article, r => (r.Original, (int)r.Articles, (int)r.Sources));
    }

    /// <summary>What the clusters are now, as text that changes whenever they do: the clustering's watermark and parameters.</summary>
    public string State()
    {
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        var state = c.QuerySingleOrDefault<(long Signatures, double Threshold, long MostDays, long Watermark)?>("SELECT signatures, threshold, most_days, watermark FROM reprint_cluster_state");
        return state is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Signatures}/{s.Threshold}/{s.MostDays}/{s.Watermark}") : "none";
    }

    /// <summary>
    /// The copies among these sources (all, when null) published in the period, for a tally that
    /// counts each text once (<see cref="TallyGroups"/>): each article of a cluster that has more
    /// than one of them, grouped by its cluster's original, or, <paramref name="bySource"/>, by its
    /// cluster and source, so that each source counts its own copies once.
    /// </summary>
    public TallyGroups Groups(IReadOnlyList<string>? sources, DateOnly? from, DateOnly? to, bool bySource = false)
    {
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        // Over every source and day, a cluster is the group: every row's cluster has another member.
        if (sources is not { Count: > 0 } && from is null && to is null && !bySource)
            return new TallyGroups(c.Query<(long Article, long Original)>("SELECT article_id, original_id FROM reprint_clusters").ToDictionary(r => r.Article, r => r.Original));
        var parameters = new DynamicParameters();
        parameters.Add("from", from is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "0000-01-01");
        parameters.Add("to", to is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "9999-12-31");
        var bySlug = "";
        if (sources is { Count: > 0 })
        {
            for (var i = 0; i < sources.Count; i++) parameters.Add($"s{i}", sources[i]);
            bySlug = $"AND s.source IN ({string.Join(", ", sources.Select((_, i) => $"@s{i}"))})";
        }
        var rows = c.Query<(long Article, long Original, string Source)>($"""
            SELECT k.article_id, k.original_id, s.source FROM reprint_clusters k JOIN reprint_signatures s ON s.article_id = k.article_id
            WHERE s.published >= @from AND s.published <= @to {bySlug}
            """, parameters);
        var groups = new Dictionary<long, long>();
        foreach (var group in rows.GroupBy(r => bySource ? (r.Original, r.Source) : (r.Original, "")))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            var key = members.Min(m => m.Article);
            foreach (var m in members) groups[m.Article] = key;
        }
        return new TallyGroups(groups);
    }

    /// <summary>Every clustered article's links, for an export: a few rows an article that has copies, none for the rest.</summary>
    public IReadOnlyDictionary<long, ReprintLinks> AllLinks()
    {
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        var links = new Dictionary<long, ReprintLinks>();
        foreach (var cluster in Read(c, "1 = 1", new DynamicParameters()))
            foreach (var member in cluster.Members) links[member.ArticleId] = Links(cluster, member.ArticleId);
        return links;
    }

    private static ReprintLinks Links(ReprintCluster cluster, long articleId) => new(cluster.OriginalId,
        cluster.Members.Where(m => m.ArticleId != articleId).Select(m => new ReprintLink(m.ArticleId, m.Source, m.Published, m.Similarity)).ToList());

    /// <summary>
    /// The clusters whose original was published in the period (either end open), and, with
    /// <paramref name="sources"/>, that have a member from one of them; oldest original first, at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<ReprintCluster> List(DateOnly? from = null, DateOnly? to = null, IReadOnlyList<string>? sources = null, int limit = 1000)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "a listing holds at least one cluster");
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        var parameters = new DynamicParameters();
        parameters.Add("from", from is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "0000-01-01");
        parameters.Add("to", to is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "9999-12-31");
        var bySource = "";
        if (sources is { Count: > 0 })
        {
            for (var i = 0; i < sources.Count; i++) parameters.Add($"s{i}", sources[i]);
            bySource = $"""
                AND o.article_id IN (SELECT m.original_id FROM reprint_clusters m JOIN reprint_signatures ms ON ms.article_id = m.article_id
                WHERE ms.source IN ({string.Join(", ", sources.Select((_, i) => $"@s{i}"))}))
                """;
        }
        var originals = c.Query<long>($"""
            SELECT o.article_id FROM reprint_clusters o JOIN reprint_signatures os ON os.article_id = o.article_id
            WHERE o.article_id = o.original_id AND os.published >= @from AND os.published <= @to {bySource}
            ORDER BY os.published, o.article_id LIMIT {limit}
            """, parameters).ToList();
        if (originals.Count == 0) return [];
        var clusters = originals.Chunk(500)
            .SelectMany(chunk => Read(c, $"k.original_id IN ({ReprintClusterTables.List(chunk)})", new DynamicParameters()))
            .ToDictionary(k => k.OriginalId);
        return originals.Where(clusters.ContainsKey).Select(o => clusters[o]).ToList();
    }

    // The members of the clusters the condition picks, each with the title of its current version.
    private static IEnumerable<ReprintCluster> Read(DbConnection c, string where, DynamicParameters parameters)
    {
        var rows = c.Query<(long OriginalId, long ArticleId, string Source, string Published, string Title, double Similarity)>($"""
            SELECT k.original_id, k.article_id, s.source, s.published, v.title, k.similarity
            FROM reprint_clusters k
            JOIN reprint_signatures s ON s.article_id = k.article_id
            JOIN articles a ON a.id = k.article_id
            JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
            WHERE {where}
            """, parameters);
        return rows.GroupBy(r => r.OriginalId).Select(g => new ReprintCluster(g.Key, g
            .Select(r => new ReprintMember(r.ArticleId, r.Source, DateOnly.ParseExact(r.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Title, r.Similarity))
            .OrderBy(m => m.ArticleId == g.Key ? 0 : 1).ThenBy(m => m.Published).ThenBy(m => m.ArticleId)
            .ToList()));
    }
}
