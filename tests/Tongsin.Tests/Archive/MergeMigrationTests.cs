using Microsoft.Data.Sqlite;
using Npgsql;
using Tongsin.Archive;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Sqlite;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>
/// An archive written when every address was an article of its own: opened by this Tongsin, the
/// articles of one source that have had the same text become one, losing no address, version,
/// capture date, removal or event, and the ids merged away lead to the one that stayed.
/// </summary>
public abstract class MergeMigrationContract
{
    // Article 1 and 2: one text at two addresses, 2 captured earlier. Article 3: an earlier wording,
    // then the same text, at a third address, removed. Article 4: another text. Article 5: the same
    // text in another source. Times are the backend's own (see Moment).
    protected static string Rows(Func<string, string> moment) => $"""
        INSERT INTO outlets (id, slug, name) VALUES (1, 'kcna', 'Korean Central News Agency'), (2, 'rodong', 'Rodong Sinmun');
        INSERT INTO sources (id, outlet_id, language, slug, label) VALUES (1, 1, 'en', 'kcna-en', 'KCNA (EN)'), (2, 2, 'en', 'rodong-en', 'Rodong Sinmun (EN)');
        INSERT INTO articles (id, source_id, title, published, captured, url, status, current_version, version_count, removed_on, created_at, updated_at)
            VALUES (1, 1, 'Players return home', '2023-10-09', '2023-10-10', 'u/top', 'complete', 1, 1, NULL, {moment("2023-10-10")}, {moment("2023-10-10")}),
                   (2, 1, 'Players return home', '2023-10-09', '2023-10-09', 'u/latest', 'complete', 1, 1, NULL, {moment("2023-10-11")}, {moment("2023-10-11")}),
                   (3, 1, 'Players return home', '2023-10-09', '2023-10-09', 'u/sports', 'complete', 2, 2, '2023-11-01', {moment("2023-10-12")}, {moment("2023-10-12")}),
                   (4, 1, 'Harvest gathered', '2023-10-09', '2023-10-10', 'u/harvest', 'complete', 1, 1, NULL, {moment("2023-10-12")}, {moment("2023-10-12")}),
                   (5, 2, 'Players return home', '2023-10-09', '2023-10-10', 'r/players', 'complete', 1, 1, NULL, {moment("2023-10-12")}, {moment("2023-10-12")});
        INSERT INTO versions (article_id, number, title, body, hash, captured, recorded_at)
            VALUES (1, 1, 'Players return home', 'The players were welcomed at the airport.', 'same', '2023-10-10', {moment("2023-10-10")}),
                   (2, 1, 'Players return home', 'The players were welcomed at the airport.', 'same', '2023-10-09', {moment("2023-10-11")}),
                   (3, 1, 'Players return home', 'The players were received at the airport.', 'earlier', '2023-10-09', {moment("2023-10-12")}),
                   (3, 2, 'Players return home', 'The players were welcomed at the airport.', 'same', '2023-10-09', {moment("2023-10-12")}),
                   (4, 1, 'Harvest gathered', 'Farmers gathered the harvest.', 'harvest', '2023-10-10', {moment("2023-10-12")}),
                   (5, 1, 'Players return home', 'The players were welcomed at the airport.', 'same', '2023-10-10', {moment("2023-10-12")});
        INSERT INTO article_keys (source_id, published, title_key, article_id)
            VALUES (1, '2023-10-09', 'players return home', 1), (1, '2023-10-09', 'players return home', 2), (1, '2023-10-09', 'players return home', 3),
                   (1, '2023-10-09', 'harvest gathered', 4), (2, '2023-10-09', 'players return home', 5);
        INSERT INTO article_events (article_id, kind, on_date, recorded_at) VALUES (3, 'removed', '2023-11-01', {moment("2023-11-01")});
        """;

    /// <summary>An archive at the schema before addresses, holding <see cref="Rows"/>, opened by this Tongsin.</summary>
    protected abstract IArchive OldArchive();

    [Fact]
    public void Articles_of_one_text_are_merged_keeping_every_address_version_capture_and_removal()
    {
        using var archive = OldArchive();
        var all = archive.Export(new ArticleFilter()).OrderBy(h => h.Article.Id).ToList();
        Assert.Equal([1L, 4, 5], all.Select(h => h.Article.Id));

        var merged = all[0];
        Assert.Equal("u/top", merged.Article.Url);
        Assert.Equal(new DateOnly(2023, 10, 9), merged.Article.Captured);
        Assert.Null(merged.Article.RemovedOn);
        Assert.Equal(["u/top", "u/latest", "u/sports"], merged.Addresses.Select(d => d.Url));
        Assert.Equal(new DateOnly(2023, 11, 1), merged.Addresses[2].GoneOn);
        var versions = archive.Versions(1);
        Assert.Equal([("same", new DateOnly(2023, 10, 9)), ("earlier", new DateOnly(2023, 10, 9))], versions.Select(v => (v.Hash, v.Captured!.Value)));
        Assert.Equal("The players were welcomed at the airport.", Assert.Single(merged.Article.Paragraphs));

        Assert.Equal(1, archive.MergedInto(2));
        Assert.Equal(1, archive.MergedInto(3));
        Assert.Null(archive.MergedInto(4));

        // Search finds each text once in its source, the other source's copy beside it.
        Assert.Equal([1L, 5], archive.Search(new SearchRequest("welcomed airport", Sort: SearchSort.Oldest)).Hits.Select(h => h.Id).Order());
        // The earlier wording is a version, not the text shown: it is not searched.
        Assert.Equal(0, archive.Search(new SearchRequest("received airport")).Total);
        Assert.Equal(3, archive.Stats().Articles);
        // The archive's count per source and day, every trend's denominator, counts what stayed.
        Assert.Equal([("kcna-en", 2L), ("rodong-en", 1L)], archive.Tally(new SearchRequest(""), TallyInterval.Day).Select(t => (t.Source, t.Count)));
    }

    /// <summary>The query for the names of the indexes the backend keeps on a table.</summary>
    protected abstract string IndexesOf(string table);

    [Fact]
    public void The_index_the_merge_makes_to_move_title_keys_is_gone_after_it()
    {
        using var archive = OldArchive();
        using var c = archive.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = IndexesOf("article_keys");
        using (var names = cmd.ExecuteReader())
            while (names.Read()) Assert.NotEqual("article_keys_merging", names.GetString(0));
        // The keys of the articles merged away are the kept article's: one key a title and day.
        cmd.CommandText = "SELECT article_id, title_key FROM article_keys ORDER BY article_id, title_key";
        using var r = cmd.ExecuteReader();
        var keys = new List<(long, string)>();
        while (r.Read()) keys.Add((r.GetInt64(0), r.GetString(1)));
        Assert.Equal([(1L, "players return home"), (4L, "harvest gathered"), (5L, "players return home")], keys);
    }

    [Fact]
    public void The_change_log_names_both_sides_of_every_merge()
    {
        using var archive = OldArchive();
        using var c = archive.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT article_id, kind FROM article_changes ORDER BY seq";
        using var r = cmd.ExecuteReader();
        var log = new List<(long, string)>();
        while (r.Read()) log.Add((r.GetInt64(0), r.GetString(1)));
        Assert.Equal([(2L, "merged"), (1L, "merged"), (3L, "merged"), (1L, "merged")], log);
    }
}

public sealed class SqliteMergeMigrationTests : MergeMigrationContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IArchive OldArchive()
    {
        var path = _folder.File("old.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            SqliteSearchTerms.Register(c);
            Assert.Equal(6, SqliteSchema.Apply(c, TimeProvider.System, upTo: 6));
            using var cmd = c.CreateCommand();
            cmd.CommandText = Rows(day => $"'{day}T08:00:00Z'") + "INSERT INTO article_fts (article_fts) VALUES ('rebuild');";
            cmd.ExecuteNonQuery();
        }
        return SqliteArchive.Open(path, TimeProvider.System);
    }

    protected override string IndexesOf(string table) => $"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}'";

    [Fact]
    public void The_full_text_index_holds_what_the_articles_hold_after_the_merge()
    {
        using var archive = OldArchive();
        archive.Dispose();
        using var c = new SqliteConnection($"Data Source={_folder.File("old.db")};Pooling=False");
        c.Open();
        SqliteSearchTerms.Register(c);
        using var check = c.CreateCommand();
        check.CommandText = "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)";
        check.ExecuteNonQuery();
    }

    public void Dispose() => _folder.Dispose();
}

public sealed class PostgresMergeMigrationTests : MergeMigrationContract, IDisposable
{
    private readonly TestDatabase _db = TestPostgres.CreateDatabase();

    protected override IArchive OldArchive()
    {
        using (var c = _db.Connect())
        {
            Assert.Equal(3, PostgresSchema.Apply(c, TimeProvider.System, upTo: 3));
            using var cmd = new NpgsqlCommand(Rows(day => $"'{day} 08:00:00+00'") + """
                INSERT INTO article_search (article_id, source_id, published, stub, meta, title, words, ko, kof, names)
                    SELECT a.id, a.source_id, a.published, false, tongsin_search_meta(a.source_id, a.published, a.id),
                           to_tsvector('tongsin_english', a.title), to_tsvector('tongsin_english', a.title || ' ' || v.body), '', '', ''
                    FROM articles a JOIN versions v ON v.article_id = a.id AND v.number = a.current_version;
                """, c);
            cmd.ExecuteNonQuery();
        }
        return PostgresArchive.Open(_db.Url, TimeProvider.System);
    }

    protected override string IndexesOf(string table) => $"SELECT indexname FROM pg_indexes WHERE tablename = '{table}' AND schemaname = current_schema()";

    public void Dispose() => _db.Dispose();
}
