using System.Net;
using System.Text.Json;
using Tongsin.Analysis;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Statements;
using Tongsin.App.Web;
using Tongsin.Tests.Support;
using Tongsin.Tests.Web;

namespace Tongsin.Tests.Analysis.Statements;

/// <summary>The `statements` analyser on the runner and the tracker's reads, on both backends; fixtures written in KCNA's manner.</summary>
public abstract class StatementTrackerContract(Backend backend)
{
    internal static readonly Lazy<Gazetteer> Names = new(Gazetteer.Load);

    // Three statements (two of Kim Yo Jong's office in March and April, one of the Foreign Ministry in April), a report about one, and farm news.
    internal static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        (string Title, string Published, string Body)[] pages =
        [
            ("Press Statement of Kim Yo Jong, Vice Department Director of WPK Central Committee", "05/03/2024",
                "Pyongyang, March 5 (KCNA) -- Kim Yo Jong issued the following press statement: The U.S. and Japan staged a drill. The U.S. and Japan will pay for it."),
            ("Press Statement of Kim Yo Jong, Vice Department Director of WPK Central Committee", "02/04/2024",
                "Pyongyang, April 2 (KCNA) -- Kim Yo Jong issued a press statement. The puppets of south Korea are warned, and south Korea will regret it."),
            ("Answer of Spokesman for DPRK Foreign Ministry to Question Raised by KCNA", "20/04/2024",
                "Pyongyang, April 20 (KCNA) -- A spokesman for the DPRK Foreign Ministry gave an answer on the sanctions of the EU. The EU is a servant of the U.S."),
            ("DPRK FM Statement Supported", "21/04/2024", "Pyongyang, April 21 (KCNA) -- A committee in Peru supported the statement of the DPRK Foreign Ministry."),
            ("Farm news", "22/04/2024", "Farmers prepared the fields for spring."),
        ];
        foreach (var p in pages)
            f.Store(f.Page(new PageBuilder(Title: p.Title, Source: "Korean Central News Agency (EN)", Published: p.Published, Body: [p.Body], Cards: []).ToString()));
        new AnalyserRunner(f.Archive, [new StatementAnalyser(() => Names.Value)]).Run();
        return f;
    }

    [Fact]
    public void The_analyser_writes_a_row_for_each_statement_and_none_for_the_reports()
    {
        using var f = Archive(backend);
        var all = new StatementTracker(f.Archive, Names.Value).List(new StatementFilter());
        Assert.Equal(["answer", "press-statement", "press-statement"], all.Select(s => StatementKinds.Name(s.Kind)));
        Assert.Equal(new DateOnly(2024, 4, 20), all[0].Published);
        Assert.Equal("ministry-of-foreign-affairs", all[0].OfficeSlug);
        Assert.Equal("kim-yo-jong", all[2].IssuerSlug);
        Assert.Equal(["united-states", "japan"], all[2].Targets);
        Assert.All(all, s => Assert.True(s.Dprk));
    }

    [Fact]
    public void Filters_take_any_spelling_kind_target_and_dates_and_counts_go_per_month()
    {
        using var f = Archive(backend);
        var tracker = new StatementTracker(f.Archive, Names.Value);
        Assert.Equal(2, tracker.List(new StatementFilter(Issuer: "Kim Yo-jong")).Count);
        Assert.Single(tracker.List(new StatementFilter(Issuer: "Foreign Ministry")));
        Assert.Single(tracker.List(new StatementFilter(Kind: StatementKind.Answer)));
        Assert.Single(tracker.List(new StatementFilter(Target: "Japan")));
        Assert.Single(tracker.List(new StatementFilter(Target: "south-korea")));
        Assert.Equal(2, tracker.List(new StatementFilter(From: new DateOnly(2024, 4, 1), To: new DateOnly(2024, 4, 30))).Count);
        Assert.Equal(["2024-03 press-statement 1", "2024-04 answer 1", "2024-04 press-statement 1"],
            tracker.PerMonthByKind(new StatementFilter()).Select(c => $"{c.Month} {c.Key} {c.Statements}"));
        Assert.Equal(["2024-03 kim-yo-jong 1", "2024-04 kim-yo-jong 1", "2024-04 ministry-of-foreign-affairs 1"],
            tracker.PerMonthByIssuer(new StatementFilter()).Select(c => $"{c.Month} {c.Key} {c.Statements}"));
    }
}

public sealed class SqliteStatementTrackerContract() : StatementTrackerContract(Backend.Sqlite);

public sealed class PostgresStatementTrackerContract() : StatementTrackerContract(Backend.Postgres);

/// <summary>The same statements from `tongsin statements`, /api/statements, the /statements page and its feeds.</summary>
public sealed class StatementSurfaceTests : IAsyncLifetime
{
    private readonly ArchiveFixture _f = StatementTrackerContract.Archive(Backend.Sqlite);
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        Uri address;
        (_app, address) = await WebServerFixture.Start(_f.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        _client = new HttpClient { BaseAddress = address };
    }

    [Fact]
    public void The_command_writes_csv_and_json_and_refuses_a_bad_kind()
    {
        var csv = CliRunner.Run("statements", "--db", _f.Location, "--issuer", "Kim Yo Jong", "--from", "2024-04");
        Assert.Equal(0, csv.Exit);
        Assert.StartsWith("date,issuer,office,kind,targets,article,title\r\n2024-04-02,Kim Yo Jong,Vice Department Director of WPK Central Committee,press-statement,south-korea,", csv.Out);
        var json = CliRunner.Run("statements", "--db", _f.Location, "--kind", "answer", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var s = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(("2024-04-20", "Spokesman for DPRK Foreign Ministry", "answer"), (s.GetProperty("date").GetString(), s.GetProperty("office").GetString(), s.GetProperty("kind").GetString()));
        var wrong = CliRunner.Run("statements", "--db", _f.Location, "--kind", "rumour");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("'rumour' is not a kind of statement", wrong.Error);
        Assert.Equal(2, CliRunner.Run("statements", "--db", _f.Location, "--from", "2024-13").Exit);
    }

    [Fact]
    public async Task The_api_lists_them_with_the_filters_and_answers_400_for_mistakes()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/statements?target=Japan"));
        var s = Assert.Single(doc.RootElement.GetProperty("statements").EnumerateArray());
        Assert.Equal("kim-yo-jong", s.GetProperty("issuer_slug").GetString());
        Assert.Equal(["united-states", "japan"], s.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        foreach (var bad in new[] { "/api/statements?kind=rumour", "/api/statements?from=yesterday", "/api/statements?limit=0", "/api/statements?issuer=a&issuer=b" })
        {
            using var answer = await _client.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }
    }

    [Fact]
    public async Task The_page_charts_them_per_month_and_lists_them_newest_first_with_feeds()
    {
        var html = await _client.GetStringAsync("/statements");
        Assert.Contains("class=\"trend-chart\"", html);
        Assert.Contains("data-name=\"Kim Yo Jong\"", html);
        Assert.Contains("data-name=\"Foreign Ministry\"", html);
        Assert.Contains("href=\"/statements?kind=answer&amp;from=2024-04-01&amp;to=2024-04-30\"", html);
        Assert.True(html.IndexOf("2024-04-20", StringComparison.Ordinal) < html.IndexOf("2024-03-05", StringComparison.Ordinal));
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("Statement Supported", html);
        using var bad = await _client.GetAsync("/statements?kind=rumour");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var atom = await _client.GetStringAsync("/statements/feed.atom?issuer=kim-yo-jong");
        Assert.Equal(2, atom.Split("<entry>").Length - 1);
        Assert.Contains("<rss", await _client.GetStringAsync("/statements/feed.rss?issuer=Foreign%20Ministry"));
        using var badFeed = await _client.GetAsync("/statements/feed.atom?to=never");
        Assert.Equal(HttpStatusCode.BadRequest, badFeed.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _f.Dispose();
    }
}
