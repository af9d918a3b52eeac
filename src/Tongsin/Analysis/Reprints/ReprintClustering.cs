using System.Data.Common;
using Dapper;
using Tongsin.Archive;

namespace Tongsin.Analysis.Reprints;

/// <summary>
/// What a clustering pass did: the articles it took in, and after a rebuild how many clusters and
/// members there are (an update does not count them: a count over a million rows would cost it more
/// than the update itself).
/// </summary>
public sealed record ReprintClusteringRun(bool Rebuilt, long Articles, long? Clusters = null, long? Members = null);

/// <summary>
/// Groups the copies of one text into reprint clusters, from the `reprints` analyser's signatures
/// and bands. Two articles are copies when they share a band's bucket (the same language, one whole
/// band alike) and their signatures' estimated similarity reaches the threshold; clusters are what
/// these pairs connect. The earliest published article of a cluster (then the lowest id) is its
/// original. It runs after the analyser: <see cref="Update"/> takes in the articles changed since its
/// last run, each looked up in the band index, or rebuilds every cluster when the signatures or the
/// threshold changed. The SQL is the same on both backends.
/// </summary>
public sealed class ReprintClustering(ReprintParameters? parameters = null)
{
    private readonly ReprintParameters _p = (parameters ?? ReprintParameters.Chosen).Check();
    private readonly ReprintSignatures _analyser = new(parameters);

    private sealed record AnalyserState(int Revision, long Watermark, long? RebuildAfter);

    private sealed record State(int Signatures, double Threshold, int MostDays, long Watermark);

    /// <summary>
    /// Brings the clusters up to date with the signatures; nothing while the analyser has not run
    /// or is half-way through a rebuild (its signatures are not all there).
    /// </summary>
    public ReprintClusteringRun? Update(IArchive archive, CancellationToken cancel = default)
    {
        using var c = archive.Connect();
        return Update(c, cancel);
    }

    public ReprintClusteringRun? Update(DbConnection c, CancellationToken cancel = default)
    {
        ReprintClusterTables.Ensure(c);
        var analyser = Analyser(c);
        if (analyser is null || analyser.RebuildAfter is not null || analyser.Revision != _analyser.Revision) return null;
        var state = c.QuerySingleOrDefault<(int Signatures, double Threshold, int MostDays, long Watermark)?>("SELECT signatures, threshold, most_days, watermark FROM reprint_cluster_state")
            is { } s ? new State(s.Signatures, s.Threshold, s.MostDays, s.Watermark) : null;
        if (state is null || state.Signatures != analyser.Revision || state.Threshold != _p.Threshold || state.MostDays != _p.MostDays) return Rebuild(c, cancel);

        long articles = 0;
        const int batch = 500;
        while (state.Watermark < analyser.Watermark)
        {
            cancel.ThrowIfCancellationRequested();
            var changes = c.Query<(long Seq, long ArticleId)>($"SELECT seq, article_id FROM article_changes WHERE seq > @from AND seq <= @to ORDER BY seq LIMIT {batch}",
                new { from = state.Watermark, to = analyser.Watermark }).ToList();
            var next = changes.Count == 0 ? analyser.Watermark : changes[^1].Seq;
            using var tx = c.BeginTransaction();
            foreach (var id in changes.Select(x => x.ArticleId).Distinct()) Place(c, tx, id);
            c.Execute("UPDATE reprint_cluster_state SET watermark = @next", new { next }, tx);
            tx.Commit();
            articles += changes.Select(x => x.ArticleId).Distinct().Count();
            state = state with { Watermark = next };
        }
        return new ReprintClusteringRun(false, articles);
    }

    /// <summary>Every cluster again, from all the signatures; memory: the signatures packed (4 bytes a value) and a few arrays an article.</summary>
    public ReprintClusteringRun Rebuild(IArchive archive, CancellationToken cancel = default)
    {
        using var c = archive.Connect();
        ReprintClusterTables.Ensure(c);
        return Rebuild(c, cancel);
    }

    private ReprintClusteringRun Rebuild(DbConnection c, CancellationToken cancel)
    {
        var analyser = Analyser(c) ?? throw new InvalidOperationException("the reprints analyser has not run: 'tongsin analyse --only reprints' first");
        if (analyser.RebuildAfter is not null) throw new InvalidOperationException("the reprints analyser is half-way through a rebuild: 'tongsin analyse --only reprints' first");
        var k = _p.Hashes;
        var count = (int)c.ExecuteScalar<long>("SELECT count(*) FROM reprint_signatures");
        var ids = new long[count];
        var days = new int[count];
        var values = new uint[(long)count * k];
        var n = 0;
        using (var r = c.ExecuteReader("SELECT article_id, published, signature FROM reprint_signatures ORDER BY article_id"))
            while (r.Read() && n < count)
            {
                ids[n] = r.GetInt64(0);
                days[n] = ReprintClusterTables.Day(r.GetString(1));
                MinHashSignature.Decode(r.GetString(2), values.AsSpan(n * k, k));
                n++;
            }
        ReadOnlySpan<uint> Sig(int i) => values.AsSpan(i * k, k);

        var sets = new UnionFind(n);
        var group = new List<int>();
        long bucket = 0;
        void Close()
        {
            for (var i = 0; i < group.Count; i++)
                for (var j = i + 1; j < group.Count; j++)
                    if (sets.Find(group[i]) != sets.Find(group[j]) && Math.Abs(days[group[i]] - days[group[j]]) <= _p.MostDays && MinHashSignature.Similarity(Sig(group[i]), Sig(group[j])) >= _p.Threshold)
                        sets.Union(group[i], group[j]);
            group.Clear();
        }
        using (var r = c.ExecuteReader("SELECT bucket, article_id FROM reprint_bands ORDER BY bucket, article_id"))
        {
            var rows = 0L;
            while (r.Read())
            {
                if ((++rows & 0xFFFF) == 0) cancel.ThrowIfCancellationRequested();
                var b = r.GetInt64(0);
                var index = Array.BinarySearch(ids, 0, n, r.GetInt64(1));
                if (index < 0) continue;
                if (b != bucket || group.Count == 0) { Close(); bucket = b; }
                group.Add(index);
            }
            Close();
        }

        // Each cluster's original, then every member's similarity to it.
        var original = new Dictionary<int, int>();
        var size = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = sets.Find(i);
            size[root] = size.GetValueOrDefault(root) + 1;
            if (!original.TryGetValue(root, out var o) || (days[i], ids[i]).CompareTo((days[o], ids[o])) < 0) original[root] = i;
        }
        var rowsOut = new List<(long, long, double)>();
        for (var i = 0; i < n; i++)
        {
            var root = sets.Find(i);
            if (size[root] < 2) continue;
            var o = original[root];
            rowsOut.Add((ids[i], ids[o], i == o ? 1.0 : MinHashSignature.Similarity(Sig(i), Sig(o))));
        }
        using (var tx = c.BeginTransaction())
        {
            c.Execute("DELETE FROM reprint_clusters", transaction: tx);
            ReprintClusterTables.Insert(c, tx, rowsOut);
            c.Execute("DELETE FROM reprint_cluster_state", transaction: tx);
            c.Execute("INSERT INTO reprint_cluster_state (signatures, threshold, most_days, watermark) VALUES (@Revision, @Threshold, @MostDays, @Watermark)",
                new { analyser.Revision, _p.Threshold, _p.MostDays, analyser.Watermark }, tx);
            tx.Commit();
        }
        return new ReprintClusteringRun(true, n, size.Values.Count(s => s >= 2), rowsOut.Count);
    }

    /// <summary>
    /// Takes one changed article in: out of its cluster if it was in one (the rest of that cluster
    /// placed again, since it may have held them together), then into the clusters of the articles
    /// it now matches.
    /// </summary>
    private void Place(DbConnection c, DbTransaction tx, long article)
    {
        var was = c.QuerySingleOrDefault<long?>("SELECT original_id FROM reprint_clusters WHERE article_id = @article", new { article }, tx);
        if (was is null) { Join(c, tx, article); return; }
        var members = c.Query<long>("SELECT article_id FROM reprint_clusters WHERE original_id = @was ORDER BY article_id", new { was }, tx).ToList();
        c.Execute("DELETE FROM reprint_clusters WHERE original_id = @was", new { was }, tx);
        foreach (var member in members) Join(c, tx, member);
    }

    private sealed record Signed(long ArticleId, string Published, string Signature);

    // Joins an article to what it matches in the band index: every cluster it touches becomes one, its original the earliest.
    private void Join(DbConnection c, DbTransaction tx, long article)
    {
        var row = c.QuerySingleOrDefault<(long, string, string)?>("SELECT article_id, published, signature FROM reprint_signatures WHERE article_id = @article", new { article }, tx);
        if (row is not { } r) return;
        var self = new Signed(r.Item1, r.Item2, r.Item3);
        var candidates = c.Query<long>("""
            SELECT DISTINCT b.article_id FROM reprint_bands a JOIN reprint_bands b ON b.bucket = a.bucket
            WHERE a.article_id = @article AND b.article_id <> @article
            """, new { article }, tx).ToList();
        if (candidates.Count == 0) return;
        var signature = MinHashSignature.Decode(self.Signature);
        var signed = Signatures(c, tx, candidates);
        var day = ReprintClusterTables.Day(self.Published);
        var matches = signed.Values.Where(s => Math.Abs(ReprintClusterTables.Day(s.Published) - day) <= _p.MostDays && signature.Similarity(MinHashSignature.Decode(s.Signature)) >= _p.Threshold).Select(s => s.ArticleId).ToList();
        if (matches.Count == 0) return;

        var originals = c.Query<(long ArticleId, long OriginalId)>(
            $"SELECT article_id, original_id FROM reprint_clusters WHERE article_id IN ({ReprintClusterTables.List(matches)})", transaction: tx)
            .ToDictionary(x => x.ArticleId, x => x.OriginalId);
        var touched = matches.Select(m => originals.GetValueOrDefault(m, m)).Distinct().ToList();
        var existing = c.Query<long>($"SELECT article_id FROM reprint_clusters WHERE original_id IN ({ReprintClusterTables.List(touched)})", transaction: tx).ToHashSet();
        var members = existing.Concat(matches).Append(article).Distinct().ToList();
        signed[article] = self;
        foreach (var (id, s) in Signatures(c, tx, members.Where(m => !signed.ContainsKey(m)).ToList())) signed[id] = s;

        var first = members.MinBy(m => (ReprintClusterTables.Day(signed[m].Published), m));
        var origin = MinHashSignature.Decode(signed[first].Signature);
        (long, long, double) Row(long m) => (m, first, m == first ? 1.0 : origin.Similarity(MinHashSignature.Decode(signed[m].Signature)));
        // The common case: one cluster, its original still the earliest; only the newcomers are written.
        if (touched.Count == 1 && existing.Count > 0 && first == touched[0])
        {
            ReprintClusterTables.Insert(c, tx, members.Where(m => !existing.Contains(m)).Select(Row).ToList());
            return;
        }
        c.Execute($"DELETE FROM reprint_clusters WHERE original_id IN ({ReprintClusterTables.List(touched)})", transaction: tx);
        ReprintClusterTables.Insert(c, tx, members.Select(Row).ToList());
    }

    private static Dictionary<long, Signed> Signatures(DbConnection c, DbTransaction tx, IReadOnlyList<long> ids)
    {
        var found = new Dictionary<long, Signed>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var (id, published, signature) in c.Query<(long, string, string)>($"SELECT article_id, published, signature FROM reprint_signatures WHERE article_id IN ({ReprintClusterTables.List(chunk)})", transaction: tx))
                found[id] = new Signed(id, published, signature);
        return found;
    }

    private static AnalyserState? Analyser(DbConnection c) =>
        c.QuerySingleOrDefault<(int Revision, long Watermark, long? RebuildAfter)?>("SELECT revision, watermark, rebuild_after FROM analyser_state WHERE name = @name",
            new { name = ReprintSignatures.AnalyserName }) is { } s ? new AnalyserState(s.Revision, s.Watermark, s.RebuildAfter) : null;
}
