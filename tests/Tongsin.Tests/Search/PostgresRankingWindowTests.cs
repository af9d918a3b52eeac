using Npgsql;
using Tongsin.Archive.Postgres;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// What only the PostgreSQL archive's search has: the window found stretch by stretch of arrivals,
/// the search row of a completed stub, and the migration that gives an existing archive's search
/// rows their tokens. What both backends share is in RankingWindowContract.
/// </summary>
public class PostgresRankingWindowTests
{
    private static PostgresArchive Postgres(ArchiveFixture f) => (PostgresArchive)f.Archive;

    // The reports of each year arrive in a stretch of ids of their own: ids 1-4, then from 8192 and
    // from 20480, stretches 0, 2 and 5 of 4,096 ids each.
    private static ArchiveFixture InStretches() => RankingWindowContract.TwelveReports(Backend.Postgres, (f, i) =>
    {
        if (i % 4 == 0 && i > 0) f.Execute($"SELECT setval(pg_get_serial_sequence('articles', 'id'), {(i == 4 ? 8191 : 20479)})");
    });

    [Fact]
    public void The_window_is_found_stretch_by_stretch_from_the_newest_arrivals_down()
    {
        using var f = InStretches();
        Postgres(f).SearchRankWindow = 3;
        // The newest stretch holds four matches: the window is that stretch.
        var all = f.Archive.Search(new SearchRequest("harvest", Limit: 2));
        Assert.Equal(12, all.Total);
        Assert.Equal(4, all.RankedAmong);
        Assert.Equal(["Farm report number 8", "Farm report number 9"], all.Hits.Select(h => h.Title));
        // The newest stretch holds none of these matches: the window reaches down to the one that does.
        var older = f.Archive.Search(new SearchRequest("harvest fields", Limit: 2));
        Assert.Equal(8, older.Total);
        Assert.Equal(4, older.RankedAmong);
        Assert.Equal(["Farm report number 4", "Farm report number 5"], older.Hits.Select(h => h.Title));
        // A window smaller than half its stretch's matches is cut at its exact bound.
        Postgres(f).SearchRankWindow = 1;
        var cut = f.Archive.Search(new SearchRequest("harvest", Limit: 1));
        Assert.Equal(12, cut.Total);
        Assert.Equal(1, cut.RankedAmong);
        Assert.Equal("Farm report number 11", Assert.Single(cut.Hits).Title);
    }

    [Fact]
    public void A_stub_completed_later_is_searched_as_a_full_article()
    {
        using var f = new ArchiveFixture(Backend.Postgres);
        // A page whose "More From" card announces the orchard report before the report itself arrives.
        f.Store(f.Page(new PageBuilder(Title: "Farm news", Published: "03/03/2022", Body: ["Work went on."],
            Cards: [("Orchard report", "Apples were picked on the hillside, the farm said.", "March 2, 2022")]).ToString()));
        var stub = Assert.Single(f.Archive.Search(new SearchRequest("hillside")).Hits);
        Assert.True(stub.IsStub);
        Assert.Equal(true, f.Scalar($"SELECT stub FROM article_search WHERE article_id = {stub.Id}"));
        f.Store(f.Page(new PageBuilder(Title: "Orchard report", Published: "02/03/2022", Body: ["Apples were picked on the hillside."], Cards: []).ToString()));
        var full = Assert.Single(f.Archive.Search(new SearchRequest("hillside")).Hits);
        Assert.Equal(stub.Id, full.Id);
        Assert.False(full.IsStub);
        Assert.Equal(false, f.Scalar($"SELECT stub FROM article_search WHERE article_id = {full.Id}"));
    }

    [Fact]
    public void An_archive_written_before_the_meta_tokens_gets_them_when_opened()
    {
        using var db = TestPostgres.CreateDatabase();
        using (var c = db.Connect())
        {
            Assert.Equal(1, PostgresSchema.Apply(c, TimeProvider.System, upTo: 1));
            using var cmd = new NpgsqlCommand("""
                INSERT INTO outlets (id, slug, name) VALUES (1, 'kcna', 'Korean Central News Agency');
                INSERT INTO sources (id, outlet_id, language, slug, label) VALUES (1, 1, 'en', 'kcna-en', 'KCNA (EN)');
                INSERT INTO articles (id, source_id, title, published, status, current_version, version_count, created_at, updated_at)
                    VALUES (1, 1, 'Orchard planted', '2019-04-02', 'complete', 1, 1, now(), now()),
                           (5000, 1, 'Orchard harvested', '2019-10-20', 'complete', 1, 1, now(), now());
                INSERT INTO versions (article_id, number, title, body, hash, recorded_at)
                    VALUES (1, 1, 'Orchard planted', 'Apple trees were planted on the hillside.', 'h1', now()),
                           (5000, 1, 'Orchard harvested', 'Apples were picked on the hillside.', 'h2', now());
                INSERT INTO article_search (article_id, title, words, ko, kof, names)
                    SELECT a.id, to_tsvector('tongsin_english', a.title), to_tsvector('tongsin_english', a.title || ' ' || v.body), '', '', ''
                    FROM articles a JOIN versions v ON v.article_id = a.id;
                """, c);
            cmd.ExecuteNonQuery();
        }
        using var archive = PostgresArchive.Open(db.Url, TimeProvider.System);
        Assert.Equal(PostgresSchema.Latest, archive.Stats().SchemaVersion);
        Assert.Equal("'b0' 'c0' 'd20190402' 'e0' 'm201904' 's1' 'y2019'", db.Scalar("SELECT meta::text FROM article_search WHERE article_id = 1"));
        Assert.Equal("'b1' 'c0' 'd20191020' 'e0' 'm201910' 's1' 'y2019'", db.Scalar("SELECT meta::text FROM article_search WHERE article_id = 5000"));
        Assert.Equal(2, archive.Search(new SearchRequest("hillside")).Total);
        Assert.Equal("Orchard harvested", Assert.Single(archive.Search(new SearchRequest("hillside date:2019-10")).Hits).Title);
        Assert.Equal(2, archive.Search(new SearchRequest("hillside source:kcna-en")).Total);
    }
}
