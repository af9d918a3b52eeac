using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Tongsin.App.Web;

namespace Tongsin.Tests.Web;

/// <summary>
/// Absolute addresses come from the site's base URL, never from the Host header a client sends,
/// and a request naming a host the site does not answer to is refused.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HostTests(WebServerFixture server)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    /// <summary>Every address an RSS or Atom feed holds: links, guids, ids, self and page links.</summary>
    private static List<string> Addresses(string xml)
    {
        var doc = XDocument.Parse(xml);
        var texts = doc.Descendants().Where(e => e.Name.LocalName is "link" or "guid" or "id" && !e.HasElements && e.Value.Length > 0).Select(e => e.Value);
        var hrefs = doc.Descendants().Select(e => e.Attribute("href")?.Value).OfType<string>();
        return texts.Concat(hrefs).ToList();
    }

    private async Task<(WebApplication App, HttpClient Client)> Start(WebOptions options)
    {
        var (app, address) = await WebServerFixture.Start(server.Archive, options with { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        return (app, new HttpClient { BaseAddress = address });
    }

    [Theory]
    [InlineData("/sources/voice-of-korea-en/feed.rss")]
    [InlineData("/sources/voice-of-korea-en/feed.atom")]
    [InlineData("/search/feed.rss?q=looms")]
    [InlineData("/search/feed.atom?q=looms")]
    public async Task Feeds_link_to_the_base_URL_whatever_Host_says(string path)
    {
        var (app, client) = await Start(new WebOptions { BaseUrl = new Uri("https://tongsin.example.org"), AllowedHosts = ["*"] });
        await using (app)
        using (client)
        {
            using var response = await Get(client, path, "evil.example");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", xml);
            var addresses = Addresses(xml);
            Assert.True(addresses.Count > 20, $"{addresses.Count} addresses");
            Assert.All(addresses, a => Assert.StartsWith("https://tongsin.example.org/", a));
            Assert.Contains("https://tongsin.example.org" + path.Replace("&", "&amp;").Split('?')[0], xml);
        }
    }

    [Fact]
    public async Task Without_a_base_URL_feeds_link_to_the_first_listen_address()
    {
        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        using var response = await Get(server.Client, "/sources/voice-of-korea-en/feed.atom", $"localhost:{server.BaseAddress.Port}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("localhost", xml);
        Assert.All(Addresses(xml), a => Assert.StartsWith(origin + "/", a));
        var first = XDocument.Parse(xml).Root!.Element(Atom + "entry")!.Element(Atom + "id")!.Value;
        Assert.Equal($"{origin}/articles/{server.IdOf("Tidal power station begins trial run")}", first);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/sources/voice-of-korea-en/feed.rss", "text/html")]
    [InlineData("/api/stats", "application/problem+json")]
    public async Task A_host_the_site_does_not_answer_to_is_refused(string path, string mediaType)
    {
        using var response = await Get(server.Client, path, "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("does not answer to the host name", body);
        Assert.Contains("evil.example", body);
        Assert.Contains(server.BaseAddress.GetLeftPart(UriPartial.Authority), body);
        Assert.Equal(WebServer.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        if (mediaType == "application/problem+json")
            Assert.Equal(400, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("tongsin.example.org", HttpStatusCode.OK)]
    [InlineData("TONGSIN.example.org:443", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("[::1]", HttpStatusCode.OK)]
    [InlineData("www.tongsin.example.org", HttpStatusCode.BadRequest)]
    [InlineData("tongsin.example.org.evil.example", HttpStatusCode.BadRequest)]
    [InlineData("10.0.0.1", HttpStatusCode.BadRequest)]
    public async Task By_default_the_site_answers_to_its_base_URL_and_loopback(string host, HttpStatusCode status)
    {
        var (app, client) = await Start(new WebOptions { BaseUrl = new Uri("https://tongsin.example.org") });
        await using (app)
        using (client)
        using (var response = await Get(client, "/api/stats", host))
            Assert.Equal(status, response.StatusCode);
    }

    [Theory]
    [InlineData("news.example.org", HttpStatusCode.OK)]
    [InlineData("a.mirror.example.net", HttpStatusCode.OK)]
    [InlineData("mirror.example.net", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    public async Task Allowed_hosts_replace_the_default(string host, HttpStatusCode status)
    {
        var (app, client) = await Start(new WebOptions { BaseUrl = new Uri("https://news.example.org"), AllowedHosts = ["news.example.org", "*.mirror.example.net"] });
        await using (app)
        using (client)
        using (var response = await Get(client, "/", host))
            Assert.Equal(status, response.StatusCode);
    }
}
