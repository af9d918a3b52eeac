using System.Data.Common;
using System.Globalization;
using Dapper;
using Tongsin.Archive;
using Tongsin.Model;

namespace Tongsin.Analysis;

/// <summary>What one analyser's run did.</summary>
public sealed record AnalyserRun(string Name, int Revision, bool Rebuilt, long Articles, long Rows, long Watermark);

/// <summary>How far a run has come: articles analysed so far of about how many.</summary>
public readonly record struct AnalysisProgress(string Analyser, long Done, long Total);

/// <summary>
/// Keeps every analyser's tables up to date with the archive. Each analyser has a watermark in
/// the archive (analyser_state): the last change of the archive's log it has taken in. A run reads
/// the changes after it, a batch at a time, and for the articles they touch replaces the rows of
/// the article's current version; the rows and the new watermark are committed together, so a run
/// killed half-way resumes where its last batch ended and never counts an article twice (an
/// article's rows are replaced, never added to). An analyser seen for the first time, or at a new
/// revision, is rebuilt: its tables emptied, then every complete article analysed in id order,
/// the last one done kept beside the watermark, so a rebuild resumes too. The SQL is the same on
/// every backend.
/// </summary>
public sealed class AnalyserRunner(IArchive archive, IReadOnlyList<IAnalyser> analysers, int batch = 500)
{
    public IReadOnlyList<IAnalyser> Analysers => analysers;

    /// <summary>
    /// Brings the analysers up to date (only the one named <paramref name="only"/>, when given;
    /// each rebuilt from scratch with <paramref name="rebuild"/>).
    /// </summary>
    public IReadOnlyList<AnalyserRun> Run(string? only = null, bool rebuild = false, IProgress<AnalysisProgress>? progress = null, CancellationToken cancel = default)
    {
        var chosen = only is null ? analysers : analysers.Where(a => a.Name == only).ToList();
        if (only is not null && chosen.Count == 0)
            throw new ArgumentException($"there is no analyser '{only}'; there are: {string.Join(", ", analysers.Select(a => a.Name))}");
        using var c = archive.Connect();
        return chosen.Select(a => Run(c, a, rebuild, progress, cancel)).ToList();
    }

    private sealed record State(int Revision, long Watermark, long? RebuildAfter);

    private AnalyserRun Run(DbConnection c, IAnalyser analyser, bool rebuild, IProgress<AnalysisProgress>? progress, CancellationToken cancel)
    {
        foreach (var table in analyser.Tables)
        {
            c.Execute(table.Create);
            c.Execute(table.Index);
        }
        var state = Read(c, analyser.Name);
        var rebuilt = false;
        if (state is null || state.Revision != analyser.Revision || rebuild)
        {
            using var tx = c.BeginTransaction();
            foreach (var table in analyser.Tables) c.Execute($"DELETE FROM {table.Name}", transaction: tx);
            var last = c.ExecuteScalar<long>("SELECT coalesce(max(seq), 0) FROM article_changes", transaction: tx);
            c.Execute("""
                INSERT INTO analyser_state (name, revision, watermark, rebuild_after) VALUES (@name, @revision, @last, 0)
                ON CONFLICT (name) DO UPDATE SET revision = @revision, watermark = @last, rebuild_after = 0
                """, new { name = analyser.Name, revision = analyser.Revision, last }, tx);
            tx.Commit();
            state = new State(analyser.Revision, last, 0);
            rebuilt = true;
        }

        long articles = 0, rows = 0;
        // A rebuild: every complete article, in id order.
        if (state.RebuildAfter is not null)
        {
            rebuilt = true;
            var total = c.ExecuteScalar<long>("SELECT count(*) FROM articles WHERE status = 'complete'");
            var done = c.ExecuteScalar<long>("SELECT count(*) FROM articles WHERE status = 'complete' AND id <= @after", new { after = state.RebuildAfter });
            while (state.RebuildAfter is { } after)
            {
                cancel.ThrowIfCancellationRequested();
                var ids = c.Query<long>($"SELECT id FROM articles WHERE status = 'complete' AND id > @after ORDER BY id LIMIT {batch}", new { after }).ToList();
                var next = ids.Count == 0 ? null : (long?)ids[^1];
                var written = Replace(c, analyser, ids, state, state with { RebuildAfter = next });
                if (written is null) { state = Read(c, analyser.Name)!; continue; }
                (articles, rows) = (articles + written.Value.Articles, rows + written.Value.Rows);
                done += ids.Count;
                progress?.Report(new AnalysisProgress(analyser.Name, done, total));
                state = state with { RebuildAfter = next };
            }
        }

        // What changed after the watermark.
        var pending = c.ExecuteScalar<long>("SELECT count(*) FROM article_changes WHERE seq > @watermark", new { watermark = state.Watermark });
        var seen = 0L;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var changes = c.Query<(long Seq, long ArticleId)>($"SELECT seq, article_id FROM article_changes WHERE seq > @watermark ORDER BY seq LIMIT {batch}",
                new { watermark = state.Watermark }).ToList();
            if (changes.Count == 0) break;
            var ids = changes.Select(x => x.ArticleId).Distinct().ToList();
            var next = state with { Watermark = changes[^1].Seq };
            var written = Replace(c, analyser, ids, state, next);
            if (written is null) { state = Read(c, analyser.Name)!; continue; }
            (articles, rows) = (articles + written.Value.Articles, rows + written.Value.Rows);
            seen += changes.Count;
            progress?.Report(new AnalysisProgress(analyser.Name, seen, Math.Max(pending, seen)));
            state = next;
        }
        return new AnalyserRun(analyser.Name, analyser.Revision, rebuilt, articles, rows, state.Watermark);
    }

    /// <summary>
    /// Replaces the rows of these articles and moves the state from <paramref name="from"/> to
    /// <paramref name="to"/>, in one transaction; null, with nothing written, when another run
    /// moved the state first.
    /// </summary>
    private static (long Articles, long Rows)? Replace(DbConnection c, IAnalyser analyser, IReadOnlyList<long> ids, State from, State to)
    {
        var texts = ids.Count == 0 ? [] : Texts(c, ids);
        var derived = texts.Select(t => (t.ArticleId, Rows: analyser.Analyse(t).ToList())).ToList();
        using var tx = c.BeginTransaction();
        // A write first, so that this transaction holds the state's row (PostgreSQL) or the database (SQLite) until it ends.
        c.Execute("UPDATE analyser_state SET revision = revision WHERE name = @name", new { name = analyser.Name }, tx);
        var now = c.QuerySingle<(int Revision, long Watermark, long? RebuildAfter)>(
            "SELECT revision, watermark, rebuild_after FROM analyser_state WHERE name = @name", new { name = analyser.Name }, tx);
        if (new State(now.Revision, now.Watermark, now.RebuildAfter) != from) return null;
        foreach (var table in analyser.Tables)
            if (ids.Count > 0) c.Execute($"DELETE FROM {table.Name} WHERE article_id IN ({List(ids)})", transaction: tx);
        long rows = 0;
        var byTable = derived.SelectMany(d => d.Rows.Select(r => (d.ArticleId, Row: r))).GroupBy(x => x.Row.Table);
        foreach (var table in byTable)
            foreach (var chunk in table.Chunk(Math.Max(1, MostParameters / (table.Key.Columns.Count + 1))))
                rows += c.Execute(table.Key.InsertMany(chunk.Length), Parameters(table.Key, chunk), tx);
        c.Execute("UPDATE analyser_state SET watermark = @Watermark, rebuild_after = @RebuildAfter WHERE name = @name",
            new { to.Watermark, to.RebuildAfter, name = analyser.Name }, tx);
        tx.Commit();
        return (derived.Count, rows);
    }

    // Rows go to the database several to a statement: one statement a row costs PostgreSQL a round
    // trip each. Not many: binding a parameter by name costs SQLite a search through all of the
    // statement's. Rebuilding `lengths` over the real corpora, a row a statement: SQLite 4.8 s,
    // PostgreSQL 18 s; 2,000 parameters a statement: 24 s and 8.0 s; 256: 6.8 s and 7.8 s; 64: 4.7 s and 7.4 s.
    private const int MostParameters = 64;

    // The parameters of InsertMany: each row's article_id and columns, numbered by row.
    private static DynamicParameters Parameters(DerivedTable table, (long ArticleId, DerivedRow Row)[] rows)
    {
        var parameters = new DynamicParameters();
        for (var i = 0; i < rows.Length; i++)
        {
            var (articleId, row) = rows[i];
            parameters.Add($"a{i}", articleId);
            var type = row.Values.GetType();
            for (var j = 0; j < table.Columns.Count; j++)
            {
                var property = type.GetProperty(table.Columns[j].Name)
                    ?? throw new InvalidOperationException($"a row of {table.Name} has no value for its column {table.Columns[j].Name}");
                parameters.Add($"c{j}_{i}", property.GetValue(row.Values));
            }
        }
        return parameters;
    }

    private static State? Read(DbConnection c, string name)
    {
        var row = c.QuerySingleOrDefault<(int Revision, long Watermark, long? RebuildAfter)?>(
            "SELECT revision, watermark, rebuild_after FROM analyser_state WHERE name = @name", new { name });
        return row is { } r ? new State(r.Revision, r.Watermark, r.RebuildAfter) : null;
    }

    // The current version of each complete article among these; a stub has none.
    private static List<ArticleText> Texts(DbConnection c, IReadOnlyList<long> ids)
    {
        var texts = new List<ArticleText>(ids.Count);
        using var r = c.ExecuteReader($"""
            SELECT a.id, a.current_version, s.slug, s.language, a.published, v.title, v.body, a.dateline_place, a.dateline_date, a.dateline_agency
            FROM articles a JOIN sources s ON s.id = a.source_id
            JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
            WHERE a.status = 'complete' AND a.id IN ({List(ids)})
            ORDER BY a.id
            """);
        while (r.Read())
            texts.Add(new ArticleText(r.GetInt64(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3),
                StoredDay.Of(r.GetValue(4)), r.GetString(5), ArchiveRows.SplitBody(r.GetString(6)),
                r.IsDBNull(7) ? null : new Dateline(r.GetString(7), r.IsDBNull(8) ? null : StoredDay.Of(r.GetValue(8)), r.IsDBNull(9) ? "" : r.GetString(9))));
        return texts;
    }

    // Ids written into the statement: numbers, never text from outside, and the same SQL on both
    // backends (Dapper sends a list to PostgreSQL as one array, which IN does not take).
    private static string List(IReadOnlyList<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
}
