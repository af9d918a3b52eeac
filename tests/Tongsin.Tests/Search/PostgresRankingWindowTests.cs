using Npgsql;
using Tongsin.Archive.Postgres;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// Search on PostgreSQL answered through the indexes as on SQLite (see RankingWindowTests): filters
/// as meta tokens, the bounded relevance window for queries with many matches, found stretch by
/// stretch of arrivals, date order a year at a time, facets, and the migration that gives an
/// existing archive's search rows their tokens.
/// </summary>
public class PostgresRankingWindowTests
{
    private static PostgresArchive Postgres(ArchiveFixture f) => (PostgresArchive)f.Archive;

    // Twelve articles over three years and two sources, stored oldest first. Every one says
    // "harvest" once; the later the article, the longer it is, so ts_rank (which divides by the
    // log of the length) prefers the oldest. The articles of each year can be made to arrive in a
    // stretch of ids of their own.
    private static ArchiveFixture Archive(bool stretches = false)
    {
        var f = new ArchiveFixture(Backend.Postgres);
        for (var i = 0; i < 12; i++)
        {
            var year = 2021 + i / 4;
            var month = 1 + i % 4 * 3;
            // Ids 1-4, then from 8192 and from 20480: stretches 0, 2 and 5 of 4,096 ids each.
            if (stretches && i % 4 == 0 && i > 0) f.Execute($"SELECT setval(pg_get_serial_sequence('articles', 'id'), {(i == 4 ? 8191 : 20479)})");
            var source = i % 2 == 0 ? "Korean Central News Agency (EN)" : "Voice of Korea (EN)";
            var fields = year < 2023 ? " in the fields" : "";
            var week = string.Join(' ', Enumerable.Repeat("Work went on through the week.", i + 1));
            f.Store(f.Page(new PageBuilder(Title: $"Farm report number {i}", Source: source, Published: $"15/{month:D2}/{year}",
                Body: [$"Farmers gathered the harvest{fields} of cooperative farm {i}.", week], Cards: []).ToString()));
        }
        return f;
    }

    [Fact]
    public void Below_the_window_every_match_is_ranked()
    {
        using var f = Archive();
        var r = f.Archive.Search(new SearchRequest("harvest", Limit: 3));
        Assert.Equal(12, r.Total);
        Assert.Null(r.RankedAmong);
        Assert.Equal(["Farm report number 0", "Farm report number 1", "Farm report number 2"], r.Hits.Select(h => h.Title));
        Assert.True(r.Hits[0].Score > r.Hits[1].Score && r.Hits[1].Score > r.Hits[2].Score);
    }

    [Fact]
    public void Above_the_window_the_newest_matches_are_ranked_and_the_results_say_so_while_the_count_stays_exact()
    {
        using var f = Archive();
        Postgres(f).SearchRankWindow = 4;
        var r = f.Archive.Search(new SearchRequest("harvest", Limit: 3));
        Assert.Equal(12, r.Total);
        // About the window's size of the newest matches is ranked, and the results say how many.
        var among = Assert.IsType<long>(r.RankedAmong);
        Assert.InRange(among, 3, 8);
        // Among the newest received, the oldest of them is the shortest.
        var first = (int)(12 - among);
        Assert.Equal([$"Farm report number {first}", $"Farm report number {first + 1}", $"Farm report number {first + 2}"], r.Hits.Select(h => h.Title));

        // A date range that leaves fewer matches than the window ranks them all again.
        var narrowed = f.Archive.Search(new SearchRequest("harvest date:2021", Limit: 3));
        Assert.Equal(4, narrowed.Total);
        Assert.Null(narrowed.RankedAmong);
        Assert.Equal("Farm report number 0", narrowed.Hits[0].Title);
    }

    [Fact]
    public void The_window_is_found_stretch_by_stretch_from_the_newest_arrivals_down()
    {
        using var f = Archive(stretches: true);
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
    public void Date_order_over_many_matches_goes_a_year_at_a_time_and_pages_across_years()
    {
        using var f = Archive();
        Postgres(f).SearchRankWindow = 1; // more than four times the window: year by year
        var newest = f.Archive.Search(new SearchRequest("harvest", Limit: 6, Sort: SearchSort.Newest));
        Assert.Equal(["Farm report number 11", "Farm report number 10", "Farm report number 9", "Farm report number 8", "Farm report number 7", "Farm report number 6"],
            newest.Hits.Select(h => h.Title));
        var oldest = f.Archive.Search(new SearchRequest("harvest", Limit: 2, Offset: 3, Sort: SearchSort.Oldest));
        Assert.Equal(["Farm report number 3", "Farm report number 4"], oldest.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Source_and_date_filters_select_inside_the_index_and_agree_with_the_articles_rows()
    {
        using var f = Archive();
        Assert.Equal(6, f.Archive.Search(new SearchRequest("harvest source:voice-of-korea-en")).Total);
        Assert.Equal(2, f.Archive.Search(new SearchRequest("harvest source:voice-of-korea-en date:2022")).Total);
        Assert.Equal(6, f.Archive.Search(new SearchRequest("harvest -source:voice-of-korea-en")).Total);
        Assert.Equal(12, f.Archive.Search(new SearchRequest("harvest lang:en")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("harvest lang:ko")).Total);
        // 2021-04-15 to 2022-07-15: days, then months, then days again.
        Assert.Equal(["Farm report number 1", "Farm report number 2", "Farm report number 3", "Farm report number 4", "Farm report number 5", "Farm report number 6"],
            f.Archive.Search(new SearchRequest("harvest date:2021-04-15..2022-07-15", Limit: 20, Sort: SearchSort.Oldest)).Hits.Select(h => h.Title));
        // after: and before: leave out the day they name; a range widened to whole months leaves out the days it gained.
        Assert.Equal(4, f.Archive.Search(new SearchRequest("harvest after:2021-04-16 before:2022-07-15")).Total);
        Assert.Equal(5, f.Archive.Search(new SearchRequest("harvest after:2021-04-14 before:2022-07-15")).Total);
        Assert.Equal(11, f.Archive.Search(new SearchRequest("harvest after:2021-01-15")).Total);
        // Dates outside the archive, or ranges that cannot meet, select nothing rather than failing.
        Assert.Equal(0, f.Archive.Search(new SearchRequest("harvest after:2030-01-01")).Total);
        Assert.Equal(0, f.Archive.Search(new SearchRequest("harvest", From: new DateOnly(2022, 1, 1), To: new DateOnly(2021, 1, 1))).Total);
        Assert.Equal(12, f.Archive.Search(new SearchRequest("harvest after:1990-01-01")).Total);
    }

    [Fact]
    public void Facets_count_every_match_per_source_language_and_year()
    {
        using var f = Archive();
        Postgres(f).SearchRankWindow = 2;
        var r = f.Archive.Search(new SearchRequest("harvest after:2022-01-01", Limit: 1, Facets: true));
        Assert.Equal(8, r.Total);
        Assert.NotNull(r.RankedAmong);
        Assert.Equal([("korean-central-news-agency-en", 4L), ("voice-of-korea-en", 4L)], r.Facets!.Sources.Select(x => (x.Value, x.Count)).Order());
        Assert.Equal([("en", 8L)], r.Facets.Languages.Select(x => (x.Value, x.Count)));
        Assert.Equal([("2023", 4L), ("2022", 4L)], r.Facets.Years.Select(x => (x.Value, x.Count)));
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
        Assert.Equal(2, archive.Stats().SchemaVersion);
        Assert.Equal("'b0' 'c0' 'd20190402' 'e0' 'm201904' 's1' 'y2019'", db.Scalar("SELECT meta::text FROM article_search WHERE article_id = 1"));
        Assert.Equal("'b1' 'c0' 'd20191020' 'e0' 'm201910' 's1' 'y2019'", db.Scalar("SELECT meta::text FROM article_search WHERE article_id = 5000"));
        Assert.Equal(2, archive.Search(new SearchRequest("hillside")).Total);
        Assert.Equal("Orchard harvested", Assert.Single(archive.Search(new SearchRequest("hillside date:2019-10")).Hits).Title);
        Assert.Equal(2, archive.Search(new SearchRequest("hillside source:kcna-en")).Total);
    }
}
