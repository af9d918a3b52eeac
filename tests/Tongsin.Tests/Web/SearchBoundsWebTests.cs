using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Tongsin.App.Web;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.Tests.Web;

/// <summary>What a costly or malformed search gets from the site: the same bounds on the API, the search page and the feeds.</summary>
public sealed class SearchBoundsWebTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tongsin-bounds-").FullName;
    private IArchive _archive = null!;

    public Task InitializeAsync()
    {
        _archive = FixtureArchive.Build(Path.Combine(_folder, "archive.db"));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static WebOptions Options(SearchBounds bounds, int searches = 2) =>
        new() { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0, SearchBounds = bounds, Searches = searches };

    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Get(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static string Detail(string body) => JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task A_prefix_of_too_many_words_is_a_400_that_says_to_add_letters_on_the_api_the_page_and_the_feeds()
    {
        var (app, address) = await WebServerFixture.Start(_archive, Options(SearchBounds.Default with { PrefixTerms = 2 }));
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = address };
        var api = await Get(http, "/api/search?q=a*");
        Assert.Equal(HttpStatusCode.BadRequest, api.Status);
        Assert.Equal("a* matches too many words (more than 2); add letters", Detail(api.Body));
        var page = await Get(http, "/search?q=a*");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("A* matches too many words (more than 2); add letters.", page.Body);
        foreach (var feed in new[] { "/search/feed.rss?q=a*", "/search/feed.atom?q=a*" })
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(http, feed)).Status);
        // A prefix of few words is searched as ever.
        Assert.Equal(HttpStatusCode.OK, (await Get(http, "/api/search?q=sanctio*")).Status);
    }

    [Fact]
    public async Task A_search_past_its_budget_is_a_503_that_says_so()
    {
        var (app, address) = await WebServerFixture.Start(_archive, Options(SearchBounds.Default with { Budget = TimeSpan.Zero }));
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = address };
        var api = await Get(http, "/api/search?q=sanctions");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.Status);
        Assert.Equal("the search ran past its budget of 0 s; narrow it with more words, a source or a date range", Detail(api.Body));
        Assert.NotNull(api.Response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(http, "/search?q=sanctions")).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(http, "/search/feed.rss?q=sanctions")).Status);
        // Pages that search nothing are served as ever.
        Assert.Equal(HttpStatusCode.OK, (await Get(http, "/")).Status);
    }

    [Fact]
    public async Task A_query_with_a_nul_byte_is_a_400()
    {
        var (app, address) = await WebServerFixture.Start(_archive, Options(SearchBounds.Default));
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = address };
        var api = await Get(http, "/api/search?q=korea%00");
        Assert.Equal(HttpStatusCode.BadRequest, api.Status);
        Assert.Equal("the query holds a control character (U+0000) at position 6", Detail(api.Body));
        Assert.Equal(HttpStatusCode.BadRequest, (await Get(http, "/search?q=korea%00")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Get(http, "/search/feed.rss?q=%00")).Status);
    }

    [Fact]
    public async Task Searches_wait_their_turn_within_their_budget_and_a_client_who_leaves_frees_its_turn()
    {
        using var blocking = new BlockingArchive(_archive);
        var (app, address) = await WebServerFixture.Start(blocking, Options(SearchBounds.Default with { Budget = TimeSpan.FromSeconds(1) }, searches: 1));
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = address };

        // The only turn is taken by a search that does not end by itself.
        using var leave = new CancellationTokenSource();
        var first = http.GetAsync("/api/search?q=sanctions", leave.Token);
        Assert.True(blocking.Started.Wait(TimeSpan.FromSeconds(10)));

        // The next one cannot start within its budget: the server says it is busy, and quickly.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var busy = await Get(http, "/api/search?q=korea");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.StartsWith("the server is busy with other searches", Detail(busy.Body));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        // Plain pages do not wait for searches.
        Assert.Equal(HttpStatusCode.OK, (await Get(http, "/articles/1")).Status);

        // The first client leaves: its search is stopped, and its turn goes to the next.
        leave.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.True(blocking.Stopped.Wait(TimeSpan.FromSeconds(1)), "the abandoned search was not stopped within a second");
        blocking.Block = false;
        Assert.Equal(HttpStatusCode.OK, (await Get(http, "/api/search?q=korea")).Status);
    }

    /// <summary>The archive, but a search waits until its caller gives up while <see cref="Block"/> holds.</summary>
    private sealed class BlockingArchive(IArchive inner) : IArchive
    {
        public volatile bool Block = true;
        public ManualResetEventSlim Started { get; } = new();
        public ManualResetEventSlim Stopped { get; } = new();

        public SearchResults Search(SearchRequest request, CancellationToken cancel = default)
        {
            if (Block)
            {
                Started.Set();
                cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                Stopped.Set();
                cancel.ThrowIfCancellationRequested();
            }
            return inner.Search(request, cancel);
        }

        public string Location => inner.Location;
        public IImportSession BeginImport() => inner.BeginImport();
        public ArticleRecord? FindArticle(long id) => inner.FindArticle(id);
        public IReadOnlyList<ArticleVersion> Versions(long articleId) => inner.Versions(articleId);
        public IReadOnlyList<ArticleAddress> Addresses(long articleId) => inner.Addresses(articleId);
        public long? MergedInto(long id) => inner.MergedInto(id);
        public IReadOnlyList<TallyCount> Tally(SearchRequest request, TallyInterval interval, CancellationToken cancel = default, TallyGroups? once = null) => inner.Tally(request, interval, cancel, once);
        public IEnumerable<ArticleHistory> Export(ArticleFilter filter) => inner.Export(filter);
        public ArticleListing ListArticles(ArticleQuery query) => inner.ListArticles(query);
        public IReadOnlyList<SourceSummary> Sources() => inner.Sources();
        public IReadOnlyList<Source> SourceList() => inner.SourceList();
        public SourceSummary? FindSource(string slug) => inner.FindSource(slug);
        public ArchiveStats Stats() => inner.Stats();
        public ICrawlQueue CrawlQueue => inner.CrawlQueue;
        public System.Data.Common.DbConnection Connect() => inner.Connect();

        public void Dispose()
        {
            Started.Dispose();
            Stopped.Dispose();
        }
    }
}
