using System.Net;
using System.Text.Json;
using Tongsin.Analysis;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.App.Web;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>The calendar page and /api/appearances over reports the appearances analyser has read and grouped.</summary>
public sealed class AppearancesWebTests : IAsyncLifetime
{
    private readonly ArchiveFixture _f = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        (string Title, string Published, string Body)[] pages =
        [
            ("Kim Jong Un Inspects Machine Factory", "06/05/2013",
                "Pyongyang, May 6 (KCNA) -- Kim Jong Un inspected the Ryongsong Machine Complex on May 5. He was accompanied by Choe Ryong Hae and Pak Pong Ju."),
            ("Kim Jong Un Watches Art Performance", "20/06/2013",
                "Pyongyang, June 20 (KCNA) -- Kim Jong Un watched a performance given by the Moranbong Band on June 19. He was accompanied by Choe Ryong Hae."),
            ("Kim Jong Un Sends Message to Guinean President", "21/06/2013",
                "Pyongyang, June 21 (KCNA) -- Kim Jong Un sent a message of greetings to the President of Guinea."),
        ];
        foreach (var p in pages)
            _f.Store(_f.Page(new PageBuilder(Title: p.Title, Published: p.Published, Body: [p.Body], Cards: []).ToString()));
        new AnalyserRunner(_f.Archive, [new AppearanceAnalyser(Gazetteer.Load())]).Run();
        new AppearanceGrouping().Update(_f.Archive);
        Uri address;
        (_app, address) = await WebServerFixture.Start(_f.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        _client = new HttpClient { BaseAddress = address };
    }

    [Fact]
    public async Task The_api_gives_each_appearance_with_its_date_kind_companions_and_articles()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/appearances?person=Kim+Jong+Un&from=2013-01-01&to=2013-12-31"));
        var all = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["2013-05-05", "2013-06-19"], all.Select(a => a.GetProperty("date").GetString()));
        var first = all[0];
        Assert.Equal(("stated", "economic"), (first.GetProperty("date_basis").GetString(), first.GetProperty("kind").GetString()));
        Assert.Equal(["Choe Ryong Hae", "Pak Pong Ju"], first.GetProperty("companions").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Single(first.GetProperty("articles").EnumerateArray());
        using var bad = await _client.GetAsync("/api/appearances?person=Nobody");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_page_counts_charts_ranks_companions_and_lists_the_timeline()
    {
        var html = await _client.GetStringAsync("/appearances?person=kim-jong-un");
        Assert.Contains("<strong>2</strong> reported public appearances", html);
        Assert.Contains("class=\"trend-chart\"", html);
        Assert.Contains(">Choe Ryong Hae</a> <span class=\"n\">2</span>", html);
        Assert.Contains("<span class=\"kind\">social and cultural</span>", html);
        Assert.DoesNotContain("Guinea", html);
    }

    [Fact]
    public async Task A_companion_narrows_the_api_to_the_appearances_that_name_him_in_any_spelling()
    {
        async Task<List<string?>> Days(string query)
        {
            using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/appearances?person=kim-jong-un&with=" + query));
            return doc.RootElement.EnumerateArray().Select(a => a.GetProperty("date").GetString()).ToList();
        }
        Assert.Equal(["2013-05-05"], await Days("Pak+Pong+Ju"));
        Assert.Equal(["2013-05-05"], await Days(Uri.EscapeDataString("박봉주")));
        Assert.Equal(["2013-05-05", "2013-06-19"], await Days("choe-ryong-hae"));
        Assert.Empty(await Days("Ri+Nobody+Here"));
    }

    [Fact]
    public async Task The_calendar_grid_marks_each_day_with_an_appearance_by_its_kind_and_links_to_that_day()
    {
        var html = await _client.GetStringAsync("/appearances?person=kim-jong-un&year=2013");
        Assert.Contains("<h2>Calendar of 2013</h2>", html);
        Assert.Equal(12, html.Split("<table class=\"month\">").Length - 1);
        Assert.Contains("<td class=\"on k-economic\"><a href=\"/appearances?person=kim-jong-un&amp;from=2013-05-05&amp;to=2013-05-05\"", html);
        Assert.Contains("<td class=\"on k-social\"><a href=\"/appearances?person=kim-jong-un&amp;from=2013-06-19&amp;to=2013-06-19\"", html);
        // May 2013 began on a Wednesday: two empty cells before the first.
        Assert.Contains("<caption>May</caption>", html);
        var may = html[html.IndexOf("<caption>May</caption>", StringComparison.Ordinal)..];
        Assert.StartsWith("<tr><td></td><td></td><td>1</td>", may[(may.IndexOf("<tbody>", StringComparison.Ordinal) + "<tbody>".Length)..]);
        var day = await _client.GetStringAsync("/appearances?person=kim-jong-un&from=2013-05-05&to=2013-05-05");
        Assert.Contains("<strong>1</strong> reported public appearances", day);
        using var bad = await _client.GetAsync("/appearances?person=kim-jong-un&year=13a");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_companions_page_lists_his_appearances_with_the_leader()
    {
        var page = await _client.GetStringAsync("/appearances?person=kim-jong-un&with=Pak+Pong+Ju");
        Assert.Contains("public appearances with Pak Pong Ju</h1>", page);
        Assert.Contains("<strong>1</strong> reported public appearances", page);
        var entity = await _client.GetStringAsync("/entities/choe-ryong-hae");
        Assert.Contains("<h2>Appearances with Kim Jong Un</h2>", entity);
        Assert.Contains("in <strong>2</strong> of the reported public appearances", entity);
        Assert.Contains("href=\"/appearances?person=kim-jong-un&amp;with=choe-ryong-hae\"", entity);
        var leader = await _client.GetStringAsync("/entities/kim-jong-un");
        Assert.Contains("href=\"/appearances?person=kim-jong-un\"", leader);
        Assert.DoesNotContain("<h2>Appearances with", leader);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _f.Dispose();
    }
}
