using System.Data.Common;
using System.Globalization;
using Dapper;
using Tongsin.Archive;

namespace Tongsin.Analysis.Appearances;

/// <summary>What a grouping pass did: nothing when the groups were up to date, else how many reports it read and appearances it made.</summary>
public sealed record AppearanceGroupingRun(bool Regrouped, long Reports, long Appearances);

/// <summary>
/// Keeps the calendar's tables (<see cref="AppearanceTables"/>) made from the `appearances`
/// analyser's reports. It runs after the analysers: when the analyser has taken in changes since the
/// last pass, or has a new revision, every appearance is made again from all the reports
/// (<see cref="AppearanceGroups"/>), in one transaction. A whole pass is cheap (the reports are tens
/// of thousands of rows), and a report may join an appearance of days before, so it is not done
/// piecemeal. Nothing while the analyser has not run or is half-way through a rebuild. The SQL is the
/// same on both backends.
/// </summary>
public sealed class AppearanceGrouping
{
    /// <summary>Raised when the grouping's rules change, so that the next pass regroups.</summary>
    public const int Revision = 1;

    public static void Prepare(IArchive archive)
    {
        using var c = archive.Connect();
        AppearanceTables.Ensure(c);
    }

    public AppearanceGroupingRun? Update(IArchive archive, bool force = false, CancellationToken cancel = default)
    {
        using var c = archive.Connect();
        return Update(c, force, cancel);
    }

    public AppearanceGroupingRun? Update(DbConnection c, bool force = false, CancellationToken cancel = default)
    {
        AppearanceTables.Ensure(c);
        var analyser = c.QuerySingleOrDefault<(int Revision, long Watermark, long? RebuildAfter)?>(
            "SELECT revision, watermark, rebuild_after FROM analyser_state WHERE name = @name", new { name = AppearanceAnalyser.AnalyserName });
        if (analyser is not { RebuildAfter: null } a) return null;
        var state = c.QuerySingleOrDefault<(int AnalyserRevision, int GroupingRevision, long Watermark)?>(
            "SELECT analyser_revision, grouping_revision, watermark FROM appearance_grouping_state");
        if (!force && state == (a.Revision, Revision, a.Watermark)) return new AppearanceGroupingRun(false, 0, 0);

        var reports = Reports(c);
        cancel.ThrowIfCancellationRequested();
        var groups = AppearanceGroups.Group(reports);
        using var tx = c.BeginTransaction();
        foreach (var table in new[] { "appearances", "appearance_articles", "appearance_companions", "appearance_grouping_state" })
            c.Execute($"DELETE FROM {table}", transaction: tx);
        Write(c, tx, groups);
        c.Execute("INSERT INTO appearance_grouping_state (analyser_revision, grouping_revision, watermark) VALUES (@r, @g, @w)",
            new { r = a.Revision, g = Revision, w = a.Watermark }, tx);
        tx.Commit();
        return new AppearanceGroupingRun(true, reports.Count, groups.Count);
    }

    private static List<ArticleReport> Reports(DbConnection c)
    {
        var companions = new Dictionary<(long, int), List<Companion>>();
        using (var r = c.ExecuteReader("SELECT article_id, report, name, entity FROM appearance_report_companions ORDER BY article_id, report, position"))
            while (r.Read())
            {
                var key = (r.GetInt64(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
                var list = companions.TryGetValue(key, out var l) ? l : companions[key] = [];
                list.Add(new Companion(r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            }
        var reports = new List<ArticleReport>();
        using (var r = c.ExecuteReader("""
            SELECT p.article_id, p.report, p.person, p.event_date, p.date_basis, p.activity, p.kind, p.place, a.published
            FROM appearance_reports p JOIN articles a ON a.id = p.article_id
            """))
            while (r.Read())
            {
                var key = (r.GetInt64(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
                var appearance = new AppearanceReport(r.GetString(2), CalendarDays.Parse(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
                    companions.GetValueOrDefault(key) ?? []);
                reports.Add(new ArticleReport(key.Item1, key.Item2, StoredDay.Of(r.GetValue(8)), appearance));
            }
        return reports;
    }

    // Many rows to a statement, as the runner writes: a statement a row costs PostgreSQL a round trip each.
    private static void Write(DbConnection c, DbTransaction tx, IReadOnlyList<GroupedAppearance> groups)
    {
        Insert(c, tx, "appearances (id, person, event_date, date_basis, activity, kind, place)", groups,
            g => [g.Id, g.Appearance.Person, CalendarDays.Iso(g.Appearance.Date), g.Appearance.DateBasis, g.Appearance.Activity, g.Appearance.Kind, g.Appearance.Place]);
        Insert(c, tx, "appearance_articles (appearance_id, article_id, first)", groups.SelectMany(g => g.Articles.Select(a => (g.Id, a, g.First == a))).ToList(),
            x => [x.Id, x.a, x.Item3 ? 1 : 0]);
        Insert(c, tx, "appearance_companions (appearance_id, position, name, entity)", groups.SelectMany(g => g.Appearance.Companions.Select((p, i) => (g.Id, i, p))).ToList(),
            x => [x.Id, x.i, x.p.Name, x.p.Entity]);
    }

    private static void Insert<T>(DbConnection c, DbTransaction tx, string into, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        const int mostParameters = 64;
        if (rows.Count == 0) return;
        var width = values(rows[0]).Length;
        foreach (var chunk in rows.Chunk(Math.Max(1, mostParameters / width)))
        {
            var parameters = new DynamicParameters();
            var tuples = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = values(chunk[i]);
                for (var j = 0; j < row.Length; j++) parameters.Add($"p{i}_{j}", row[j]);
                tuples.Add("(" + string.Join(", ", Enumerable.Range(0, row.Length).Select(j => $"@p{i}_{j}")) + ")");
            }
            c.Execute($"INSERT INTO {into} VALUES {string.Join(", ", tuples)}", parameters, tx);
        }
    }
}
