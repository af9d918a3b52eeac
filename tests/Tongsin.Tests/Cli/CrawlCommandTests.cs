using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class CrawlCommandTests
{
    [Fact]
    public async Task Crawl_reads_its_configuration_archives_the_site_and_sources_shows_it()
    {
        await using var site = await FixtureSite.StartAsync();
        var rodong = new RodongFixtureSite(site);
        rodong.Article("2026-06-01-0001", "Fishing Season Opens", new DateOnly(2026, 6, 1), "Fishing boats left the harbours at dawn.");
        rodong.Article("2026-06-02-0002", "New School Built", new DateOnly(2026, 6, 2), "A primary school opened in a mountain village.");
        using var t = new TempFolder();
        var config = t.Write("crawl.json", $$"""
            {
              // A mirror of the site on this machine.
              "sources": [ { "site": "rodong.rep.kp", "language": "en", "base": "{{site.BaseUrl}}", "every": "1h", "delay": "50ms", "timeout": "5s" } ]
            }
            """);
        var db = t.File("a.db");

        var r = CliRunner.Run("crawl", "--db", db, "--config", config, "--quiet");
        Assert.Equal(0, r.Exit);
        Assert.Contains("pass: 1 listings, 2 new pages found, 2 fetched: 2 new, 0 updated, 0 unchanged, 0 removed, 0 failed", r.Out);
        Assert.Contains("Fishing boats left the harbours at dawn.", CliRunner.Run("export", "--db", db).Out);

        var sources = CliRunner.Run("sources", "--db", db, "--config", config);
        Assert.Equal(0, sources.Exit);
        Assert.Matches(@"Rodong Sinmun \(EN\)\s+rodong-sinmun-en\s+2\s+0", sources.Out);
        Assert.Matches(@"rodong\.rep\.kp/en\s+http://127\.0\.0\.1:\d+/\s+1h\s+0\.05s\s+yes\s+\d{4}-\d\d-\d\d \d\d:\d\dZ", sources.Out);

        // A crawl.json beside the archive is used without --config.
        Assert.Contains("pass: 0 listings", CliRunner.Run("crawl", "--db", db, "--quiet").Out);
    }

    [Theory]
    [InlineData("{ \"sources\": [] }", "no sources")]
    [InlineData("{ \"sources\": [ { \"language\": \"en\" } ] }", "'site' is missing")]
    [InlineData("{ \"sources\": [ { \"site\": \"kcna.kp\", \"language\": \"en\", \"delay\": \"soon\" } ] }", "is not a duration")]
    [InlineData("{ \"sources\": [ { \"site\": \"kcna.kp\", \"language\": \"en\", \"colour\": \"red\" } ] }", "not valid JSON")]
    [InlineData("{ \"sources\": [ { \"site\": \"example.org\", \"language\": \"en\" } ] }", "no adapter for the site 'example.org'")]
    [InlineData("not json", "not valid JSON")]
    public void A_bad_configuration_is_a_usage_error(string json, string message)
    {
        using var t = new TempFolder();
        var r = CliRunner.Run("crawl", "--db", t.File("a.db"), "--config", t.Write("c.json", json));
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
