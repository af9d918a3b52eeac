using System.Data.Common;
using Tongsin.Model;

namespace Tongsin.Archive;

/// <summary>
/// Reads the archive's rows into the model, the same on every SQL backend but for dates and times:
/// SQLite keeps them as ISO text, PostgreSQL as date and timestamptz, and each backend reads its own.
/// </summary>
internal abstract class ArchiveRows
{
    /// <summary>An article's columns and the tables they come from, in the order <see cref="Article"/> reads them.</summary>
    public const string ArticleColumns = ArticleFields + "\n" + ArticleTables;

    /// <summary>
    /// What an export reads: <see cref="ArticleColumns"/>, then when the current version was recorded
    /// (column <see cref="ExportRecordedColumn"/>, null for a stub).
    /// </summary>
    public const string ExportColumns = ArticleFields
        + ", v.recorded_at, (SELECT count(*) FROM article_addresses n WHERE n.article_id = a.id), d.first_seen, d.last_seen, d.gone_on\n"
        + ArticleTables + "\nLEFT JOIN article_addresses d ON d.article_id = a.id AND d.url = a.url";

    public const int ExportRecordedColumn = 19;

    /// <summary>
    /// How many addresses the article has (column 20), then the sighting of the one it was first
    /// found under: an article of one address needs nothing more read.
    /// </summary>
    public const int ExportAddressColumn = 20;

    private const string ArticleFields = """
        a.id, a.title, a.published, a.captured, a.url, a.status, a.teaser, a.version_count, a.removed_on,
        v.body, v.hash, s.language, o.slug, o.name, o.name_ko, o.site, a.dateline_place, a.dateline_date, a.dateline_agency
        """;

    private const string ArticleTables = """
        FROM articles a
        JOIN sources s ON s.id = a.source_id
        JOIN outlets o ON o.id = s.outlet_id
        LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
        """;

    /// <summary>The columns of a version, in the order <see cref="Version"/> reads them.</summary>
    public const string VersionColumns = "number, title, body, captured, hash, recorded_at";

    /// <summary>A date column that is never null.</summary>
    public abstract DateOnly Day(DbDataReader r, int i);

    /// <summary>A moment, in a column that is never null.</summary>
    public abstract DateTimeOffset Time(DbDataReader r, int i);

    public DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : Day(r, i);

    public ArticleRecord Article(DbDataReader r, OutletCache outlets)
    {
        var isStub = r.GetString(5) == "stub";
        return new ArticleRecord(
            r.GetInt64(0),
            new Source(outlets.Get(r, 12), r.GetString(11)),
            r.GetString(1),
            Day(r, 2),
            Date(r, 3),
            r.IsDBNull(4) ? null : r.GetString(4),
            isStub ? ArticleStatus.Stub : ArticleStatus.Complete,
            r.IsDBNull(6) ? null : r.GetString(6),
            r.IsDBNull(9) ? [] : SplitBody(r.GetString(9)),
            r.GetInt32(7),
            Date(r, 8),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.IsDBNull(16) ? null : new Dateline(r.GetString(16), Date(r, 17), r.IsDBNull(18) ? "" : r.GetString(18)));
    }

    public ArticleVersion Version(DbDataReader r) =>
        new(r.GetInt32(0), r.GetString(1), SplitBody(r.GetString(2)), Date(r, 3), r.GetString(4), Time(r, 5));

    // Paragraphs are stored joined by newlines, as PreparedArticle.Body has them.
    public static string[] SplitBody(string body) => body.Length == 0 ? [] : body.Split('\n');
}

/// <summary>One Outlet object per outlet while reading many rows.</summary>
internal class OutletCache
{
    private readonly Dictionary<string, Outlet> _outlets = new(StringComparer.Ordinal);

    /// <summary>Reads slug, name, Korean name and site from four columns starting at <paramref name="first"/>.</summary>
    public Outlet Get(DbDataReader r, int first)
    {
        var slug = r.GetString(first);
        if (_outlets.TryGetValue(slug, out var known)) return known;
        var outlet = new Outlet(slug, r.GetString(first + 1), r.IsDBNull(first + 2) ? null : r.GetString(first + 2), r.IsDBNull(first + 3) ? null : r.GetString(first + 3));
        _outlets[slug] = outlet;
        return outlet;
    }
}
