using System.Net;
using System.Text.RegularExpressions;

namespace Tongsin.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class PageTests(WebServerFixture server)
{
    private async Task<string> Page(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {expected}, got {response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return body;
    }

    [Fact]
    public async Task Home_lists_the_latest_articles_newest_first_and_the_sources_with_counts()
    {
        var html = await Page("/");
        var tidal = html.IndexOf("Tidal power station begins trial run", StringComparison.Ordinal);
        var maritime = html.IndexOf("Spokesperson answers question on maritime patrols", StringComparison.Ordinal);
        Assert.True(tidal > 0 && maritime > tidal, "newest first");
        Assert.Contains("<a href=\"/sources/voice-of-korea-en\">Voice of Korea (EN)</a>", html);
        Assert.Contains("14 Feb 2026", html);
        Assert.Matches(@"Rodong Sinmun \(KO\)</a> <span class=""count"">1 article</span>", html);
    }

    [Fact]
    public async Task Sources_page_shows_counts_and_first_and_last_dates()
    {
        var html = await Page("/sources");
        Assert.Contains("Voice of Korea (EN)", html);
        Assert.Contains("Ministry of Foreign Affairs (EN)", html);
        // 26 generated mill pages, the tidal power story and two exported articles, plus two stubs.
        Assert.Matches(@"voice-of-korea-en"">Voice of Korea \(EN\)</a></th><td class=""num"">29</td><td class=""num"">2</td><td>5 Dec 2025</td><td>14 Feb 2026</td>", html);
    }

    [Fact]
    public async Task A_source_pages_through_its_articles_with_More_Articles()
    {
        var first = await Page("/sources/voice-of-korea-en");
        Assert.Contains("<h1>Voice of Korea (EN)</h1>", first);
        Assert.Contains("Published 5 Dec 2025 to 14 Feb 2026.", first);
        Assert.Contains("href=\"/sources/voice-of-korea-en?page=2\">More Articles</a>", first);
        Assert.Contains("Page 1 of 2", first);

        var second = await Page("/sources/voice-of-korea-en?page=2");
        Assert.Contains("Newer articles", second);
        Assert.DoesNotContain("More Articles</a>", second);
        var firstIds = Ids(first);
        var secondIds = Ids(second);
        Assert.Equal(20, firstIds.Count);
        Assert.Equal(11, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Theory]
    [InlineData("/sources/no-such-source", HttpStatusCode.NotFound)]
    [InlineData("/sources/voice-of-korea-en?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/sources/voice-of-korea-en?page=two", HttpStatusCode.BadRequest)]
    [InlineData("/articles/999999", HttpStatusCode.NotFound)]
    [InlineData("/articles/abc", HttpStatusCode.NotFound)]
    [InlineData("/articles/-1", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/search?q=turbines&from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=turbines&from=2026-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=turbines&from=2026-03&to=2026-01", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=turbines&lang=klingon", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=turbines&sort=sideways", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=turbines&source=nowhere", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=%22%22%22", HttpStatusCode.BadRequest)]
    public async Task Errors_are_friendly_pages_with_the_right_status(string path, HttpStatusCode status)
    {
        var html = await Page(path, status);
        Assert.Contains("<h1>", html);
        Assert.Contains("href=\"/search\"", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task A_bad_date_says_what_is_wrong()
    {
        var html = await Page("/search?q=turbines&from=yesterday", HttpStatusCode.BadRequest);
        Assert.Contains("From &#x27;yesterday&#x27; is not a date; write YYYY-MM-DD, YYYY-MM or YYYY.", html);
    }

    [Fact]
    public async Task An_article_reads_like_a_KCNA_Watch_page()
    {
        var id = server.IdOf("Spokesperson answers question on maritime patrols");
        var html = await Page($"/articles/{id}");
        Assert.Contains("<h1>Spokesperson answers question on maritime patrols</h1>", html);
        Assert.Contains("Date: <time datetime=\"2026-01-02\">02/01/2026</time> | Source: <a href=\"/sources/ministry-of-foreign-affairs-en\">Ministry of Foreign Affairs (EN)</a></p>", html);
        Assert.DoesNotContain("Read original version at source", html);
        Assert.Contains("<p>The spokesperson said the patrols were a matter for the countries of the region and called for restraint.</p>", html);
    }

    [Fact]
    public async Task More_From_lists_other_articles_of_the_same_source_with_teasers()
    {
        var id = server.IdOf("Tidal power station begins trial run");
        var html = await Page($"/articles/{id}");
        var more = html[html.IndexOf("More From Voice of Korea (EN)", StringComparison.Ordinal)..];
        Assert.Contains("Orchard workers prepare saplings", more);
        Assert.Contains("Workers at a county orchard have grafted thousands of apple saplings ahead of the planting …", more);
        Assert.DoesNotContain($"/articles/{id}\"", more);
        Assert.Equal(6, Regex.Matches(more, "<a class=\"title\"").Count);
    }

    [Fact]
    public async Task A_stub_says_only_its_title_and_teaser_are_known()
    {
        var html = await Page($"/articles/{server.IdOf("Skating contest held in capital")}");
        Assert.Contains("Only the title and teaser of this article are known so far", html);
        Assert.Contains("Young skaters competed on the outdoor rink by the river in a contest watched by …", html);
    }

    [Fact]
    public async Task A_removed_article_says_when_and_links_its_original()
    {
        var html = await Page($"/articles/{server.IdOf("Harbour cranes replaced at eastern port")}");
        Assert.Contains("found removed from its outlet on <time datetime=\"2026-03-01\">1 Mar 2026</time>", html);
        Assert.Contains($"<a class=\"original\" href=\"{FixtureArchive.RemovedUrl}\" rel=\"noreferrer noopener\">Read original version at source</a>", html);
    }

    [Fact]
    public async Task An_address_that_is_not_a_web_address_never_becomes_a_link()
    {
        var html = await Page($"/articles/{server.IdOf("Letter from a listener abroad")}");
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("Read original version at source", html);
    }

    [Fact]
    public async Task Versions_are_listed_and_compared_word_by_word()
    {
        var id = server.IdOf("Tidal power station begins trial run");
        var html = await Page($"/articles/{id}");
        Assert.Contains("<span class=\"vnum\">Version 1</span> captured 15 Feb 2026", html);
        Assert.Contains("<span class=\"vnum\">Version 2</span> captured 20 Feb 2026", html);
        Assert.Contains($"href=\"/articles/{id}?diff=1..2\">compare with version 2</a>", html);
        Assert.Contains("Engineers fitted fourteen turbines", html);

        var diff = await Page($"/articles/{id}?diff=1..2");
        Assert.Contains("Engineers fitted <del>twelve</del> <ins>fourteen</ins> turbines", diff);
        Assert.Contains("<ins>Its first month of operation will be watched closely by the designers.</ins>", diff);
        var backwards = await Page($"/articles/{id}?diff=2..1");
        Assert.Contains("<del>fourteen</del> <ins>twelve</ins>", backwards);
    }

    [Theory]
    [InlineData("1-2")]
    [InlineData("1..3")]
    [InlineData("2..2")]
    [InlineData("x..y")]
    public async Task A_malformed_diff_is_a_400_that_says_why(string diff)
    {
        var html = await Page($"/articles/{server.IdOf("Tidal power station begins trial run")}?diff={diff}", HttpStatusCode.BadRequest);
        Assert.Matches("diff|version", html);
    }

    [Fact]
    public async Task Search_shows_an_exact_count_highlighted_snippets_and_pages()
    {
        var html = await Page("/search?q=looms");
        Assert.Contains("<strong>26 results</strong>", html);
        Assert.Contains("<mark>looms</mark>", html);
        Assert.Contains("Page 1 of 2", html);
        Assert.Contains("href=\"/search?q=looms&amp;page=2\">Next</a>", html);
        Assert.Equal(20, Ids(html).Count);
        var second = await Page("/search?q=looms&page=2");
        Assert.Equal(6, Ids(second).Count);
        Assert.Contains("href=\"/search?q=looms\">Previous</a>", second);
    }

    [Fact]
    public async Task Search_keeps_its_filters_in_the_form_and_in_page_links()
    {
        var html = await Page("/search?q=mill&source=voice-of-korea-en&from=2025-12-01&to=2025-12-31&sort=newest");
        Assert.Contains("<option value=\"voice-of-korea-en\" selected>", html);
        Assert.Contains("name=\"from\" value=\"2025-12-01\"", html);
        Assert.Contains("<option value=\"newest\" selected>", html);
        Assert.Contains("href=\"/search?q=mill&amp;source=voice-of-korea-en&amp;from=2025-12-01&amp;to=2025-12-31&amp;sort=newest&amp;page=2\"", html);
        var dates = Regex.Matches(html, "<time datetime=\"([0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Search_filters_by_language()
    {
        var spring = Uri.EscapeDataString("봄철");
        var html = await Page($"/search?q={spring}&lang=ko");
        Assert.Contains("<strong>1 result</strong>", html);
        Assert.Contains("<mark>봄철</mark>", html);
        var none = await Page($"/search?q={spring}&lang=en");
        Assert.Contains("<strong>0 results</strong>", none);
    }

    [Fact]
    public async Task Search_without_words_shows_the_form()
    {
        var html = await Page("/search");
        Assert.Contains("<form class=\"search\"", html);
        Assert.DoesNotContain("results</strong>", html);
    }

    [Fact]
    public async Task Pages_link_only_to_their_own_stylesheet_and_script()
    {
        var html = await Page("/");
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("style=", html);
        Assert.Matches("<script src=\"/static/site.js\\?v=[^\"]+\" defer></script>", html);
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);

        foreach (var (path, type) in new[] { ("/static/site.css", "text/css"), ("/static/site.js", "text/javascript"), ("/static/icon.svg", "image/svg+xml") })
        {
            using var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/static/site.css")]
    [InlineData("/static/site.js")]
    [InlineData("/static/icon.svg")]
    public async Task Static_files_may_be_kept_for_a_year(string path)
    {
        // Pages link them with their hash in the address, so a kept copy is never stale.
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", unchanged.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Article_pages_are_checked_again_on_each_use()
    {
        using var response = await server.Client.GetAsync($"/articles/{server.IdOf("Tidal power station begins trial run")}");
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    private static List<string> Ids(string html) =>
        Regex.Matches(html, "<a class=\"title\" href=\"/articles/(\\d+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task A_search_of_several_sources_keeps_them_all_in_its_form_and_links()
    {
        const string query = "q=looms%20OR%20sowing&source=voice-of-korea-en&source=rodong-sinmun-en";
        var html = await Page("/search?" + query);
        // 26 mill articles of Voice of Korea, one Rodong Sinmun editorial: as many as the API finds.
        Assert.Contains("<strong>27 results</strong>", html);
        using (var api = System.Text.Json.JsonDocument.Parse(await server.Client.GetStringAsync("/api/search?" + query)))
            Assert.Equal(27, api.RootElement.GetProperty("total").GetInt32());

        var select = Regex.Match(html, "<select id=\"source\" name=\"source\" multiple>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, "a list of several sources");
        Assert.Equal(["rodong-sinmun-en", "voice-of-korea-en"], Regex.Matches(select.Value, "<option value=\"([^\"]+)\" selected>").Select(m => m.Groups[1].Value).Order());

        var kept = query.Replace("&", "&amp;");
        Assert.Contains($"<a rel=\"next\" class=\"next\" href=\"/search?{kept}&amp;page=2\">", html);
        Assert.Contains($"href=\"/search/feed.atom?{kept}\"", html);
        Assert.Contains($"href=\"/search/feed.rss?{kept}\"", html);

        Assert.Equal(7, Ids(await Page($"/search?{query}&page=2")).Count);
        var feed = System.Xml.Linq.XDocument.Parse(await server.Client.GetStringAsync("/search/feed.rss?" + query));
        Assert.Equal(27, feed.Descendants("item").Count());
    }

    [Fact]
    public async Task The_search_page_offers_counts_that_narrow_the_results()
    {
        var html = await server.Client.GetStringAsync("/search?q=looms");
        Assert.Contains("Narrow the results", html);
        Assert.Matches(@"<a href=""/search\?q=looms&amp;source=voice-of-korea-en"">Voice of Korea \(EN\)</a> <span class=""n"">\d+</span>", html);
        Assert.Matches(@"<a href=""/search\?q=looms&amp;from=2025-01-01&amp;to=2025-12-31"">2025</a>", html);
    }
}
