namespace Tongsin.Archive;

/// <summary>
/// The SQL of an article's addresses, the same on both backends (parameters named with @; days
/// compared as SQLite's ISO text and PostgreSQL's dates both order them).
/// </summary>
internal static class AddressSql
{
    /// <summary>
    /// What an insert of an address does when the article has it already: the first and last
    /// sightings widen, and an address seen again after it was found gone is back.
    /// </summary>
    public const string Upsert = """
        ON CONFLICT (url, article_id) DO UPDATE SET
            first_seen = CASE WHEN excluded.first_seen < article_addresses.first_seen THEN excluded.first_seen ELSE article_addresses.first_seen END,
            last_seen = CASE WHEN excluded.last_seen > article_addresses.last_seen THEN excluded.last_seen ELSE article_addresses.last_seen END,
            gone_on = CASE WHEN article_addresses.gone_on IS NOT NULL AND excluded.last_seen >= article_addresses.gone_on THEN excluded.gone_on
                           ELSE article_addresses.gone_on END
        """;

    /// <summary>The article was seen at @url on @seen.</summary>
    public const string See = $"""
        INSERT INTO article_addresses (url, article_id, first_seen, last_seen, gone_on) VALUES (@url, @id, @seen, @seen, NULL)
        {Upsert}
        """;

    /// <summary>The first article at @url that is not marked removed and whose address is not found gone.</summary>
    public const string FindLive = """
        SELECT a.id FROM article_addresses d JOIN articles a ON a.id = d.article_id
        WHERE d.url = @url AND d.gone_on IS NULL AND a.removed_on IS NULL
        ORDER BY a.id LIMIT 1
        """;

    public const string Gone = "UPDATE article_addresses SET gone_on = @on WHERE url = @url AND article_id = @id";

    /// <summary>Whether the article has an address it is not found gone from.</summary>
    public const string AnyLive = "SELECT count(*) FROM article_addresses WHERE article_id = @id AND gone_on IS NULL";

    /// <summary>An article's addresses, the one it was first found under first.</summary>
    public const string OfArticle = $"""
        SELECT {ArchiveRows.AddressColumns} FROM article_addresses d JOIN articles a ON a.id = d.article_id
        WHERE d.article_id = @id
        ORDER BY CASE WHEN d.url = a.url THEN 0 ELSE 1 END, d.first_seen, d.url
        """;

    /// <summary>
    /// The migration that gives every article its addresses (and finds articles by their text, and
    /// keeps the ids merged away), in a backend's own types; <paramref name="dayOf"/> gives the day
    /// of a moment column.
    /// </summary>
    public static string Migration(ColumnTypes t, Func<string, string> dayOf) => $"""
        -- Every address an article was found under: the days it was first and last seen there,
        -- and the day it was found gone from it, while it is.
        CREATE TABLE article_addresses (
            url        {t.Text} NOT NULL,
            article_id {t.Id} NOT NULL REFERENCES articles(id),
            first_seen {t.Day} NOT NULL,
            last_seen  {t.Day} NOT NULL,
            gone_on    {t.Day},
            PRIMARY KEY (url, article_id)
        ){t.KeyTableOptions};
        CREATE INDEX article_addresses_article ON article_addresses (article_id);
        INSERT INTO article_addresses (url, article_id, first_seen, last_seen, gone_on)
            SELECT a.url, a.id, coalesce(a.captured, {dayOf("a.created_at")}),
                   coalesce((SELECT max(v.captured) FROM versions v WHERE v.article_id = a.id), a.captured, {dayOf("a.updated_at")}),
                   a.removed_on
            FROM articles a WHERE a.url IS NOT NULL;
        -- A page whose text an article of its source has had is that article, whatever its address.
        CREATE INDEX versions_hash ON versions (hash);
        -- An article merged into another, which it was the same text as: its id keeps working.
        CREATE TABLE article_merges (
            merged_id  {t.Id} PRIMARY KEY,
            article_id {t.Id} NOT NULL,
            merged_at  {t.Moment} NOT NULL
        );
        """;
}
