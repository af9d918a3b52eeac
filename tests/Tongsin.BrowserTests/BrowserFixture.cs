using Microsoft.Playwright;

namespace Tongsin.BrowserTests;

/// <summary>The fixture archive, a `tongsin serve` over it, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Chromium as this machine runs it: headless, no sandbox (root in a container), nothing fetched from outside.
    private static readonly string[] ChromiumFlags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _folder = Directory.CreateTempSubdirectory("tongsin-browser-").FullName;
    private ServeProcess? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri Address => _server!.Address;
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var db = Path.Combine(_folder, "archive.db");
        FixtureArchive.Build(db).Dispose();
        _server = ServeProcess.Start(db);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TONGSIN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumFlags,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page at desktop width, or at a phone's when asked, that fails the test on a console error.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> NewPage(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.Dialog += async (_, dialog) => { problems.Add("dialog: " + dialog.Message); await dialog.DismissAsync(); };
        return (context, page, problems);
    }

    public async Task<string> Screenshot(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
