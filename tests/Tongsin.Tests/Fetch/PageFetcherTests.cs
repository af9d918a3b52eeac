using System.IO.Compression;
using System.Text;
using Tongsin.Ingest.Fetch;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Fetch;

public class PageFetcherTests
{
    private static readonly HostPolicy Quick = new()
    {
        Delay = TimeSpan.Zero,
        Concurrency = 4,
        Timeout = TimeSpan.FromSeconds(2),
        Retries = 3,
        RetryBase = TimeSpan.FromMilliseconds(20),
        FailuresToOpen = 50,
        Cooldown = TimeSpan.FromMinutes(10),
        RespectRobots = false,
    };

    private static PageFetcher Fetcher(HostPolicy policy) => new(_ => policy, TimeProvider.System);

    private static PageRequest Get(FixtureSite site, string path) => new(site.Url(path));

    [Fact]
    public async Task Requests_to_one_host_are_never_closer_than_the_delay()
    {
        await using var site = await FixtureSite.StartAsync();
        for (var i = 0; i < 8; i++) site.Serve($"/a/{i}", $"<p>{i}</p>");
        var delay = TimeSpan.FromMilliseconds(150);
        using var fetcher = Fetcher(Quick with { Delay = delay, Concurrency = 1 });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fetcher.FetchAsync(Get(site, $"/a/{i}"))));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Fetched, r.Outcome));
        var times = site.ArrivalsAt("/a/").Order().ToList();
        Assert.Equal(8, times.Count);
        for (var i = 1; i < times.Count; i++) Assert.True(times[i] - times[i - 1] >= delay, $"gap {(times[i] - times[i - 1]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Timeouts_resets_and_server_errors_are_retried()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Serve("/p", "<p>finally</p>");
        site.Fault("/p", new SiteFault.Status(500), new SiteFault.Reset(), new SiteFault.Slow(TimeSpan.FromSeconds(5)));
        using var fetcher = Fetcher(Quick with { Timeout = TimeSpan.FromMilliseconds(500) });

        var result = await fetcher.FetchAsync(Get(site, "/p"));

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal("<p>finally</p>", result.Html);
        Assert.Equal(4, site.ArrivalsAt("/p").Count());
    }

    [Fact]
    public async Task Retries_give_up_with_the_last_error()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Fault("/down", Enumerable.Repeat<SiteFault>(new SiteFault.Status(502), 10).ToArray());
        using var fetcher = Fetcher(Quick with { Retries = 2 });
        var result = await fetcher.FetchAsync(Get(site, "/down"));
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("HTTP 502", result.Error);
        Assert.Equal(3, site.ArrivalsAt("/down").Count());
    }

    [Fact]
    public async Task Too_many_requests_backs_the_host_off_for_retry_after()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Serve("/x", "<p>x</p>");
        site.Serve("/y", "<p>y</p>");
        site.Fault("/x", new SiteFault.Status(429, RetryAfterSeconds: 1));
        using var fetcher = Fetcher(Quick);

        var first = await fetcher.FetchAsync(Get(site, "/x"));
        Assert.Equal(FetchOutcome.Deferred, first.Outcome);
        Assert.InRange((first.RetryAt!.Value - DateTimeOffset.UtcNow).TotalMilliseconds, 500, 1100);

        // While backing off, nothing reaches the host.
        var during = await fetcher.FetchAsync(Get(site, "/y"));
        Assert.Equal(FetchOutcome.Deferred, during.Outcome);
        Assert.Empty(site.ArrivalsAt("/y"));

        await Task.Delay(1100);
        Assert.Equal(FetchOutcome.Fetched, (await fetcher.FetchAsync(Get(site, "/y"))).Outcome);
    }

    [Fact]
    public async Task A_ban_opens_the_circuit_for_the_cooldown()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Serve("/x", "<p>x</p>");
        site.Ban(TimeSpan.FromMinutes(1));
        using var fetcher = Fetcher(Quick with { Cooldown = TimeSpan.FromMinutes(3) });
        var result = await fetcher.FetchAsync(Get(site, "/x"));
        Assert.Equal(FetchOutcome.Deferred, result.Outcome);
        Assert.Equal(403, result.Status);
        Assert.True(result.RetryAt > DateTimeOffset.UtcNow.AddMinutes(2.5));
        Assert.Equal(FetchOutcome.Deferred, (await fetcher.FetchAsync(Get(site, "/x"))).Outcome);
        Assert.Single(site.ArrivalsAt("/x"));
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Fault("/flaky", Enumerable.Repeat<SiteFault>(new SiteFault.Status(500), 20).ToArray());
        using var fetcher = Fetcher(Quick with { FailuresToOpen = 3, Retries = 5 });
        var result = await fetcher.FetchAsync(Get(site, "/flaky"));
        Assert.Equal(FetchOutcome.Deferred, result.Outcome);
        Assert.Equal(3, site.ArrivalsAt("/flaky").Count());
    }

    [Fact]
    public async Task Conditional_get_uses_the_etag()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Serve("/c", "<p>c</p>", etag: "\"v1\"");
        using var fetcher = Fetcher(Quick);
        var first = await fetcher.FetchAsync(Get(site, "/c"));
        Assert.Equal("\"v1\"", first.Validators.ETag);
        var second = await fetcher.FetchAsync(Get(site, "/c"), first.Validators);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal("\"v1\"", site.Requests.Last().Headers.IfNoneMatch.ToString());
    }

    [Fact]
    public async Task Missing_pages_are_reported_as_missing()
    {
        await using var site = await FixtureSite.StartAsync();
        using var fetcher = Fetcher(Quick);
        Assert.Equal(FetchOutcome.Missing, (await fetcher.FetchAsync(Get(site, "/nothing"))).Outcome);
    }

    [Fact]
    public async Task Charsets_come_from_the_header_the_meta_tag_or_default_to_utf8()
    {
        await using var site = await FixtureSite.StartAsync();
        var euckr = Encoding.GetEncoding("euc-kr");
        site.ServeBytes("/header", euckr.GetBytes("<p>조선중앙통신</p>"), "text/html; charset=EUC-KR");
        site.ServeBytes("/meta", euckr.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><p>로동신문</p>"), "text/html");
        site.ServeBytes("/none", Encoding.UTF8.GetBytes("<p>조선의 소리</p>"), "text/html");
        site.ServeBytes("/wrong", Encoding.UTF8.GetBytes("<p>평양</p>"), "text/html; charset=x-unknown-charset");
        using var fetcher = Fetcher(Quick);
        Assert.Contains("조선중앙통신", (await fetcher.FetchAsync(Get(site, "/header"))).Html);
        Assert.Contains("로동신문", (await fetcher.FetchAsync(Get(site, "/meta"))).Html);
        Assert.Contains("조선의 소리", (await fetcher.FetchAsync(Get(site, "/none"))).Html);
        Assert.Contains("평양", (await fetcher.FetchAsync(Get(site, "/wrong"))).Html);
    }

    [Fact]
    public async Task Compressed_answers_are_unpacked()
    {
        await using var site = await FixtureSite.StartAsync();
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes("<p>packed page</p>"));
        site.ServeBytes("/gz", packed.ToArray(), "text/html; charset=utf-8", "gzip");
        var brotli = new MemoryStream();
        using (var br = new BrotliStream(brotli, CompressionLevel.Fastest, leaveOpen: true)) br.Write(Encoding.UTF8.GetBytes("<p>brotli page</p>"));
        site.ServeBytes("/br", brotli.ToArray(), "text/html; charset=utf-8", "br");
        using var fetcher = Fetcher(Quick);
        Assert.Equal("<p>packed page</p>", (await fetcher.FetchAsync(Get(site, "/gz"))).Html);
        Assert.Equal("<p>brotli page</p>", (await fetcher.FetchAsync(Get(site, "/br"))).Html);
        Assert.Contains("gzip", site.Requests.First().Headers.AcceptEncoding.ToString());
    }

    [Fact]
    public async Task Robots_txt_is_respected_unless_turned_off()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        site.Serve("/private/page", "<p>secret</p>");
        site.Serve("/public/page", "<p>open</p>");
        using (var polite = Fetcher(Quick with { RespectRobots = true }))
        {
            Assert.Equal(FetchOutcome.Forbidden, (await polite.FetchAsync(Get(site, "/private/page"))).Outcome);
            Assert.Equal(FetchOutcome.Fetched, (await polite.FetchAsync(Get(site, "/public/page"))).Outcome);
        }
        Assert.Empty(site.ArrivalsAt("/private/"));
        using var rude = Fetcher(Quick with { RespectRobots = false });
        Assert.Equal(FetchOutcome.Fetched, (await rude.FetchAsync(Get(site, "/private/page"))).Outcome);
    }

    [Fact]
    public async Task Requests_carry_a_descriptive_user_agent_and_posts_carry_their_form()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Serve("/list", "<p>page 2</p>");
        using var fetcher = Fetcher(Quick);
        var result = await fetcher.FetchAsync(new PageRequest(site.Url("/list"), new Dictionary<string, string> { ["_csrf"] = "token-1", ["page"] = "2" }));
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        var request = site.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("_csrf=token-1&page=2", request.Form);
        Assert.StartsWith("Tongsin/", request.Headers.UserAgent.ToString());
    }

    [Fact]
    public async Task A_source_with_a_proxy_goes_through_it()
    {
        // The fixture site plays the proxy; the page's own host does not even resolve, so only the proxy can answer.
        await using var proxy = await FixtureSite.StartAsync();
        proxy.Serve("/en/article/1", "<p>through the proxy</p>");
        using var fetcher = Fetcher(Quick with { Proxy = proxy.BaseUrl });
        var result = await fetcher.FetchAsync(new PageRequest(new Uri("http://kcna.invalid/en/article/1")));
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal("<p>through the proxy</p>", result.Html);
        Assert.Equal("kcna.invalid", proxy.Requests.Single().Headers.Host.ToString());
    }
}
