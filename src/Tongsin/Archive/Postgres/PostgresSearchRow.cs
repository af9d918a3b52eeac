using Npgsql;
using NpgsqlTypes;
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

    private const string Sql = $"""
        INSERT INTO article_search (article_id, title, words, ko, kof, names)
        VALUES (@id, to_tsvector('{Config}', @title),
                setweight(to_tsvector('{Config}', @title), 'A') || setweight(to_tsvector('{Config}', @teaser), 'B') || setweight(to_tsvector('{Config}', @body), 'D'),
                @ko::tsvector, @kof::tsvector, @names::tsvector)
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

    /// <summary>The same row as one command of a batch, for copying many rows at once.</summary>
    public static NpgsqlBatchCommand BatchCommand(long id, string title, string? teaser, string? body, SearchTerms terms)
    {
        var b = new NpgsqlBatchCommand(Sql);
        b.Parameters.AddWithValue("id", id);
        b.Parameters.AddWithValue("title", title);
        b.Parameters.AddWithValue("teaser", teaser ?? "");
        b.Parameters.AddWithValue("body", body ?? "");
        b.Parameters.Add(new NpgsqlParameter("ko", NpgsqlDbType.Text) { Value = TsText.Vector(terms.Korean) });
        b.Parameters.Add(new NpgsqlParameter("kof", NpgsqlDbType.Text) { Value = TsText.Vector(terms.KoreanFolded) });
        b.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Text) { Value = TsText.Vector(terms.Names) });
        return b;
    }
}
