using Tongsin.Ingest.Fetch;

namespace Tongsin.Tests.Fetch;

public class RobotsRulesTests
{
    private const string Robots = """
        # comment
        User-agent: Googlebot
        Disallow: /

        User-agent: tongsin
        User-agent: otherbot
        Disallow: /search
        Allow: /search/help$
        Disallow: /*.pdf$
        Crawl-delay: 5

        User-agent: *
        Disallow: /admin
        """;

    [Theory]
    [InlineData("/en/article/1", true)]
    [InlineData("/search?q=x", false)]
    [InlineData("/search/help", true)]
    [InlineData("/search/help/more", false)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?x=1", true)]
    [InlineData("/admin", true)]
    public void The_group_naming_our_agent_applies(string path, bool allowed)
    {
        var rules = RobotsRules.Parse(Robots, "Tongsin/0.1 (archive)");
        Assert.Equal(allowed, rules.Allows(new Uri("http://example.test" + path)));
        Assert.Equal(TimeSpan.FromSeconds(5), rules.CrawlDelay);
    }

    [Fact]
    public void Other_agents_fall_back_to_the_star_group()
    {
        var rules = RobotsRules.Parse(Robots, "SomeReader/1.0");
        Assert.False(rules.Allows(new Uri("http://example.test/admin/x")));
        Assert.True(rules.Allows(new Uri("http://example.test/search")));
        Assert.Null(rules.CrawlDelay);
    }
}
