using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Tongsin.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class ApiTests(WebServerFixture server)
{
    private async Task<JsonElement> Get(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal(expected == HttpStatusCode.OK ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Articles_page_newest_first_with_a_total_and_a_next_link()
    {
        var first = await Get("/api/articles?limit=5");
        var stats = await Get("/api/stats");
        Assert.Equal(stats.GetProperty("articles").GetInt64() + stats.GetProperty("stubs").GetInt64(), first.GetProperty("total").GetInt64());
        var articles = first.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        Assert.Equal("Tidal power station begins trial run", articles[0].GetProperty("title").GetString());
        Assert.Equal(2, articles[0].GetProperty("versions").GetInt32());
        Assert.Equal("/api/articles?limit=5&offset=5", first.GetProperty("next").GetString());

        var second = await Get(first.GetProperty("next").GetString()!);
        Assert.Empty(second.GetProperty("articles").EnumerateArray().Select(Id).Intersect(articles.Select(Id)));
    }

    [Fact]
    public async Task Articles_filter_by_source_and_dates()
    {
        var page = await Get("/api/articles?source=Voice%20of%20Korea%20(EN)&from=2026-01&to=2026-01-31&limit=100");
        var articles = page.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.Equal("voice-of-korea-en", a.GetProperty("source_slug").GetString()));
        Assert.All(articles, a => Assert.StartsWith("2026-01-", a.GetProperty("published").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var removed = articles.Single(a => a.GetProperty("title").GetString() == "Harbour cranes replaced at eastern port");
        Assert.Equal("2026-03-01", removed.GetProperty("removed").GetString());
    }

    [Theory]
    [InlineData("/api/articles?limit=0", "limit")]
    [InlineData("/api/articles?limit=101", "limit")]
    [InlineData("/api/articles?limit=ten", "limit")]
    [InlineData("/api/articles?offset=-1", "offset")]
    [InlineData("/api/articles?from=2026-13-01", "from")]
    [InlineData("/api/articles?source=atlantis", "atlantis")]
    [InlineData("/api/search", "query is empty")]
    [InlineData("/api/search?q=", "query is empty")]
    [InlineData("/api/search?q=%20%20", "query is empty")]
    [InlineData("/api/search?q=mill&limit=1000", "limit")]
    [InlineData("/api/search?q=mill&to=someday", "to")]
    [InlineData("/api/search?q=mill&sort=random", "sort")]
    [InlineData("/api/search?q=mill&q=farm", "once")]
    public async Task Malformed_queries_are_400_problems_that_say_what_is_wrong(string path, string mentioned)
    {
        var problem = await Get(path, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Bad Request", problem.GetProperty("title").GetString());
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/articles/999999")]
    [InlineData("/api/articles/x")]
    [InlineData("/api/nothing")]
    public async Task Unknown_things_are_404_problems(string path)
    {
        var problem = await Get(path, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_article_comes_with_its_versions()
    {
        var id = server.IdOf("Tidal power station begins trial run");
        var article = await Get($"/api/articles/{id}");
        Assert.Equal(id, article.GetProperty("id").GetInt64());
        Assert.Equal("Voice of Korea (EN)", article.GetProperty("source").GetString());
        Assert.Equal("2026-02-14", article.GetProperty("published").GetString());
        Assert.Equal(2, article.GetProperty("versions").GetInt32());
        var versions = article.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Contains("twelve", versions[0].GetProperty("body")[1].GetString());
        Assert.Contains("fourteen", article.GetProperty("body")[1].GetString());
    }

    [Theory]
    [InlineData("/api/articles/{0}")]
    [InlineData("/articles/{0}")]
    public async Task Articles_answer_304_to_a_matching_If_None_Match(string pathFormat)
    {
        var path = string.Format(pathFormat, server.IdOf("Tidal power station begins trial run"));
        using var first = await server.Client.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await server.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // Another version shown is another representation, with its own tag.
        using var diff = await server.Client.GetAsync(path.StartsWith("/api") ? path : path + "?diff=1..2");
        if (!path.StartsWith("/api")) Assert.NotEqual(etag, diff.Headers.ETag);
    }

    [Fact]
    public async Task Search_hits_carry_id_title_source_date_and_snippet()
    {
        var results = await Get("/api/search?q=turbines");
        Assert.Equal(1, results.GetProperty("total").GetInt64());
        // Every match was ranked: the window did not apply.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, results.GetProperty("rankedAmong").ValueKind);
        var hit = results.GetProperty("hits")[0];
        Assert.Equal(server.IdOf("Tidal power station begins trial run"), hit.GetProperty("id").GetInt64());
        Assert.Equal("Tidal power station begins trial run", hit.GetProperty("title").GetString());
        Assert.Equal("Voice of Korea (EN)", hit.GetProperty("source").GetString());
        Assert.Equal("2026-02-14", hit.GetProperty("published").GetString());
        Assert.Contains("turbines", hit.GetProperty("snippet").GetString());
        Assert.Contains("<mark>turbines</mark>", hit.GetProperty("snippet_html").GetString());
    }

    [Fact]
    public async Task Search_pages_and_filters_like_the_page()
    {
        var first = await Get("/api/search?q=looms&limit=10&sort=oldest");
        Assert.Equal(26, first.GetProperty("total").GetInt64());
        var dates = first.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("published").GetString()).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal("/api/search?q=looms&limit=10&sort=oldest&offset=10", first.GetProperty("next").GetString());
        var filtered = await Get("/api/search?q=looms&from=2025-12-20");
        Assert.All(filtered.GetProperty("hits").EnumerateArray(), h => Assert.True(string.CompareOrdinal(h.GetProperty("published").GetString(), "2025-12-20") >= 0));
        var korean = await Get("/api/search?q=looms&lang=ko");
        Assert.Equal(0, korean.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Sources_and_stats()
    {
        var sources = (await Get("/api/sources")).GetProperty("sources").EnumerateArray().ToList();
        var vok = sources.Single(s => s.GetProperty("slug").GetString() == "voice-of-korea-en");
        Assert.Equal("Voice of Korea (EN)", vok.GetProperty("label").GetString());
        Assert.Equal(29, vok.GetProperty("articles").GetInt64());
        Assert.Equal(2, vok.GetProperty("stubs").GetInt64());
        Assert.Equal("2025-12-05", vok.GetProperty("first").GetString());
        Assert.Equal("2026-02-14", vok.GetProperty("last").GetString());

        var stats = await Get("/api/stats");
        Assert.Equal(sources.Count, stats.GetProperty("sources").GetInt64());
        Assert.Equal(1, stats.GetProperty("removed").GetInt64());
        Assert.False(stats.TryGetProperty("location", out _), "the server's file paths stay private");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_API_route_and_each_answers()
    {
        var doc = await Get("/api/openapi.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/appearances", "/api/articles", "/api/articles/{id}", "/api/entities", "/api/entities/{slug}", "/api/statements", "/api/search", "/api/sources", "/api/stats", "/api/trends", "/api/rhetoric", "/api/openapi.json"], paths);
        foreach (var path in paths)
        {
            var concrete = path.Replace("{id}", "1").Replace("{slug}", "kim-jong-un") + (path is "/api/search" or "/api/trends" ? "?q=mill" : path is "/api/rhetoric" ? "?target=japan" : "");
            using var response = await server.Client.GetAsync(concrete);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static long Id(JsonElement a) => a.GetProperty("id").GetInt64();

    [Fact]
    public async Task Search_facets_count_the_matches_when_asked()
    {
        var plain = await Get("/api/search?q=looms&limit=1");
        Assert.False(plain.TryGetProperty("facets", out _));
        var faceted = await Get("/api/search?q=looms&limit=1&facets=1");
        var facets = faceted.GetProperty("facets");
        var total = faceted.GetProperty("total").GetInt64();
        Assert.Equal(plain.GetProperty("total").GetInt64(), total);
        foreach (var name in new[] { "sources", "languages", "years" })
            Assert.Equal(total, facets.GetProperty(name).EnumerateArray().Sum(f => f.GetProperty("count").GetInt64()));
        Assert.Equal("voice-of-korea-en", facets.GetProperty("sources")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Korean_folding_can_be_turned_off()
    {
        // The page writes 여러; the northern spelling 녀러 finds it only while folding is on.
        var folded = await Get("/api/search?q=" + Uri.EscapeDataString("녀러"));
        var exact = await Get("/api/search?q=" + Uri.EscapeDataString("녀러") + "&fold=0");
        Assert.Equal("농장원들 봄철 씨뿌리기 준비에 박차", folded.GetProperty("hits")[0].GetProperty("title").GetString());
        Assert.Equal(0, exact.GetProperty("total").GetInt64());
    }
}
