using Microsoft.Data.Sqlite;
using Tongsin.Archive.Sqlite;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// What only the SQLite archive's search has: its ranking function against FTS5's own bm25, the
/// row lengths it reads from the index, dates as meta tokens, and the migration that adds the tokens
/// to an existing archive. What both backends share is in RankingWindowContract.
/// </summary>
public class SqliteRankingWindowTests
{
    // The ranking function and the meta tokens are the SQLite archive's own.
    private static SqliteArchive Sqlite(ArchiveFixture f) => (SqliteArchive)f.Archive;

    [Theory]
    [InlineData("harvest")]
    [InlineData("harvest fields")]
    [InlineData("\"cooperative farm\" OR week -report")]
    [InlineData("harvest source:voice-of-korea-en date:2022")]
    public void The_ranking_function_scores_as_fts5_bm25_given_the_same_document_frequencies(string query)
    {
        using var f = RankingWindowContract.TwelveReports(Backend.Sqlite);
        f.Store(f.Page(new PageBuilder(Title: "Harvest in the fields", Published: "02/03/2022", Body: ["A harvest, a harvest and the fields of a farm; a long week."], Cards: []).ToString()));
        using var c = Sqlite(f).OpenConnection();
        Fts5Bm25.Register(c);
        var parsed = QueryParser.Parse(query);
        var text = Fts5Query.From(parsed.Text!, foldKorean: true);
        var scope = SqliteScope.Resolve(c, new SearchRequest(query), parsed.Filters, f.Outlets).Match(c)!;
        var match = scope.Length == 0 ? text.Expression : $"({text.Expression}) AND {scope}";
        long Count(string m)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM article_fts WHERE article_fts MATCH $m";
            cmd.Parameters.AddWithValue("$m", m);
            return (long)cmd.ExecuteScalar()!;
        }
        var frequencies = new DocumentFrequencies().Of(c, text, alone: scope.Length == 0, Count(match), 13);
        using var both = c.CreateCommand();
        both.CommandText = $"SELECT bm25(article_fts, 10.0, 3.0, 1.0, 1.0, 1.0, 2.0, 0.0), {Fts5Bm25.Name}(article_fts{string.Concat(frequencies.Select(df => ", " + df))}) FROM article_fts WHERE article_fts MATCH $m";
        both.Parameters.AddWithValue("$m", match);
        // The lengths come from memory, as a search takes them, and agree with the index's own.
        using var ranking = Fts5Bm25.Begin(c, new DocumentLengths().Current(c));
        using var r = both.ExecuteReader();
        var rows = 0;
        while (r.Read())
        {
            rows++;
            // Meta phrases weigh nothing, so their frequency is not counted; every other one is exact.
            Assert.Equal(r.GetDouble(0), r.GetDouble(1), 9);
        }
        Assert.True(rows > 0);
        Assert.Equal(rows, ranking.Scored);
    }

    [Theory]
    [InlineData("harvest", 4)]
    [InlineData("harvest", 1)]
    [InlineData("\"cooperative farm\" OR week", 2)]
    [InlineData("harvest source:voice-of-korea-en", 1)]
    public void A_count_split_in_two_halves_finds_what_one_count_finds(string query, int window)
    {
        using var f = RankingWindowContract.TwelveReports(Backend.Sqlite);
        var archive = Sqlite(f);
        archive.SearchCachesCounts = false;
        archive.SearchRankWindow = window;
        var request = new SearchRequest(query, Limit: 3);
        archive.SearchSplitCount = (long.MaxValue, int.MaxValue);
        var whole = archive.Search(request);
        // Every query split: the older half counted on a second connection while the newer half is ranked.
        archive.SearchSplitCount = (0, 0);
        var split = archive.Search(request);
        Assert.True(whole.Total > 0);
        Assert.Equal(whole.Total, split.Total);
        Assert.Equal(whole.RankedAmong, split.RankedAmong);
        Assert.Equal(whole.Hits.Select(h => h.Id), split.Hits.Select(h => h.Id));
        Assert.Equal(whole.Total, archive.Search(request with { Sort = SearchSort.Newest }).Total);
    }

    [Fact]
    public void Row_lengths_are_read_from_the_index_and_topped_up_when_it_changes()
    {
        using var f = new ArchiveFixture();
        f.Store(f.Page(new PageBuilder(Title: "One two three", Body: ["four five six seven"], Cards: []).ToString()));
        using var c = Sqlite(f).OpenConnection();
        var lengths = new DocumentLengths();
        // Three title words, four body words and the four meta tokens (source, year, month, day).
        Assert.Equal(11, lengths.Current(c)[1]);
        var words = string.Join(' ', Enumerable.Range(0, 300).Select(i => "word" + i));
        f.Store(f.Page(new PageBuilder(Title: "Another long one", Published: "13/02/2025", Body: [words], Cards: []).ToString()));
        var now = lengths.Current(c);
        Assert.Equal(11, now[1]);
        Assert.Equal(3 + 300 + 4, now[2]);
    }

    [Fact]
    public void Date_ranges_become_whole_years_then_months_then_days()
    {
        Assert.Equal("""({meta} : "y2021" OR {meta} : "y2022")""", IndexMeta.Dates(new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31)));
        var months = string.Concat(Enumerable.Range(2, 11).Select(m => $" OR {{meta}} : \"m2021{m:D2}\""));
        Assert.Equal($$"""({meta} : "d20210130" OR {meta} : "d20210131"{{months}} OR {meta} : "y2022" OR {meta} : "m202301" OR {meta} : "d20230201")""",
            IndexMeta.Dates(new DateOnly(2021, 1, 30), new DateOnly(2023, 2, 1)));
        Assert.Equal("""({meta} : "d20240229")""", IndexMeta.Dates(new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29)));
        // after:2015-01-01 to the end of 2017: three years, less one day, rather than 43 tokens.
        Assert.Equal("""(({meta} : "y2015" OR {meta} : "y2016" OR {meta} : "y2017") NOT ({meta} : "d20150101"))""",
            IndexMeta.Dates(new DateOnly(2015, 1, 2), new DateOnly(2017, 12, 31)));
    }

    [Fact]
    public void An_archive_written_before_the_meta_tokens_gets_them_when_opened()
    {
        using var t = new TempFolder();
        var path = t.File("old.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            SqliteSearchTerms.Register(c);
            Assert.Equal(4, SqliteSchema.Apply(c, TimeProvider.System, upTo: 4));
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO outlets (id, slug, name) VALUES (1, 'kcna', 'Korean Central News Agency');
                INSERT INTO sources (id, outlet_id, language, slug, label) VALUES (1, 1, 'en', 'kcna-en', 'KCNA (EN)');
                INSERT INTO articles (id, source_id, title, published, status, current_version, version_count, created_at, updated_at)
                    VALUES (1, 1, 'Orchard planted', '2019-04-02', 'complete', 1, 1, 'x', 'x'),
                           (2, 1, 'Orchard harvested', '2019-10-20', 'complete', 1, 1, 'x', 'x');
                INSERT INTO versions (article_id, number, title, body, hash, recorded_at)
                    VALUES (1, 1, 'Orchard planted', 'Apple trees were planted on the hillside.', 'h1', 'x'),
                           (2, 1, 'Orchard harvested', 'Apples were picked on the hillside.', 'h2', 'x');
                INSERT INTO article_fts (article_fts) VALUES ('rebuild');
                """;
            cmd.ExecuteNonQuery();
        }
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        Assert.Equal(SqliteSchema.Latest, archive.Stats().SchemaVersion);
        Assert.Equal(2, archive.Search(new SearchRequest("hillside")).Total);
        Assert.Equal("Orchard harvested", Assert.Single(archive.Search(new SearchRequest("hillside date:2019-10")).Hits).Title);
        Assert.Equal(2, archive.Search(new SearchRequest("hillside source:kcna-en")).Total);
    }
}
