using Npgsql;
using Tongsin.Search;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// An article's row in article_search: its words through the tongsin_english configuration (title
/// at weight A, a stub's teaser at B, the body at D; the title alone besides), and the Korean
/// bigrams and name keys the archive derived from the same text, stored as they are. Beside them,
/// copied from the article's row, its source, publication date and whether it is a stub, and the
/// meta tokens of the three (tongsin_search_meta; see PostgresSchema) that every index holds.
/// </summary>
internal static class PostgresSearchRow
{
    public const string Config = "tongsin_english";

    /// <summary>The title column's value from SQL expressions of the text.</summary>
    public static string Title(string title) => $"to_tsvector('{Config}', {title})";

    /// <summary>The words column's value from SQL expressions of the title, teaser and body (none null).</summary>
    public static string Words(string title, string teaser, string body) =>
        $"setweight(to_tsvector('{Config}', {title}), 'A') || setweight(to_tsvector('{Config}', {teaser}), 'B') || setweight(to_tsvector('{Config}', {body}), 'D')";

    /// <summary>The columns taken from the article's row (a), in the order <see cref="ArticleColumns"/> gives them.</summary>
    public const string RowColumns = "source_id, published, stub, meta";

    /// <summary>Those columns' values from the article's row, aliased <paramref name="a"/>.</summary>
    public static string ArticleColumns(string a) =>
        $"{a}.source_id, {a}.published, {a}.status = 'stub', tongsin_search_meta({a}.source_id, {a}.published, {a}.id)";

    /// <summary>
    /// The statement that writes the row of the article <paramref name="from"/> selects (as a, with
    /// id, source_id, published and status), its text in the parameters @title, @teaser and @body,
    /// its Korean bigrams and name keys in @ko, @kof and @names (see <see cref="Parameters"/>).
    /// </summary>
    public static string Insert(string from) => $"""
        INSERT INTO article_search (article_id, {RowColumns}, title, words, ko, kof, names)
        SELECT a.id, {ArticleColumns("a")}, {Title("@title")}, {Words("@title", "@teaser", "@body")}, @ko::tsvector, @kof::tsvector, @names::tsvector
        FROM {from}
        ON CONFLICT (article_id) DO UPDATE SET stub = excluded.stub, title = excluded.title, words = excluded.words, ko = excluded.ko, kof = excluded.kof, names = excluded.names
        """;

    /// <summary>The parameters of <see cref="Insert"/> but the article's own.</summary>
    public static (string, object?)[] Parameters(string title, string? teaser, string? body, SearchTerms terms) => [
        ("title", title), ("teaser", teaser ?? ""), ("body", body ?? ""),
        ("ko", TsText.Vector(terms.Korean)), ("kof", TsText.Vector(terms.KoreanFolded)), ("names", TsText.Vector(terms.Names)),
    ];

    // Written after the article's row, so the source, date and status are its current ones.
    private static readonly string Sql = Insert("articles a WHERE a.id = @id");

    public static void Write(Func<string, (string, object?)[], NpgsqlCommand> command, long id, string title, string? teaser, string? body, SearchTerms terms)
    {
        using var cmd = command(Sql, [("id", id), .. Parameters(title, teaser, body, terms)]);
        cmd.ExecuteNonQuery();
    }
}
