using System.Net;
using System.Text.Json;
using Tongsin.App.Web;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>
/// An article found under several addresses lists them on its page, in the API and in `show`; an
/// id merged into another article leads to it (301 on the web and the API; `show` follows it).
/// </summary>
public sealed class AddressesWebTests : IAsyncLifetime
{
    private const string Section = "http://www.kcna.kp/en/article/q/";
    private const long MergedId = 9999;
    private readonly ArchiveFixture _f = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;
    private long _id;

    public async Task InitializeAsync()
    {
        foreach (var (section, day) in new[] { ("top", 13), ("latest", 14), ("sports", 15) })
        {
            var page = _f.Page(new PageBuilder(Title: "Women Players Return Home", Captured: $"February {day}, 2025Feb {day}, 2025", Cards: []).ToString());
            _f.Store(page with { Article = page.Article with { Url = Section + section + ".kcmsf" } });
        }
        _id = Assert.Single(_f.All()).Article.Id;
        _f.Execute($"INSERT INTO article_merges (merged_id, article_id, merged_at) VALUES ({MergedId}, {_id}, '2025-03-01T00:00:00Z')");
        Uri address;
        (_app, address) = await WebServerFixture.Start(_f.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    [Fact]
    public async Task The_article_page_lists_every_address_with_its_sightings()
    {
        var html = await _client.GetStringAsync($"/articles/{_id}");
        Assert.Contains("published this article under 3 addresses", html);
        foreach (var section in new[] { "top", "latest", "sports" })
            Assert.Contains($"<a href=\"{Section}{section}.kcmsf\" rel=\"noreferrer noopener\">", html);
        Assert.Contains("first seen <time datetime=\"2025-02-14\">", html);
    }

    [Fact]
    public async Task The_api_gives_the_addresses_in_the_order_they_were_first_seen()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync($"/api/articles/{_id}"));
        var addresses = doc.RootElement.GetProperty("addresses").EnumerateArray().Select(d => (d.GetProperty("url").GetString(), d.GetProperty("first_seen").GetString())).ToList();
        Assert.Equal([(Section + "top.kcmsf", "2025-02-13"), (Section + "latest.kcmsf", "2025-02-14"), (Section + "sports.kcmsf", "2025-02-15")], addresses);
        Assert.Equal(Section + "top.kcmsf", doc.RootElement.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/articles/{0}", "/articles/{1}")]
    [InlineData("/articles/{0}?diff=1..2", "/articles/{1}?diff=1..2")]
    [InlineData("/api/articles/{0}", "/api/articles/{1}")]
    public async Task A_merged_id_answers_301_to_the_article_it_joined(string path, string target)
    {
        using var answer = await _client.GetAsync(string.Format(path, MergedId, _id));
        Assert.Equal(HttpStatusCode.MovedPermanently, answer.StatusCode);
        Assert.Equal(string.Format(target, MergedId, _id), answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_id_that_never_was_is_still_404()
    {
        using var answer = await _client.GetAsync("/api/articles/12345");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public void Show_follows_a_merged_id_and_its_json_carries_the_addresses()
    {
        var r = CliRunner.Run("show", "--db", _f.Location, MergedId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, r.Exit);
        Assert.Contains($"article {MergedId} was merged into article {_id}", r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(_id, doc.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("addresses").GetArrayLength());
        var text = CliRunner.Run("show", "--db", _f.Location, _id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Addresses:\n  " + Section + "top.kcmsf (first seen 2025-02-13, last seen 2025-02-13)", text.Out.ReplaceLineEndings("\n"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _f.Dispose();
    }
}
