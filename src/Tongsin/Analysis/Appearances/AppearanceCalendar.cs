using System.Data;
using System.Data.Common;
using Dapper;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// Reads the leader's calendar (the tables <see cref="AppearanceGrouping"/> keeps): appearances in a
/// period, counts by kind per month or year, companions ranked, the gaps between appearances, and
/// the appearances a person was named in. Persons are gazetteer slugs; a null person means every
/// followed person. The SQL is the same on both backends: days are ISO text, compared as text.
/// </summary>
public sealed class AppearanceCalendar(IArchive archive)
{
    /// <summary>The appearances from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first.</summary>
    public IReadOnlyList<CalendarAppearance> Appearances(string? person = null, DateOnly? from = null, DateOnly? to = null)
    {
        using var c = Open();
        var (where, args) = Where(person, from, to);
        return Read(c, $"SELECT id, person, event_date, date_basis, activity, kind, place FROM appearances a {where} ORDER BY event_date, id", args);
    }

    /// <summary>The appearances in which <paramref name="companion"/> (a slug, else a name as written) was named beside <paramref name="person"/>.</summary>
    public IReadOnlyList<CalendarAppearance> With(string companion, string? person = null, DateOnly? from = null, DateOnly? to = null)
    {
        using var c = Open();
        var (where, args) = Where(person, from, to);
        args.Add("companion", companion);
        var clause = (where.Length == 0 ? "WHERE " : where + " AND ") + "EXISTS (SELECT 1 FROM appearance_companions m WHERE m.appearance_id = a.id AND (m.entity = @companion OR m.name = @companion))";
        return Read(c, $"SELECT id, person, event_date, date_basis, activity, kind, place FROM appearances a {clause} ORDER BY event_date, id", args);
    }

    /// <summary>Appearances per period and kind, periods in order; a kind without any in a period is left out.</summary>
    public IReadOnlyList<KindCount> Counts(string? person = null, CalendarPeriod by = CalendarPeriod.Year, DateOnly? from = null, DateOnly? to = null)
    {
        using var c = Open();
        var (where, args) = Where(person, from, to);
        var length = by == CalendarPeriod.Year ? 4 : 7;
        return c.Query<(string Period, string Kind, long Count)>(
                $"SELECT substr(event_date, 1, {length}) AS period, kind, count(*) FROM appearances a {where} GROUP BY substr(event_date, 1, {length}), kind ORDER BY 1, 2", args)
            .Select(r => new KindCount(r.Period, r.Kind, r.Count)).ToList();
    }

    /// <summary>The companions named most often in the period, the most first (then by name).</summary>
    public IReadOnlyList<CompanionCount> Companions(string? person = null, DateOnly? from = null, DateOnly? to = null, int limit = 50)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "at least one companion");
        using var c = Open();
        var (where, args) = Where(person, from, to);
        args.Add("limit", limit);
        return c.Query<(string Name, string? Entity, long Count, string First, string Last)>($"""
                SELECT min(m.name), m.entity, count(DISTINCT a.id), min(a.event_date), max(a.event_date)
                FROM appearance_companions m JOIN appearances a ON a.id = m.appearance_id {where}
                GROUP BY m.entity, CASE WHEN m.entity IS NULL THEN m.name ELSE '' END
                ORDER BY 3 DESC, 1 LIMIT @limit
                """, args)
            .Select(r => new CompanionCount(r.Name, r.Entity, r.Count, CalendarDays.Parse(r.First), CalendarDays.Parse(r.Last))).ToList();
    }

    /// <summary>
    /// The longest stretches without a reported appearance of <paramref name="person"/>, longest first,
    /// and the current one (from the last appearance to <paramref name="asOf"/>, by default the
    /// archive's latest publication day), which is among them when long enough.
    /// </summary>
    public (IReadOnlyList<CalendarGap> Longest, CalendarGap? Current) Gaps(string person, int limit = 10, DateOnly? asOf = null)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "at least one gap");
        using var c = Open();
        var days = c.Query<string>("SELECT DISTINCT event_date FROM appearances WHERE person = @person ORDER BY event_date", new { person })
            .Select(CalendarDays.Parse).ToList();
        if (days.Count == 0) return ([], null);
        var end = asOf ?? (c.ExecuteScalar<object?>("SELECT max(published) FROM articles") is { } latest and not DBNull ? StoredDay.Of(latest) : days[^1]);
        var gaps = days.Zip(days.Skip(1), (a, b) => new CalendarGap(a, b, b.DayNumber - a.DayNumber - 1, false)).ToList();
        var current = end > days[^1] ? new CalendarGap(days[^1], end, end.DayNumber - days[^1].DayNumber, true) : null;
        if (current is not null) gaps.Add(current);
        var longest = gaps.Where(g => g.Days > 0).OrderByDescending(g => g.Days).ThenBy(g => g.After).Take(limit).ToList();
        // A stretch in which the archive itself holds few articles says more about the archive than about
        // the person: the archive's articles per day, from the tally every trend divides by, summed up to each day.
        var perDayCounts = archive.Tally(new SearchRequest(""), TallyInterval.Day)
            .GroupBy(t => t.Bucket.DayNumber).Select(g => (Day: g.Key, Count: g.Sum(t => t.Count))).OrderBy(d => d.Day).ToList();
        var upTo = new long[perDayCounts.Count + 1];
        for (var i = 0; i < perDayCounts.Count; i++) upTo[i + 1] = upTo[i] + perDayCounts[i].Count;
        var dayNumbers = perDayCounts.ConvertAll(d => d.Day);
        // The articles published on days up to and including this one.
        long Through(int day)
        {
            var at = dayNumbers.BinarySearch(day);
            return upTo[at >= 0 ? at + 1 : ~at];
        }
        var all = upTo[^1];
        var perDay = dayNumbers.Count > 0 ? all / (double)(dayNumbers[^1] - dayNumbers[0] + 1) : 0;
        CalendarGap Counted(CalendarGap g)
        {
            var until = g.Current ? g.Until : g.Until.AddDays(-1);
            var articles = until <= g.After ? 0 : Through(until.DayNumber) - Through(g.After.DayNumber);
            return g with { Articles = articles, ArchiveThin = articles < ThinShare * perDay * Math.Max(g.Days, 1) };
        }
        return (longest.Select(Counted).ToList(), current is null ? null : Counted(current));
    }

    /// <summary>A stretch is thin in the archive when it holds fewer articles a day than this share of the archive's mean.</summary>
    public const double ThinShare = 0.1;

    private DbConnection Open()
    {
        var c = archive.Connect();
        AppearanceTables.Ensure(c);
        return c;
    }

    private static (string Where, DynamicParameters Args) Where(string? person, DateOnly? from, DateOnly? to)
    {
        var clauses = new List<string>();
        var args = new DynamicParameters();
        if (person is not null) { clauses.Add("a.person = @person"); args.Add("person", person); }
        if (from is { } f) { clauses.Add("a.event_date >= @from"); args.Add("from", CalendarDays.Iso(f)); }
        if (to is { } t) { clauses.Add("a.event_date <= @to"); args.Add("to", CalendarDays.Iso(t)); }
        return (clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), args);
    }

    private static List<CalendarAppearance> Read(DbConnection c, string sql, DynamicParameters args)
    {
        var rows = c.Query<(long Id, string Person, string Date, string Basis, string Activity, string Kind, string Place)>(sql, args).ToList();
        if (rows.Count == 0) return [];
        var ids = string.Join(',', rows.Select(r => r.Id));
        var companions = c.Query<(long Id, string Name, string? Entity)>($"SELECT appearance_id, name, entity FROM appearance_companions WHERE appearance_id IN ({ids}) ORDER BY appearance_id, position")
            .ToLookup(r => r.Id, r => new Companion(r.Name, r.Entity));
        var articles = c.Query<(long Id, long Article)>($"SELECT appearance_id, article_id FROM appearance_articles WHERE appearance_id IN ({ids}) ORDER BY appearance_id, first DESC, article_id")
            .ToLookup(r => r.Id, r => r.Article);
        return rows.Select(r => new CalendarAppearance(r.Id, r.Person, CalendarDays.Parse(r.Date), r.Basis, r.Activity, r.Kind, r.Place,
            companions[r.Id].ToList(), articles[r.Id].ToList())).ToList();
    }
}
