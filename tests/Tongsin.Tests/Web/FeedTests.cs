using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace Tongsin.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class FeedTests(WebServerFixture server)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> Feed(string path, string mediaType)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        // XDocument.Parse rejects anything that is not well-formed XML.
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/sources/voice-of-korea-en/feed.rss", 31)]
    [InlineData("/search/feed.rss?q=looms", 26)]
    [InlineData("/search/feed.rss?q=looms&source=voice-of-korea-en&from=2025-12-20", 11)]
    public async Task RSS_is_valid_RSS_2(string path, int items)
    {
        var doc = await Feed(path, "application/rss+xml");
        var rss = doc.Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")?.Value);
        var channel = rss.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" })
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(required)?.Value), $"channel/{required}");
        Assert.True(Uri.IsWellFormedUriString(channel.Element("link")!.Value, UriKind.Absolute));
        Assert.Equal("self", channel.Element(Atom + "link")?.Attribute("rel")?.Value);
        Rfc822(channel.Element("lastBuildDate")!.Value);

        var entries = channel.Elements("item").ToList();
        Assert.Equal(items, entries.Count);
        var guids = entries.Select(i => i.Element("guid")!.Value).ToList();
        Assert.Equal(guids.Count, guids.Distinct().Count());
        var dates = new List<DateTimeOffset>();
        foreach (var item in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")?.Value));
            Assert.True(Uri.IsWellFormedUriString(item.Element("link")!.Value, UriKind.Absolute));
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            dates.Add(Rfc822(item.Element("pubDate")!.Value));
        }
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Theory]
    [InlineData("/sources/voice-of-korea-en/feed.atom", 31)]
    [InlineData("/search/feed.atom?q=looms", 26)]
    public async Task Atom_is_valid_Atom_1(string path, int entries)
    {
        var doc = await Feed(path, "application/atom+xml");
        var feed = doc.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), $"feed/{required}");
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        Assert.NotNull(feed.Elements(Atom + "link").SingleOrDefault(l => l.Attribute("rel")?.Value == "self"));
        Rfc3339(feed.Element(Atom + "updated")!.Value);

        var items = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries, items.Count);
        var ids = items.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Uri.IsWellFormedUriString(id, UriKind.Absolute)));
        foreach (var entry in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Rfc3339(entry.Element(Atom + "updated")!.Value);
            Rfc3339(entry.Element(Atom + "published")!.Value);
            Assert.Equal("alternate", entry.Element(Atom + "link")?.Attribute("rel")?.Value);
        }
    }

    [Fact]
    public async Task A_source_feed_links_back_to_its_articles()
    {
        var doc = await Feed("/sources/voice-of-korea-en/feed.atom", "application/atom+xml");
        var first = doc.Root!.Elements(Atom + "entry").First();
        Assert.Equal("Tidal power station begins trial run", first.Element(Atom + "title")!.Value);
        Assert.Equal("2026-02-14T00:00:00Z", first.Element(Atom + "published")!.Value);
        var link = new Uri(first.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal($"/articles/{server.IdOf("Tidal power station begins trial run")}", link.AbsolutePath);
        Assert.Equal("en", doc.Root.Attribute(XNamespace.Xml + "lang")?.Value);
    }

    [Theory]
    [InlineData("/search/feed.rss", HttpStatusCode.BadRequest)]
    [InlineData("/search/feed.atom?q=", HttpStatusCode.BadRequest)]
    [InlineData("/search/feed.atom?q=mill&from=soon", HttpStatusCode.BadRequest)]
    [InlineData("/search/feed.json?q=mill", HttpStatusCode.NotFound)]
    [InlineData("/sources/atlantis-en/feed.rss", HttpStatusCode.NotFound)]
    public async Task Feeds_refuse_what_they_cannot_answer(string path, HttpStatusCode status)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
    }

    private static DateTimeOffset Rfc822(string text)
    {
        Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$", text);
        return DateTimeOffset.ParseExact(text, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Rfc3339(string text)
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
