using System.Data.Common;
using System.Globalization;
using Dapper;
using Tongsin.Analysis.Entities;
using Tongsin.Archive;

namespace Tongsin.Analysis.Statements;

/// <summary>
/// Which statements to list. <see cref="Issuer"/> is a person or a body by any spelling the gazetteer
/// knows, its slug, or words of the office as written ("Foreign Ministry"); <see cref="Target"/> a
/// country or organisation by spelling or slug.
/// </summary>
public sealed record StatementFilter(string? Issuer = null, StatementKind? Kind = null, string? Target = null, DateOnly? From = null, DateOnly? To = null, bool? Dprk = null);

/// <summary>One statement as the tracker lists it, with the article that carries it.</summary>
public sealed record TrackedStatement(long ArticleId, DateOnly Published, StatementKind Kind, string? Issuer, string? IssuerSlug, string? Office, string? OfficeSlug,
    bool Dprk, IReadOnlyList<string> Targets, string Source, string Title);

/// <summary>How many statements of one month ("2024-05") one kind or one issuer has.</summary>
public sealed record StatementMonthCount(string Month, string Key, long Statements);

/// <summary>
/// Reads the `statements` table (<see cref="StatementAnalyser"/>): the statements with filters,
/// newest first, and their counts per month by kind and by issuer. Empty answers while the
/// analyser has not run. The same SQL on every backend.
/// </summary>
public sealed class StatementTracker(IArchive archive, Gazetteer? gazetteer = null)
{
    public const int MostListed = 5000;

    /// <summary>The statements that pass the filter, newest first.</summary>
    public IReadOnlyList<TrackedStatement> List(StatementFilter filter, int limit = 500)
    {
        if (limit is < 1 or > MostListed) throw new ArgumentOutOfRangeException(nameof(limit), $"a listing holds from 1 to {MostListed} statements");
        var (where, parameters) = Where(filter);
        using var c = Open();
        return c.Query<(long, string, string, string?, string?, string?, string?, long, string, string, string)>($"""
            SELECT s.article_id, s.published, s.kind, s.issuer, s.issuer_slug, s.office, s.office_slug, s.dprk, s.targets, s.source, v.title
            FROM statements s
            JOIN articles a ON a.id = s.article_id
            JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
            WHERE {where} ORDER BY s.published DESC, s.article_id DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """, parameters).Select(r => new TrackedStatement(r.Item1, Date(r.Item2), StatementKinds.Parse(r.Item3) ?? StatementKind.Statement, r.Item4, r.Item5, r.Item6, r.Item7,
                r.Item8 != 0, r.Item9.Length == 0 ? [] : r.Item9.Split(','), r.Item10, r.Item11)).ToList();
    }

    /// <summary>The statements that pass the filter per month and kind, the months without any left out.</summary>
    public IReadOnlyList<StatementMonthCount> PerMonthByKind(StatementFilter filter) => PerMonth(filter, "s.kind");

    /// <summary>The statements that pass the filter per month and issuer (the person's slug or name, else the office's slug or words).</summary>
    public IReadOnlyList<StatementMonthCount> PerMonthByIssuer(StatementFilter filter) =>
        PerMonth(filter, "coalesce(s.issuer_slug, s.issuer, s.office_slug, s.office, '')");

    /// <summary>The issuers with the most statements (person, else office), most first.</summary>
    public IReadOnlyList<(string Issuer, long Statements)> TopIssuers(StatementFilter filter, int limit = 20)
    {
        var (where, parameters) = Where(filter);
        using var c = Open();
        return c.Query<(string, long)>($"""
            SELECT coalesce(s.issuer, s.office, '') AS who, count(*) AS n FROM statements s WHERE {where}
            GROUP BY coalesce(s.issuer, s.office, '') ORDER BY n DESC, who LIMIT {Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture)}
            """, parameters).ToList();
    }

    private IReadOnlyList<StatementMonthCount> PerMonth(StatementFilter filter, string key)
    {
        var (where, parameters) = Where(filter);
        using var c = Open();
        return c.Query<(string, string, long)>($"""
            SELECT substr(s.published, 1, 7) AS month, {key} AS k, count(*) FROM statements s WHERE {where}
            GROUP BY substr(s.published, 1, 7), {key} ORDER BY month, k
            """, parameters).Select(r => new StatementMonthCount(r.Item1, r.Item2, r.Item3)).ToList();
    }

    // The filter as SQL over `statements s`; every value a parameter.
    private (string Where, DynamicParameters Parameters) Where(StatementFilter f)
    {
        var parts = new List<string> { "1 = 1" };
        var p = new DynamicParameters();
        if (f.Issuer is { } issuer)
        {
            var slugs = Slugs(issuer);
            var names = slugs.Select((s, i) => { p.Add($"is{i}", s); return $"@is{i}"; }).ToList();
            var bySlug = names.Count == 0 ? "" : $"s.issuer_slug IN ({string.Join(", ", names)}) OR s.office_slug IN ({string.Join(", ", names)}) OR ";
            p.Add("issuer", issuer.ToLowerInvariant());
            p.Add("office", "%" + issuer.ToLowerInvariant().Replace("%", "").Replace("_", "") + "%");
            parts.Add($"({bySlug}lower(s.issuer) = @issuer OR lower(s.office) LIKE @office)");
        }
        if (f.Kind is { } kind)
        {
            parts.Add("s.kind = @kind");
            p.Add("kind", StatementKinds.Name(kind));
        }
        if (f.Target is { } target)
        {
            var slugs = Slugs(target);
            if (slugs.Count == 0) slugs = [target.ToLowerInvariant()];
            parts.Add("(" + string.Join(" OR ", slugs.Select((s, i) => { p.Add($"t{i}", $"%,{s},%"); return $"',' || s.targets || ',' LIKE @t{i}"; })) + ")");
        }
        if (f.From is { } from) { parts.Add("s.published >= @from"); p.Add("from", Iso(from)); }
        if (f.To is { } to) { parts.Add("s.published <= @to"); p.Add("to", Iso(to)); }
        if (f.Dprk is { } dprk) { parts.Add("s.dprk = @dprk"); p.Add("dprk", dprk ? 1 : 0); }
        return (string.Join(" AND ", parts), p);
    }

    // The slugs a name or slug stands for: the gazetteer's entity of that slug, and every entity with that spelling.
    private List<string> Slugs(string text)
    {
        var slugs = new List<string>();
        if (gazetteer is null) return [text.ToLowerInvariant()];
        if (gazetteer[text] is { } bySlug) slugs.Add(bySlug.Slug);
        slugs.AddRange(gazetteer.Find(text).Select(e => e.Slug));
        return slugs.Distinct().ToList();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The table, and its index by date, made when missing so that a read before the first run answers empty.
    private DbConnection Open()
    {
        var c = archive.Connect();
        c.Execute(StatementAnalyser.Table.Create);
        c.Execute("CREATE INDEX IF NOT EXISTS statements_published ON statements (published)");
        return c;
    }
}
