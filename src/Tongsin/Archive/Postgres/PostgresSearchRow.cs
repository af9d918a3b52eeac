using Npgsql;
using Tongsin.Search;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// An article's row in article_search: its words through the tongsin_english configuration (title
/// at weight A, a stub's teaser at B, the body at D; the title alone besides), and the Korean
/// bigrams and name keys the archive derived from the same text, stored as they are.
/// </summary>
internal static class PostgresSearchRow
{
    public const string Config = "tongsin_english";

    /// <summary>The title column's value from SQL expressions of the text.</summary>
    public static string Title(string title) => $"to_tsvector('{Config}', {title})";

    /// <summary>The words column's value from SQL expressions of the title, teaser and body (none null).</summary>
    public static string Words(string title, string teaser, string body) =>
        $"setweight(to_tsvector('{Config}', {title}), 'A') || setweight(to_tsvector('{Config}', {teaser}), 'B') || setweight(to_tsvector('{Config}', {body}), 'D')";

    private static readonly string Sql = $"""
        INSERT INTO article_search (article_id, title, words, ko, kof, names)
        VALUES (@id, {Title("@title")}, {Words("@title", "@teaser", "@body")}, @ko::tsvector, @kof::tsvector, @names::tsvector)
        ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, words = excluded.words, ko = excluded.ko, kof = excluded.kof, names = excluded.names
        """;

    public static void Write(Func<string, (string, object?)[], NpgsqlCommand> command, long id, string title, string? teaser, string? body, SearchTerms terms)
    {
        using var cmd = command(Sql, [
            ("id", id), ("title", title), ("teaser", teaser ?? ""), ("body", body ?? ""),
            ("ko", TsText.Vector(terms.Korean)), ("kof", TsText.Vector(terms.KoreanFolded)), ("names", TsText.Vector(terms.Names)),
        ]);
        cmd.ExecuteNonQuery();
    }
}
