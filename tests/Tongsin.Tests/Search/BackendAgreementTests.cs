using Tongsin.Bench;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>
/// The same archive on SQLite and on PostgreSQL answers every query with the same articles and the
/// same counts; only the order of equally good matches may differ (see PostgresSearch).
/// </summary>
public sealed class BackendAgreementTests : IClassFixture<BackendAgreementTests.Archives>
{
    private readonly Archives _a;

    public BackendAgreementTests(Archives archives) => _a = archives;

    /// <summary>The judged corpus and the fixture pages, imported into one archive of each backend.</summary>
    public sealed class Archives : IDisposable
    {
        public ArchiveFixture Sqlite { get; } = new(Backend.Sqlite);
        public ArchiveFixture Postgres { get; } = new(Backend.Postgres);

        public Archives()
        {
            foreach (var f in new[] { Sqlite, Postgres })
            {
                var r = CliRunner.Run("import", "--db", f.Location, RelevanceTests.Corpus, Fixtures.Folder);
                if (r.Exit != 0) throw new InvalidOperationException($"import into {f.Backend} failed: {r.Error}");
            }
        }

        public void Dispose()
        {
            Sqlite.Dispose();
            Postgres.Dispose();
        }
    }

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        var queries = Relevance.ReadJudgments(RelevanceTests.JudgmentsFile).Select(j => j.Query).ToList();
        queries.AddRange(new[]
        {
            "the", "missile OR rocket", "korea NOT south", "korea -south", "sanction*", "(drill OR exercise) \"united states\"",
            "title:statement", "title:\"press statement\"", "title:sanct*", "source:\"Voice of Korea (EN)\" the", "-source:kcna-en meeting",
            "outlet:\"Rodong Sinmun\"", "lang:ko", "date:2024", "date:2023..", "before:2025 the", "after:2024-06-30 the",
            "김정은", "온실", "온", "노동자", "\"수산사업소에서 물고기잡이\"", "Kim Jong Un", "Kim Jong-un", "kim jongun", "\"Kim Jong Un\"",
            "Pyongyang", "Ri Son Gwon", "U.S.", "Jong-un", "self-reliance", "NEAR(delegation leaves)", "{title}: delegation",
            "korea -\"south korea\"", "(sanction* OR missile) -launch NOT test", "the -(korea OR pyongyang)",
        });
        // A query both judged and listed here is run once.
        foreach (var q in queries.Distinct(StringComparer.Ordinal)) data.Add(q);
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Both_backends_find_the_same_articles(string query)
    {
        var sqlite = Find(_a.Sqlite, query);
        var postgres = Find(_a.Postgres, query);
        Assert.Equal(sqlite.Total, postgres.Total);
        Assert.Equal(Keys(sqlite), Keys(postgres));
        Assert.Equal(sqlite.Facets!.Sources.Select(f => (f.Value, f.Count)).Order(), postgres.Facets!.Sources.Select(f => (f.Value, f.Count)).Order());
        Assert.Equal(sqlite.Facets.Years.Select(f => (f.Value, f.Count)), postgres.Facets.Years.Select(f => (f.Value, f.Count)));
        // Where SQLite's snippets show the matches, so do PostgreSQL's (which also mark a title word found in the body).
        if (sqlite.Hits.Any(h => h.Snippet.Contains(Snippets.MatchStart))) Assert.Contains(postgres.Hits, h => h.Snippet.Contains(Snippets.MatchStart));
    }

    [Theory]
    [InlineData("sanctions")]
    [InlineData("lang:ko")]
    [InlineData("missile launch")]
    public void Newest_and_oldest_orders_are_the_same(string query)
    {
        foreach (var sort in new[] { SearchSort.Newest, SearchSort.Oldest })
        {
            var sqlite = _a.Sqlite.Archive.Search(new SearchRequest(query, Limit: 1000, Sort: sort)).Hits.Select(h => (h.Title, h.Published));
            var postgres = _a.Postgres.Archive.Search(new SearchRequest(query, Limit: 1000, Sort: sort)).Hits.Select(h => (h.Title, h.Published));
            Assert.Equal(sqlite, postgres);
        }
    }

    [Fact]
    public void Korean_exactly_as_written_agrees_too()
    {
        foreach (var q in new[] { "노동자", "로동자", "리과대학", "이과대학" })
            Assert.Equal(Keys(_a.Sqlite.Archive.Search(new SearchRequest(q, Limit: 1000, FoldKorean: false))),
                Keys(_a.Postgres.Archive.Search(new SearchRequest(q, Limit: 1000, FoldKorean: false))));
    }

    private static SearchResults Find(ArchiveFixture f, string query)
    {
        try { return f.Archive.Search(new SearchRequest(query, Limit: 1000, Facets: true)); }
        catch (QueryException e) { return new SearchResults(-1, [], new SearchFacets([], [], [new Facet(e.Message, "", 0)])); }
    }

    private static List<string> Keys(SearchResults r) =>
        r.Hits.Select(h => $"{h.Title} | {h.SourceSlug} | {h.Published:yyyy-MM-dd} | {(h.IsStub ? "stub" : "complete")}").Order(StringComparer.Ordinal).ToList();
}
