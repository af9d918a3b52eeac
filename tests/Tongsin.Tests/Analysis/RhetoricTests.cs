using System.Net;
using System.Text.Json;
using Tongsin.Analysis;
using Tongsin.Analysis.Rhetoric;
using Tongsin.App.Web;
using Tongsin.Search;
using Tongsin.Tests.Support;
using Tongsin.Tests.Web;

namespace Tongsin.Tests.Analysis;

/// <summary>The rhetoric scorer's pieces: sentences, targets, terms, the lexicon's checks.</summary>
public sealed class RhetoricScorerTests
{
    private static readonly RhetoricScorer Scorer = RhetoricScorer.Load();

    [Fact]
    public void Abbreviations_and_initials_end_no_sentence_and_the_dateline_is_left_out()
    {
        var sentences = Sentences.Split("U.S. Moves Flayed",
        [
            "Pyongyang, March 29 (KCNA) -- The U.S. and the U.N. met Mr. Smith on Jan. 5. Then J. Smith of the D.P.R.K. spoke. \"Stop!\" he said.",
            "The DPRK-U.S. talks ended. Nothing more was said",
        ]);
        Assert.Equal(["U.S. Moves Flayed", "The U.S. and the U.N. met Mr. Smith on Jan. 5.", "Then J. Smith of the D.P.R.K. spoke.", "\"Stop!\" he said.", "The DPRK-U.S. talks ended.", "Nothing more was said"], sentences);
    }

    [Fact]
    public void A_sentence_ends_before_a_quote_and_closing_quotes_stay_with_it()
    {
        Assert.Equal(["t", "He said: \"We will win.\"", "\"The enemy will be crushed,\" he added."],
            Sentences.Split("t", ["He said: \"We will win.\" \"The enemy will be crushed,\" he added."]));
    }

    [Fact]
    public void The_hash_is_the_samples_key()
    {
        Assert.Equal("b94d27b9", Sentences.Hash("  Hello \n  World "));
    }

    [Theory]
    [InlineData("American troops arrived.", "united-states")]
    [InlineData("The south Korean authorities said so.", "south-korea")]
    [InlineData("The Japanese reactionaries said so.", "japan")]
    [InlineData("The United States said so.", "united-states")]
    [InlineData("The Puppets said so.", "south-korea")]
    [InlineData("The Korean nation is one.", "")]
    [InlineData("The anti-Japanese war was won.", "")]
    [InlineData("Let us go.", "")]
    public void Targets_are_found_by_name_adjective_and_epithet(string sentence, string target)
    {
        Assert.Equal(target.Length == 0 ? [] : [target], Scorer.Targets.Find(sentence));
    }

    [Fact]
    public void A_sentence_naming_a_target_with_a_hostile_term_is_hostile_and_a_neutral_one_is_not()
    {
        var judged = Scorer.Judge("DPRK-U.S. Summit Talks Held", ["The DPRK-U.S. summit talks were held in Singapore. The U.S. will pay dearly for its reckless provocations. The warmongers are denounced."]);
        Assert.False(judged[0].HostileToward("united-states"));
        Assert.False(judged[1].HostileToward("united-states"));
        Assert.True(judged[2].HostileToward("united-states"));
        Assert.Contains(judged[2].Terms, t => t.Text == "pay dearly" && t.Class == HostileClass.Threat);
        Assert.Empty(judged[3].Targets);
        var scored = Scorer.Score("DPRK-U.S. Summit Talks Held", ["The DPRK-U.S. summit talks were held in Singapore. The U.S. will pay dearly for its reckless provocations. The warmongers are denounced."]);
        Assert.Equal(4, scored.Sentences);
        Assert.Equal([new TargetScore("singapore", 0, 1), new TargetScore("united-states", 1, 3)], scored.Targets);
    }

    [Fact]
    public void The_lexicon_names_file_and_line_of_every_problem()
    {
        var e = Assert.Throws<LexiconException>(() => Lexicon.Read("mine.tsv", new StringReader("# terms\npuppet*\tinsult\nbad\tword\npuppets\tinsult\nwar drill\tthreat\nwar drill\tthreat\nOne\tdemand\n")));
        Assert.Contains(e.Errors, m => m.StartsWith("mine.tsv:3: 'word' is not a class"));
        Assert.Contains(e.Errors, m => m.StartsWith("mine.tsv:4: 'puppets' is matched already by 'puppet*'"));
        Assert.Contains(e.Errors, m => m.StartsWith("mine.tsv:6: 'war drill' is written already at line 5"));
        Assert.Contains(e.Errors, m => m.StartsWith("mine.tsv:7: 'One' is not a term"));
        var unknown = Lexicon.Read("mine.tsv", new StringReader("stooge*\tinsult\tatlantis\n"));
        var bad = Assert.Throws<LexiconException>(() => new RhetoricTargets(Tongsin.Analysis.Entities.Gazetteer.Load(), unknown));
        Assert.StartsWith("mine.tsv:1: 'atlantis' is no target", bad.Message);
    }

    [Fact]
    public void The_built_in_lexicon_loads_with_every_class()
    {
        var lexicon = Lexicon.Load();
        Assert.True(lexicon.Terms.Count > 150);
        Assert.Equal(Enum.GetValues<HostileClass>(), lexicon.Terms.Select(t => t.Class).Distinct().Order());
        Assert.Equal("united-states", Scorer.Targets.Resolve("American").Slug);
        Assert.Throws<QueryException>(() => Scorer.Targets.Resolve("Korea"));
    }
}

/// <summary>The index over the analyser's tables, on both backends.</summary>
public abstract class RhetoricContract(Backend backend)
{
    // March 2013: seven sentences, two hostile toward the U.S., one toward south Korea; April: none published; May: three, the U.S. named without hostility.
    internal static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        (string Title, string Source, string Published, string Body)[] pages =
        [
            ("U.S. Warmongers Denounced", "Korean Central News Agency (EN)", "04/03/2013", "The U.S. imperialists are staging war exercises against the DPRK. The people of Pyongyang visited a flower show. The south Korean puppets must stop their reckless provocations."),
            ("Farm News", "Korean Central News Agency (EN)", "20/03/2013", "Farmers of the DPRK prepared the fields for spring. Rice seedlings were transplanted early."),
            ("Delegation Leaves for Japan", "Rodong Sinmun (EN)", "02/05/2013", "A delegation of the DPRK left for Japan to attend a meeting. Mr. Kim met U.S. journalists in Tokyo."),
        ];
        foreach (var p in pages)
            f.Store(f.Page(new PageBuilder(Title: p.Title, Source: p.Source, Published: p.Published, Body: [p.Body], Cards: []).ToString()));
        new AnalyserRunner(f.Archive, [new RhetoricAnalyser()]).Run();
        return f;
    }

    private static string Show(IEnumerable<RhetoricPoint> points) => string.Join("; ", points.Select(p => $"{p.Label} {p.Hostile}/{p.Naming}/{p.Sentences}"));

    [Fact]
    public void Hostile_sentences_are_counted_per_1000_sentences_with_empty_months_at_zero()
    {
        using var f = Archive(backend);
        var points = new RhetoricIndex(f.Archive).Run(new RhetoricRequest("united-states"));
        Assert.Equal("2013-03 2/2/7; 2013-04 0/0/0; 2013-05 0/1/3", Show(points));
        Assert.Equal(2000.0 / 7, points[0].Index, 6);
        Assert.Equal(0, points[1].Index);
        Assert.Single(points[0].Articles);
        Assert.Empty(points[2].Articles);
        Assert.Equal("2013-03 1/1/7; 2013-04 0/0/0; 2013-05 0/0/3", Show(new RhetoricIndex(f.Archive).Run(new RhetoricRequest("south-korea"))));
    }

    [Fact]
    public void Sources_dates_and_intervals_narrow_both_sides_of_the_index()
    {
        using var f = Archive(backend);
        var rodong = new RhetoricIndex(f.Archive).Run(new RhetoricRequest("united-states", TallyInterval.Year, ["rodong-sinmun-en"]));
        Assert.Equal("2013 0/1/3", Show(rodong));
        var spring = new RhetoricIndex(f.Archive).Run(new RhetoricRequest("japan", TallyInterval.Month, null, new DateOnly(2013, 2, 1), new DateOnly(2013, 5, 31)));
        Assert.Equal("2013-02 0/0/0; 2013-03 0/0/7; 2013-04 0/0/0; 2013-05 0/2/3", Show(spring));
        Assert.Throws<QueryException>(() => new RhetoricIndex(f.Archive).Run(new RhetoricRequest("japan", From: new DateOnly(2013, 5, 1), To: new DateOnly(2013, 4, 1))));
    }

    [Fact]
    public void An_archive_never_analysed_says_so()
    {
        using var f = new ArchiveFixture(backend);
        var e = Assert.Throws<QueryException>(() => new RhetoricIndex(f.Archive).Run(new RhetoricRequest("japan")));
        Assert.Contains("tongsin analyse --only rhetoric", e.Message);
    }
}

public sealed class SqliteRhetoricContract() : RhetoricContract(Backend.Sqlite);

public sealed class PostgresRhetoricContract() : RhetoricContract(Backend.Postgres);

/// <summary>The same index from `tongsin rhetoric`, /api/rhetoric and the /rhetoric page.</summary>
public sealed class RhetoricSurfaceTests() : ServedArchive(RhetoricContract.Archive(Backend.Sqlite))
{
    [Fact]
    public void The_command_writes_csv_and_json_and_refuses_an_unknown_target()
    {
        var csv = CliRunner.Run("rhetoric", "--db", Archive.Location, "U.S.");
        Assert.Equal(0, csv.Exit);
        Assert.Equal("target,bucket,index,hostile,naming,sentences,articles\r\nunited-states,2013-03,285.714,2,2,7,1\r\nunited-states,2013-04,0,0,0,0,0\r\nunited-states,2013-05,0,0,1,3,0\r\n", csv.Out);
        var json = CliRunner.Run("rhetoric", "--db", Archive.Location, "--format", "json", "--interval", "year", "south-korea");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("south-korea", doc.RootElement.GetProperty("target").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("points")[0].GetProperty("hostile").GetInt64());
        var wrong = CliRunner.Run("rhetoric", "--db", Archive.Location, "Atlantis");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("'Atlantis' is no target", wrong.Error);
    }

    [Fact]
    public async Task The_api_answers_points_and_400_for_mistakes()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/api/rhetoric?target=united-states&interval=month"));
        var point = doc.RootElement.GetProperty("points")[0];
        Assert.Equal(("2013-03", 285.714, 2L, 7L), (point.GetProperty("bucket").GetString(), point.GetProperty("index").GetDouble(), point.GetProperty("hostile").GetInt64(), point.GetProperty("sentences").GetInt64()));
        Assert.Equal(1, point.GetProperty("articles").GetArrayLength());
        Assert.Equal("/search?q=%22U.S.%22&from=2013-03-01&to=2013-03-31", point.GetProperty("link").GetString());
        using var csv = await Client.GetAsync("/api/rhetoric?target=japan&format=csv");
        Assert.StartsWith("target,bucket,index", await csv.Content.ReadAsStringAsync());
        foreach (var bad in new[] { "/api/rhetoric", "/api/rhetoric?target=Korea", "/api/rhetoric?target=japan&interval=decade", "/api/rhetoric?target=japan&format=xml" })
        {
            using var answer = await Client.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }
    }

    [Fact]
    public async Task The_page_draws_the_index_links_each_point_and_shows_the_lexicon()
    {
        var html = await Client.GetStringAsync("/rhetoric?target=united-states&interval=month");
        Assert.Contains("class=\"trend-chart\"", html);
        Assert.Contains("hostile sentences per 1,000 sentences published", html);
        Assert.Contains("2013-03: 2 of 7 (285.7 per 1,000)", html);
        Assert.Contains("href=\"/search?q=%22U.S.%22&amp;from=2013-03-01&amp;to=2013-03-31\"", html);
        Assert.Contains("<details class=\"lexicon\">", html);
        Assert.Contains("<td>sea of fire</td><td>threat</td>", html);
        Assert.DoesNotContain("style=", html);
        var form = await Client.GetStringAsync("/rhetoric");
        Assert.Contains("<option value=\"united-states\" selected>", form);
        using var svg = await Client.GetAsync("/rhetoric.svg?target=japan");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        using var bad = await Client.GetAsync("/rhetoric?target=Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
