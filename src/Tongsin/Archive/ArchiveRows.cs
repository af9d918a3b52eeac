using Tongsin.Model;

namespace Tongsin.Archive;

/// <summary>
/// The columns the archive's reads select, named as the row types below name them, so that Dapper
/// reads them by name; the same on every SQL backend.
/// </summary>
internal static class ArchiveRows
{
    /// <summary>An article's columns (<see cref="ArticleRow"/>) and the tables they come from.</summary>
    public const string ArticleColumns = ArticleFields + "\n" + ArticleTables;

    /// <summary>
    /// What an export reads (<see cref="ExportRow"/>): <see cref="ArticleColumns"/>, when the current
    /// version was recorded (null for a stub), how many addresses the article has, and the sighting
    /// of the one it was first found under: an article of one address needs nothing more read.
    /// </summary>
    public const string ExportColumns = ArticleFields
        + ", v.recorded_at AS Recorded, (SELECT count(*) FROM article_addresses n WHERE n.article_id = a.id) AS AddressCount,"
        + " d.first_seen AS FirstSeen, d.last_seen AS LastSeen, d.gone_on AS GoneOn\n"
        + ArticleTables + "\nLEFT JOIN article_addresses d ON d.article_id = a.id AND d.url = a.url";

    private const string ArticleFields = """
        a.id, a.title, a.published, a.captured, a.url, a.status, a.teaser, a.version_count AS VersionCount, a.removed_on AS RemovedOn,
        v.body, v.hash, s.language, o.slug AS OutletSlug, o.name AS OutletName, o.name_ko AS OutletNameKo, o.site AS OutletSite,
        a.dateline_place AS DatelinePlace, a.dateline_date AS DatelineDate, a.dateline_agency AS DatelineAgency
        """;

    private const string ArticleTables = """
        FROM articles a
        JOIN sources s ON s.id = a.source_id
        JOIN outlets o ON o.id = s.outlet_id
        LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
        """;

    /// <summary>The columns of a version (<see cref="VersionRow"/>).</summary>
    public const string VersionColumns = "number, title, body, captured, hash, recorded_at AS RecordedAt";

    /// <summary>A source's columns (<see cref="SourceRow"/>) and the tables they come from, in the order sources are listed.</summary>
    public const string SourceColumns = """
        s.id, s.language, s.label, o.slug AS OutletSlug, o.name AS OutletName, o.name_ko AS OutletNameKo, o.site AS OutletSite
        FROM sources s JOIN outlets o ON o.id = s.outlet_id
        """;

    /// <summary>An address's columns (<see cref="AddressRow"/>), as <see cref="AddressSql.OfArticle"/> selects them.</summary>
    public const string AddressColumns = "d.url, d.first_seen AS FirstSeen, d.last_seen AS LastSeen, d.gone_on AS GoneOn";

    // Paragraphs are stored joined by newlines, as PreparedArticle.Body has them.
    public static string[] SplitBody(string body) => body.Length == 0 ? [] : body.Split('\n');
}

// Days and moments are read as the backend keeps them (SQLite as ISO text, PostgreSQL as date and
// timestamptz) and made the model's types by StoredDay and StoredMoment.

/// <summary>The outlet columns a row carries with its source.</summary>
internal abstract record OutletColumns
{
    public string OutletSlug { get; init; } = "";
    public string OutletName { get; init; } = "";
    public string? OutletNameKo { get; init; }
    public string? OutletSite { get; init; }
}

/// <summary>An article row, <see cref="ArchiveRows.ArticleColumns"/>.</summary>
internal record ArticleRow : OutletColumns
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public object Published { get; init; } = "";
    public object? Captured { get; init; }
    public string? Url { get; init; }
    public string Status { get; init; } = "";
    public string? Teaser { get; init; }
    public int VersionCount { get; init; }
    public object? RemovedOn { get; init; }
    public string? Body { get; init; }
    public string? Hash { get; init; }
    public string Language { get; init; } = "";
    public string? DatelinePlace { get; init; }
    public object? DatelineDate { get; init; }
    public string? DatelineAgency { get; init; }

    public ArticleRecord ToArticle(OutletCache outlets) => new(
        Id,
        new Source(outlets.Get(this), Language),
        Title,
        StoredDay.Of(Published),
        StoredDay.OrNull(Captured),
        Url,
        Status == "stub" ? ArticleStatus.Stub : ArticleStatus.Complete,
        Teaser,
        Body is null ? [] : ArchiveRows.SplitBody(Body),
        VersionCount,
        StoredDay.OrNull(RemovedOn),
        Hash,
        DatelinePlace is null ? null : new Dateline(DatelinePlace, StoredDay.OrNull(DatelineDate), DatelineAgency ?? ""));
}

/// <summary>An export's row, <see cref="ArchiveRows.ExportColumns"/>.</summary>
internal sealed record ExportRow : ArticleRow
{
    public object? Recorded { get; init; }
    public long AddressCount { get; init; }
    public object? FirstSeen { get; init; }
    public object? LastSeen { get; init; }
    public object? GoneOn { get; init; }
}

/// <summary>A version row, <see cref="ArchiveRows.VersionColumns"/>.</summary>
internal sealed record VersionRow
{
    public int Number { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public object? Captured { get; init; }
    public string Hash { get; init; } = "";
    public object RecordedAt { get; init; } = "";

    public ArticleVersion ToVersion() => new(Number, Title, ArchiveRows.SplitBody(Body), StoredDay.OrNull(Captured), Hash, StoredMoment.Of(RecordedAt));
}

/// <summary>An address row, <see cref="ArchiveRows.AddressColumns"/>.</summary>
internal sealed record AddressRow
{
    public string Url { get; init; } = "";
    public object FirstSeen { get; init; } = "";
    public object LastSeen { get; init; } = "";
    public object? GoneOn { get; init; }

    public ArticleAddress ToAddress() => new(Url, StoredDay.Of(FirstSeen), StoredDay.Of(LastSeen), StoredDay.OrNull(GoneOn));
}

/// <summary>A source row, <see cref="ArchiveRows.SourceColumns"/>: its id and its label as stored.</summary>
internal sealed record SourceRow : OutletColumns
{
    public long Id { get; init; }
    public string Language { get; init; } = "";
    public string Label { get; init; } = "";
}

/// <summary>One Outlet object per outlet while reading many rows.</summary>
internal sealed class OutletCache
{
    private readonly Dictionary<string, Outlet> _outlets = new(StringComparer.Ordinal);

    public Outlet Get(OutletColumns row)
    {
        if (_outlets.TryGetValue(row.OutletSlug, out var known)) return known;
        var outlet = new Outlet(row.OutletSlug, row.OutletName, row.OutletNameKo, row.OutletSite);
        _outlets[row.OutletSlug] = outlet;
        return outlet;
    }
}
