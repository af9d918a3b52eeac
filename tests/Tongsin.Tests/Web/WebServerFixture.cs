using Microsoft.AspNetCore.Builder;
using Tongsin.App.Web;
using Tongsin.Archive;

namespace Tongsin.Tests.Web;

/// <summary>A real Kestrel on 127.0.0.1 at a free port, over the fixture archive, shared by the web tests.</summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tongsin-web-").FullName;
    private WebApplication? _app;

    public IArchive Archive { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Archive = FixtureArchive.Build(Path.Combine(_folder, "archive.db"));
        // The rhetoric index reads the analyser's tables; the API's every route answers.
        new Tongsin.Analysis.AnalyserRunner(Archive, [new Tongsin.Analysis.Rhetoric.RhetoricAnalyser()]).Run();
        (_app, BaseAddress) = await Start(Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public static async Task<(WebApplication App, Uri Address)> Start(IArchive archive, WebOptions options, TimeProvider? clock = null)
    {
        var app = WebServer.Build(archive, options, clock ?? TimeProvider.System);
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }

    /// <summary>The id of the article with this exact title.</summary>
    public long IdOf(string title) =>
        Archive.ListArticles(new ArticleQuery(Limit: 1000)).Articles.Single(a => a.Title == title).Id;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServerFixture>
{
    public const string Name = "web server";
}
