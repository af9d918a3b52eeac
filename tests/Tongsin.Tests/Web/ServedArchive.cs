using Tongsin.App.Web;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>An archive of a test's own served on a free port for the test's surface tests; both disposed at the end.</summary>
public abstract class ServedArchive(ArchiveFixture archive) : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication? _app;

    protected ArchiveFixture Archive { get; } = archive;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Uri address;
        (_app, address) = await WebServerFixture.Start(Archive.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        Client = new HttpClient { BaseAddress = address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Archive.Dispose();
    }
}
