using System.Data.Common;
using System.Globalization;
using Dapper;
using Tongsin.Archive;

namespace Tongsin.Analysis.Mentions;

/// <summary>An entity with how many articles name it and how many times in all.</summary>
public sealed record EntityCount(string Entity, string Kind, string Name, long Articles, long Mentions);

/// <summary>An article that names an entity, as a listing shows it.</summary>
public sealed record MentionedArticle(long ArticleId, DateOnly Published, string Source, string Title);

/// <summary>How many articles of one month ("2024-05") name an entity.</summary>
public sealed record MonthCount(string Month, long Articles);

/// <summary>An entity one article names: its key (a gazetteer slug, or "person:..."), kind, name and how many times.</summary>
public sealed record ArticleMention(string Entity, string Kind, string Name, int Count);

/// <summary>A name found by its shape that the gazetteer lacks, with some articles that carry it, for someone to review.</summary>
public sealed record MentionCandidate(string Entity, string Kind, string Name, long Articles, long Mentions, IReadOnlyList<MentionedArticle> Examples);

/// <summary>
/// Reads the `mentions` table (<see cref="MentionAnalyser"/>): how often an entity is named and
/// when, with whom, in which articles; every entity with its counts; and the names the gazetteer
/// lacks. An entity is its slug, or for a person the gazetteer lacks its key ("person:ri-chol-ho").
/// Empty answers while the analyser has not run.
/// </summary>
public sealed class EntityMentions(IArchive archive)
{
    /// <summary>How many articles name the entity.</summary>
    public long ArticleCount(string entity)
    {
        using var c = Open();
        return c.ExecuteScalar<long>("SELECT count(*) FROM mentions WHERE entity = @entity", new { entity });
    }

    /// <summary>The name the articles give it (for a person the gazetteer lacks, as the recogniser wrote it); null when none names it.</summary>
    public string? NameOf(string entity)
    {
        using var c = Open();
        return c.ExecuteScalar<string?>("SELECT min(name) FROM mentions WHERE entity = @entity", new { entity });
    }

    /// <summary>The dates of the first and the last article that name it; null when none does.</summary>
    public (DateOnly First, DateOnly Last)? Span(string entity)
    {
        using var c = Open();
        // Two lookups at the ends of the entity's stretch of the index; min and max in one query would read all of it.
        var (first, last) = c.QuerySingle<(string?, string?)>(
            "SELECT (SELECT min(published) FROM mentions WHERE entity = @entity), (SELECT max(published) FROM mentions WHERE entity = @entity)", new { entity });
        return first is null || last is null ? null : (Date(first), Date(last));
    }

    /// <summary>The articles that name it, month by month, the months without any left out.</summary>
    public IReadOnlyList<MonthCount> PerMonth(string entity)
    {
        using var c = Open();
        // Counted by day in the index's own order (no sort), then summed by month here.
        return c.Query<(string Day, long Articles)>("SELECT published, count(*) FROM mentions WHERE entity = @entity GROUP BY published ORDER BY published", new { entity })
            .GroupBy(r => r.Day[..7])
            .Select(g => new MonthCount(g.Key, g.Sum(r => r.Articles))).ToList();
    }

    /// <summary>How many of an entity's newest articles <see cref="CoMentioned"/> reads: all of them for most entities; for the few named in more, the newest this many.</summary>
    public const int CoMentionedWithin = 5000;

    /// <summary>
    /// The entities most often named in the same articles as this one, most articles first, counted
    /// over its <see cref="CoMentionedWithin"/> newest articles: a country named in a quarter of a
    /// million articles would otherwise join millions of rows at every look at its page.
    /// </summary>
    public IReadOnlyList<EntityCount> CoMentioned(string entity, int limit = 10)
    {
        using var c = Open();
        return c.Query<(string, string, string, long, long)>($"""
            SELECT o.entity, min(o.kind), min(o.name), count(*) AS articles, sum(o.mentions)
            FROM (SELECT article_id FROM mentions WHERE entity = @entity ORDER BY published DESC, article_id DESC LIMIT {CoMentionedWithin}) m
            JOIN mentions o ON o.article_id = m.article_id AND o.entity <> @entity
            GROUP BY o.entity ORDER BY articles DESC, o.entity LIMIT {Limit(limit)}
            """, new { entity }).Select(Count).ToList();
    }

    /// <summary>The newest articles that name it, newest first.</summary>
    public IReadOnlyList<MentionedArticle> Newest(string entity, int limit = 10)
    {
        using var c = Open();
        return Articles(c, "m.entity = @entity", new { entity }, limit);
    }

    /// <summary>Every entity named at all, of one kind or of every kind, most articles first.</summary>
    public IReadOnlyList<EntityCount> All(string? kind = null)
    {
        using var c = Open();
        return c.Query<(string, string, string, long, long)>($"""
            SELECT entity, min(kind), min(name), count(*) AS articles, sum(mentions) FROM mentions
            {(kind is null ? "" : "WHERE kind = @kind")}
            GROUP BY entity ORDER BY articles DESC, entity
            """, new { kind }).Select(Count).ToList();
    }

    /// <summary>
    /// The names the recogniser found by their shape and the gazetteer lacks, named in at least
    /// <paramref name="minArticles"/> articles, most articles first, each with up to three of the newest.
    /// </summary>
    public IReadOnlyList<MentionCandidate> Candidates(int minArticles = 2, string? kind = null, int limit = 1000)
    {
        using var c = Open();
        var found = c.Query<(string, string, string, long, long)>($"""
            SELECT entity, min(kind), min(name), count(*) AS articles, sum(mentions) FROM mentions
            WHERE entity LIKE '%:%' {(kind is null ? "" : "AND kind = @kind")}
            GROUP BY entity HAVING count(*) >= @minArticles ORDER BY articles DESC, entity LIMIT {Limit(limit)}
            """, new { kind, minArticles }).Select(Count).ToList();
        return found.Select(f => new MentionCandidate(f.Entity, f.Kind, f.Name, f.Articles, f.Mentions,
            Articles(c, "m.entity = @entity", new { entity = f.Entity }, 3))).ToList();
    }

    private static IReadOnlyList<MentionedArticle> Articles(DbConnection c, string where, object parameters, int limit) =>
        c.Query<(long, string, string, string)>($"""
            SELECT m.article_id, m.published, m.source, v.title
            FROM mentions m
            JOIN articles a ON a.id = m.article_id
            JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
            WHERE {where} ORDER BY m.published DESC, m.article_id DESC LIMIT {Limit(limit)}
            """, parameters).Select(r => new MentionedArticle(r.Item1, Date(r.Item2), r.Item3, r.Item4)).ToList();

    /// <summary>The entities each of these articles names, with how often, in the order they first appear.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ArticleMention>> Of(IReadOnlyList<long> articles)
    {
        if (articles.Count == 0) return new Dictionary<long, IReadOnlyList<ArticleMention>>();
        using var c = Open();
        var ids = string.Join(',', articles.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return c.Query<(long Article, string Entity, string Kind, string Name, long Mentions)>($"""
                SELECT article_id, entity, kind, name, mentions FROM mentions WHERE article_id IN ({ids}) ORDER BY article_id, first_position
                """)
            .GroupBy(r => r.Article)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ArticleMention>)g.Select(r => new ArticleMention(r.Entity, r.Kind, r.Name, (int)r.Mentions)).ToList());
    }

    private static EntityCount Count((string Entity, string Kind, string Name, long Articles, long Mentions) r) =>
        new(r.Entity, r.Kind, r.Name, r.Articles, r.Mentions);

    private static int Limit(int limit) => limit >= 1 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "a listing holds at least one row");

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The table, and the index by entity that every read here goes through, made when missing so
    // that a read before the first run answers empty. The index holds the day and the article too,
    // so that an entity's name, span, months and newest articles are read off the index alone
    // (it replaces an earlier index by entity only).
    private DbConnection Open()
    {
        var c = archive.Connect();
        c.Execute(MentionAnalyser.Table.Create);
        c.Execute("CREATE INDEX IF NOT EXISTS mentions_entity_day ON mentions (entity, published, article_id, name)");
        c.Execute("DROP INDEX IF EXISTS mentions_entity");
        return c;
    }
}
