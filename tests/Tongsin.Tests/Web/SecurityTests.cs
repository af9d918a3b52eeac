using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Tongsin.App.Web;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>Outlet text stays text everywhere, every response carries the security headers, errors reveal nothing.</summary>
[Collection(WebCollection.Name)]
public sealed class SecurityTests(WebServerFixture server)
{
    private const string Escaped = "Editorial &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; on &quot;spring&quot; &amp; sowing";

    private long ScriptId => server.IdOf(FixtureArchive.ScriptTitle);

    [Fact]
    public async Task A_script_title_is_text_on_the_article_page()
    {
        var html = await server.Client.GetStringAsync($"/articles/{ScriptId}");
        Assert.Contains($"<h1>{Escaped}</h1>", html);
        Assert.Contains($"<title>{Escaped} · Tongsin</title>", html);
        Assert.Contains("The paper says &lt;b&gt;every&lt;/b&gt; farm", html);
        Assert.Contains("holds &lt;img src=x onerror=alert(1)&gt; as plain words, and an ampersand &amp; too.", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sources/rodong-sinmun-en")]
    [InlineData("/search?q=editorial")]
    public async Task A_script_title_is_text_in_lists_and_search(string path)
    {
        var html = await server.Client.GetStringAsync(path);
        Assert.Contains(Escaped, html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task A_script_in_the_query_is_text_in_the_search_page()
    {
        // Searchable: the words are shown back, escaped.
        var html = await server.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(2)</script>"));
        Assert.DoesNotContain("<script>alert(2)", html);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html);

        // Malformed (an unclosed quote): a 400 page that still shows the query only as text.
        var response = await server.Client.GetAsync("/search?q=" + Uri.EscapeDataString("\"><script>alert(3)</script>"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(3)", page);
        Assert.Contains("never closed", page);
    }

    [Theory]
    [InlineData("/sources/rodong-sinmun-en/feed.rss", "item", "title")]
    [InlineData("/sources/rodong-sinmun-en/feed.atom", "entry", "title")]
    [InlineData("/search/feed.rss?q=editorial", "item", "title")]
    [InlineData("/search/feed.atom?q=editorial", "entry", "title")]
    public async Task A_script_title_is_text_in_feeds(string path, string entry, string title)
    {
        var xml = await server.Client.GetStringAsync(path);
        Assert.DoesNotContain("<script>", xml);
        var doc = XDocument.Parse(xml);
        var titles = doc.Descendants().Where(e => e.Name.LocalName == entry).Select(e => e.Elements().First(x => x.Name.LocalName == title).Value);
        Assert.Contains(FixtureArchive.ScriptTitle, titles);
    }

    [Theory]
    [InlineData("/sources/rodong-sinmun-en/feed.rss", "The paper says <b>every</b> farm must ready its seed beds before the thaw.")]
    [InlineData("/search/feed.rss?q=onerror", "<img src=x onerror=alert(1)>")]
    public async Task Markup_in_an_RSS_description_stays_text_in_a_reader(string path, string text)
    {
        var xml = await server.Client.GetStringAsync(path);
        var item = XDocument.Parse(xml).Descendants("item").Single(i => i.Element("title")!.Value == FixtureArchive.ScriptTitle);
        // A reader reads the XML, then shows the description as HTML: what it gets must be escaped HTML.
        var description = item.Element("description")!.Value;
        Assert.DoesNotContain("<", description);
        Assert.DoesNotContain(">", description);
        Assert.Contains(text, System.Net.WebUtility.HtmlDecode(description));
        // On the wire: escaped as HTML, then as XML.
        Assert.Contains(text.Replace("<", "&amp;lt;").Replace(">", "&amp;gt;"), xml);
    }

    [Fact]
    public async Task Markup_in_a_search_is_text_in_its_RSS_channel_description()
    {
        var xml = await server.Client.GetStringAsync("/search/feed.rss?q=" + Uri.EscapeDataString("<b>sowing</b>"));
        var channel = XDocument.Parse(xml).Root!.Element("channel")!;
        Assert.DoesNotContain("<b>", channel.Element("description")!.Value);
        Assert.Contains("<b>sowing</b>", System.Net.WebUtility.HtmlDecode(channel.Element("description")!.Value));
        // The title is plain text: the reader shows the characters as they are.
        Assert.Contains("<b>sowing</b>", channel.Element("title")!.Value);
        Assert.Contains("&#x3C;b&#x3E;sowing&#x3C;/b&#x3E;", xml);
    }

    [Fact]
    public async Task Atom_says_its_titles_and_summaries_are_text()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var doc = XDocument.Parse(await server.Client.GetStringAsync("/sources/rodong-sinmun-en/feed.atom"));
        var entry = doc.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == FixtureArchive.ScriptTitle);
        // RFC 4287: a title without a type is text, like a summary of type "text".
        Assert.Null(entry.Element(atom + "title")!.Attribute("type"));
        Assert.Equal("text", entry.Element(atom + "summary")!.Attribute("type")?.Value);
        Assert.Equal("The paper says <b>every</b> farm must ready its seed beds before the thaw.", entry.Element(atom + "summary")!.Value);
    }

    [Theory]
    [InlineData("/api/articles/{0}")]
    [InlineData("/api/articles?source=rodong-sinmun-en")]
    [InlineData("/api/search?q=editorial")]
    public async Task A_script_title_is_a_plain_string_in_JSON(string pathFormat)
    {
        var json = await server.Client.GetStringAsync(string.Format(pathFormat, ScriptId));
        Assert.DoesNotContain("<script>", json);
        Assert.Contains("\\u003Cscript\\u003E", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(FixtureArchive.ScriptTitle, Strings(doc.RootElement));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sources")]
    [InlineData("/sources/voice-of-korea-en")]
    [InlineData("/articles/1")]
    [InlineData("/search?q=mill")]
    [InlineData("/api/stats")]
    [InlineData("/api/search?q=")]
    [InlineData("/sources/voice-of-korea-en/feed.rss")]
    [InlineData("/static/site.css")]
    [InlineData("/nothing-here")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(WebServer.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("default-src 'self'", WebServer.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", WebServer.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/api/articles/1")]
    [InlineData("DELETE", "/api/articles/1")]
    public async Task Nothing_can_be_written(string method, string path)
    {
        using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        using var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/sources"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_overlong_query_is_refused()
    {
        using var response = await server.Client.GetAsync("/api/search?q=" + new string('a', 600));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the most is 500", await response.Content.ReadAsStringAsync());

        using var huge = await server.Client.GetAsync("/search?q=" + new string('a', 20_000));
        Assert.True(huge.StatusCode is HttpStatusCode.RequestUriTooLong or HttpStatusCode.BadRequest, huge.StatusCode.ToString());
    }

    [Theory]
    [InlineData("/search?q=", "text/html")]
    [InlineData("/api/search?q=", "application/problem+json")]
    public async Task An_overlong_request_line_gets_414_that_says_so_with_the_security_headers(string path, string mediaType)
    {
        using var response = await server.Client.GetAsync(path + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"The request line is 10,\d{3} bytes long; this server reads at most 8,192 bytes\.", body);
        SecurityHeaders(response);
    }

    [Fact]
    public async Task Overlarge_headers_get_431_that_says_so_with_the_security_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sources");
        request.Headers.Add("Cookie", "crumbs=" + new string('c', 40_000));
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"header fields come to 40,\d{3} bytes; this server reads at most 32,768 bytes", await response.Content.ReadAsStringAsync());
        SecurityHeaders(response);
    }

    [Fact]
    public async Task Too_many_header_fields_get_431_that_says_so_with_the_security_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        for (var i = 0; i < 150; i++) request.Headers.Add($"X-Field-{i}", "1");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"The request has 15\d header fields; this server reads at most 100\.", await response.Content.ReadAsStringAsync());
        SecurityHeaders(response);
    }

    [Fact]
    public async Task A_request_within_the_limits_is_answered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats?pad=" + new string('p', 7_000));
        request.Headers.Add("Cookie", "crumbs=" + new string('c', 30_000));
        for (var i = 0; i < 80; i++) request.Headers.Add($"X-Field-{i}", "1");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void SecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(WebServer.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_large_request_body_is_refused()
    {
        // A client of its own: the server closes a connection whose large body it will not read.
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        // When the machine is busy the server may answer and close before the client has sent the
        // body: the upload then breaks off, which is a refusal too.
        HttpResponseMessage response;
        try { response = await client.PostAsync("/api/search?q=x", new ByteArrayContent(new byte[1024 * 1024])); }
        catch (HttpRequestException e) when (e.InnerException is IOException) { return; }
        using (response)
            Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

/// <summary>Its own server, because the limit counts every request from the address.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_Retry_After()
    {
        var folder = Directory.CreateTempSubdirectory("tongsin-rate-").FullName;
        using var archive = FixtureArchive.Build(Path.Combine(folder, "archive.db"));
        var (app, address) = await WebServerFixture.Start(archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 3, Window = TimeSpan.FromMinutes(5) });
        try
        {
            using var client = new HttpClient { BaseAddress = address };
            for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stats")).StatusCode);
            using var refused = await client.GetAsync("/api/stats");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            using var page = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
            Assert.Contains("Too many requests", await page.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.DisposeAsync();
            archive.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Retry_After_is_the_time_left_in_the_window()
    {
        var folder = Directory.CreateTempSubdirectory("tongsin-rate-").FullName;
        using var archive = FixtureArchive.Build(Path.Combine(folder, "archive.db"));
        var clock = new ShiftedClock();
        var (app, address) = await WebServerFixture.Start(archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 2, Window = TimeSpan.FromMinutes(5) }, clock);
        try
        {
            using var client = new HttpClient { BaseAddress = address };
            for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stats")).StatusCode);

            // 100 of the window's 300 seconds gone: 200 are left (less the moments the requests took).
            clock.Shift = TimeSpan.FromSeconds(100);
            using (var refused = await client.GetAsync("/api/stats"))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 198, 200);
                Assert.Contains("Try again in", await refused.Content.ReadAsStringAsync());
            }

            clock.Shift = TimeSpan.FromSeconds(290);
            using (var late = await client.GetAsync("/"))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, late.StatusCode);
                Assert.InRange(late.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 8, 10);
                Assert.Equal("nosniff", late.Headers.GetValues("X-Content-Type-Options").Single());
            }

            // The window over, the address may ask again.
            clock.Shift = TimeSpan.FromSeconds(301);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stats")).StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
            archive.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
