using System.Net;
using System.Text.Json;
using Tongsin.Analysis;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.App.Web;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>
/// The entity pages, their API and feed, and the mentions an article carries in the API and
/// `show --json`, over an archive whose mentions the analyser has read.
/// </summary>
public sealed class EntitiesWebTests : IAsyncLifetime
{
    private readonly ArchiveFixture _f = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        (string Title, string Published, string Body)[] pages =
        [
            ("Choe Ryong Hae Inspects Farm", "04/03/2013", "Choe Ryong Hae, member of the Presidium of the Political Bureau of the WPK Central Committee, inspected a farm in South Hwanghae Province."),
            ("Meeting Held", "10/05/2013", "A meeting was held in Pyongyang. Choe Ryong Hae and Pak Pong Ju were present."),
            ("Orchard Planted", "12/05/2013", "Pak Pong Ju visited an orchard where the farmers planted apple trees."),
        ];
        foreach (var p in pages)
            _f.Store(_f.Page(new PageBuilder(Title: p.Title, Published: p.Published, Body: [p.Body], Cards: []).ToString()));
        new AnalyserRunner(_f.Archive, [new MentionAnalyser(Gazetteer.Load())]).Run();
        Uri address;
        (_app, address) = await WebServerFixture.Start(_f.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    private string Slug(string name) => Gazetteer.Load().Find(name).Single().Slug;

    [Fact]
    public async Task The_list_counts_the_articles_that_name_each_entity_and_filters_by_kind_and_name()
    {
        var html = await _client.GetStringAsync("/entities?kind=person");
        Assert.Contains($"<a href=\"/entities/{Slug("Choe Ryong Hae")}\">Choe Ryong Hae</a></td><td>person</td><td>2</td>", html);
        Assert.DoesNotContain(">WPK Central Committee<", html);
        var filtered = await _client.GetStringAsync("/entities?filter=pak");
        Assert.Contains(">Pak Pong Ju<", filtered);
        Assert.DoesNotContain(">Choe Ryong Hae<", filtered);
        using var bad = await _client.GetAsync("/entities?kind=planet");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task An_entity_page_has_its_names_roles_span_chart_companions_articles_and_feed()
    {
        var slug = Slug("Choe Ryong Hae");
        var html = await _client.GetStringAsync($"/entities/{slug}");
        Assert.Contains("<h1>Choe Ryong Hae <span class=\"korean\" lang=\"ko\">최룡해</span></h1>", html);
        Assert.Contains("<strong>2</strong> articles name Choe Ryong Hae, first on <time datetime=\"2013-03-04\">", html);
        Assert.Contains("class=\"trend-chart\"", html);
        Assert.Contains(">Pak Pong Ju</a> <span class=\"n\">1</span>", html);
        Assert.Contains(">Meeting Held</a>", html);
        Assert.Contains($"href=\"/entities/{slug}/feed.atom\"", html);
        var feed = await _client.GetStringAsync($"/entities/{slug}/feed.atom");
        Assert.Contains("<title>Meeting Held</title>", feed);
        // A spelling or the Korean name leads to the page; a name no one has is 404.
        using var korean = await _client.GetAsync("/entities/" + Uri.EscapeDataString("최룡해"));
        Assert.Equal(HttpStatusCode.Redirect, korean.StatusCode);
        Assert.Equal($"/entities/{slug}", korean.Headers.Location!.OriginalString);
        using var none = await _client.GetAsync("/entities/nobody-at-all");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task The_api_gives_the_same_and_an_article_carries_its_mentions()
    {
        var slug = Slug("Pak Pong Ju");
        using var one = JsonDocument.Parse(await _client.GetStringAsync($"/api/entities/{slug}"));
        Assert.Equal(("Pak Pong Ju", 2L, "2013-05-10", "2013-05-12"), (one.RootElement.GetProperty("name").GetString(), one.RootElement.GetProperty("articles").GetInt64(),
            one.RootElement.GetProperty("first").GetString(), one.RootElement.GetProperty("last").GetString()));
        Assert.Equal(["2013-05"], one.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()));
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/entities?kind=person"));
        Assert.Contains(list.RootElement.GetProperty("entities").EnumerateArray(), e => e.GetProperty("slug").GetString() == slug && e.GetProperty("articles").GetInt64() == 2);

        var id = _f.All().Single(h => h.Article.Title == "Meeting Held").Article.Id;
        using var article = JsonDocument.Parse(await _client.GetStringAsync($"/api/articles/{id}"));
        var mentions = article.RootElement.GetProperty("mentions").EnumerateArray().Select(m => (m.GetProperty("entity").GetString(), m.GetProperty("kind").GetString(), m.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("Choe Ryong Hae", "person", 1), ("Pak Pong Ju", "person", 1)], mentions.Where(m => m.Item2 == "person"));
        var show = CliRunner.Run("show", "--db", _f.Location, "--json", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(mentions.Count, JsonDocument.Parse(show.Out).RootElement.GetProperty("mentions").GetArrayLength());
    }

    [Fact]
    public async Task The_article_page_names_the_people_and_bodies_it_mentions_with_links_to_their_pages()
    {
        var id = _f.All().Single(h => h.Article.Title == "Choe Ryong Hae Inspects Farm").Article.Id;
        var html = await _client.GetStringAsync($"/articles/{id}");
        Assert.Contains("<h2 id=\"named-heading\">Named in this article</h2>", html);
        Assert.Contains($"<dt>People</dt><dd><a class=\"person\" href=\"/entities/{Slug("Choe Ryong Hae")}\">Choe Ryong Hae</a></dd>", html);
        Assert.Contains("<dt>organisations</dt>", html);
    }

    [Fact]
    public async Task The_search_page_counts_the_people_named_in_the_best_results_and_narrows_to_one()
    {
        var html = await _client.GetStringAsync("/search?q=farm+OR+meeting+OR+orchard");
        Assert.Contains("Named in the best 3 results", html);
        Assert.Contains($">Choe Ryong Hae</a> <span class=\"n\">2</span>", html);
        var slug = Slug("Pak Pong Ju");
        Assert.Contains($"href=\"/search?q=%28farm%20OR%20meeting%20OR%20orchard%29%20mentions%3A%22{slug}%22\">Pak Pong Ju</a> <span class=\"n\">2</span>", html);
        var narrowed = await _client.GetStringAsync($"/search?q=%28farm+OR+meeting+OR+orchard%29+mentions%3A%22{slug}%22");
        Assert.Contains("2 results", narrowed);
    }

    [Fact]
    public async Task Mentions_in_a_query_finds_the_articles_naming_the_entity_by_any_spelling()
    {
        using var api = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("mentions:\"Choe Ryong-hae\"")));
        Assert.Equal(["Choe Ryong Hae Inspects Farm", "Meeting Held"], api.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()).Order());
        using var korean = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("mentions:최룡해 farm")));
        Assert.Equal("Choe Ryong Hae Inspects Farm", Assert.Single(korean.RootElement.GetProperty("hits").EnumerateArray()).GetProperty("title").GetString());
        using var unknown = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString("mentions:\"Nobody Known\""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no entity the gazetteer knows", await unknown.Content.ReadAsStringAsync());
        var cli = CliRunner.Run("search", "--db", _f.Location, "mentions:\"Pak Pong Ju\"");
        Assert.Equal(0, cli.Exit);
        Assert.Contains("Orchard Planted", cli.Out);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _f.Dispose();
    }
}
