using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

public class ServeCommandTests
{
    [Theory]
    [InlineData("--base-url", "https://tongsin.example.org/archive", "has a path")]
    [InlineData("--base-url", "ftp://tongsin.example.org", "is not an address like https://tongsin.example.org")]
    [InlineData("--base-url", "tongsin.example.org", "is not an address like https://tongsin.example.org")]
    [InlineData("--allowed-hosts", "https://tongsin.example.org", "is not a host name")]
    [InlineData("--allowed-hosts", "tongsin.example.org:8080", "is not a host name")]
    [InlineData("--allowed-hosts", ",", "is empty")]
    public void Refuses_a_base_URL_or_host_list_it_cannot_use(string option, string value, string message)
    {
        using var t = new TempFolder();
        var r = CliRunner.Run("serve", "--db", t.File("a.db"), option, value);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Error);
    }

    [Fact]
    public void Listening_everywhere_needs_a_base_URL()
    {
        using var t = new TempFolder();
        var r = CliRunner.Run("serve", "--db", t.File("a.db"), "--urls", "http://0.0.0.0:0");
        Assert.Equal(2, r.Exit);
        Assert.Contains("give --base-url", r.Error);
    }

    [Fact]
    public async Task Serve_writes_feeds_with_the_base_URL_and_refuses_other_hosts()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", db, Fixtures.Folder).Exit);
        using var serve = PostgresCommandTests.StartTongsin("--db", db, "serve", "--urls", "http://127.0.0.1:0", "--rate-limit", "0",
            "--base-url", "https://tongsin.example.org", "--allowed-hosts", "tongsin.example.org,127.0.0.1");
        try
        {
            var line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? "";
            var address = Regex.Match(line, @"at (http://127\.0\.0\.1:\d+) for https://tongsin\.example\.org ");
            Assert.True(address.Success, line);
            _ = serve.StandardOutput.ReadToEndAsync();
            _ = serve.StandardError.ReadToEndAsync();
            using var http = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };

            var rss = XDocument.Parse(await http.GetStringAsync("/sources/voice-of-korea-en/feed.rss"));
            var links = rss.Descendants("item").Select(i => i.Element("link")!.Value).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.Matches(@"^https://tongsin\.example\.org/articles/\d+$", l));

            using var other = new HttpRequestMessage(HttpMethod.Get, "/sources/voice-of-korea-en/feed.rss");
            other.Headers.Host = "evil.example";
            using var refused = await http.SendAsync(other);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("It is at https://tongsin.example.org.", await refused.Content.ReadAsStringAsync());

            // Only the listed names: localhost is not among them.
            using var local = new HttpRequestMessage(HttpMethod.Get, "/");
            local.Headers.Host = "localhost";
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(local)).StatusCode);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }
}
