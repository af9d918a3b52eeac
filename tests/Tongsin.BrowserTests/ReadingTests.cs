using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tongsin.BrowserTests;

/// <summary>What a person does: open the home page, search, open a hit, follow "More From", page through a source.</summary>
public sealed class ReadingTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task Shot(IPage page, string name) => output.WriteLine("screenshot: " + await browser.Screenshot(page, name));

    [Fact]
    public async Task Home_page_shows_the_latest_articles_and_the_sources()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Latest articles" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tidal power station begins trial run" })).ToBeVisibleAsync();
        await Expect(page.Locator("aside").GetByRole(AriaRole.Link, new() { Name = "Voice of Korea (EN)" })).ToBeVisibleAsync();
        await Shot(page, "home");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Search_for_a_word_open_a_hit_and_follow_More_From()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the archive" });
        await box.FillAsync("turbines");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/search\?q=turbines"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 result");
        await Expect(page.Locator("ol.hits mark").First).ToHaveTextAsync("turbines");
        await Shot(page, "search");

        await page.Locator("ol.hits").GetByRole(AriaRole.Link, new() { Name = "Tidal power station begins trial run" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tidal power station begins trial run");
        await Expect(page.Locator(".dateline")).ToHaveTextAsync("Date: 14/02/2026 | Source: Voice of Korea (EN)");
        await Expect(page.GetByText("Engineers fitted fourteen turbines")).ToBeVisibleAsync();
        await Shot(page, "article");

        var more = page.Locator("section.more-from");
        await Expect(more.GetByRole(AriaRole.Heading, new() { Name = "More From Voice of Korea (EN)" })).ToBeVisibleAsync();
        var card = more.Locator("a.title").First;
        var title = await card.InnerTextAsync();
        await card.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Shot(page, "more-from");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Page_through_a_source_with_More_Articles()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/sources");
        await Shot(page, "sources");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voice of Korea (EN)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voice of Korea (EN)");
        await Expect(page.GetByText("Page 1 of 2")).ToBeVisibleAsync();
        var firstPage = await page.Locator("ol.articles a.title").AllInnerTextsAsync();
        await Shot(page, "source");

        await page.GetByRole(AriaRole.Link, new() { Name = "More Articles" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"page=2$"));
        await Expect(page.GetByText("Page 2 of 2")).ToBeVisibleAsync();
        var secondPage = await page.Locator("ol.articles a.title").AllInnerTextsAsync();
        Assert.Equal(20, firstPage.Count);
        Assert.Equal(11, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "More Articles" })).ToHaveCountAsync(0);
        await Shot(page, "source-page-2");

        await page.GetByRole(AriaRole.Link, new() { Name = "Newer articles" }).ClickAsync();
        await Expect(page.GetByText("Page 1 of 2")).ToBeVisibleAsync();
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_script_in_a_title_shows_as_text_and_never_runs()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/search?q=editorial");
        await page.Locator("ol.hits a.title").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(FixtureArchive.ScriptTitle);
        await Expect(page.GetByText("holds <img src=x onerror=alert(1)> as plain words")).ToBeVisibleAsync();
        await Shot(page, "script-title");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Choosing_versions_shows_the_changes()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/search?q=tidal");
        await page.Locator("ol.hits a.title").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "compare with version 2" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"diff=1\.\.2$"));
        await Expect(page.Locator("section.diff .body del").First).ToHaveTextAsync("twelve");
        await Expect(page.Locator("section.diff .body ins").First).ToHaveTextAsync("fourteen");
        await Shot(page, "diff");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Search_filters_live_in_the_address()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/search");
        await page.GetByLabel("Words").FillAsync("looms");
        await page.GetByLabel("Source").SelectOptionAsync("voice-of-korea-en");
        await page.GetByLabel("Order").SelectOptionAsync("newest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).Last.ClickAsync();
        // With JavaScript on, empty filters stay out of the address.
        await page.WaitForURLAsync(new Regex(@"/search\?q=looms&source=voice-of-korea-en&sort=newest$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("26 results");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByText("Page 2 of 2")).ToBeVisibleAsync();
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Pages_fit_a_phone_screen()
    {
        var (context, page, problems) = await browser.NewPage(390, 844);
        await using var _ = context;
        foreach (var (path, name) in new[] { ("/", "phone-home"), ("/search?q=looms", "phone-search"), ("/sources", "phone-sources") })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 390px");
            await Shot(page, name);
        }
        await page.GotoAsync("/");
        await page.Locator("ol.articles a.title").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0);
        await Shot(page, "phone-article");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Pages_work_with_JavaScript_off()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.Address.ToString(), JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search");
        await page.GetByLabel("Words").FillAsync("turbines");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 result");
        await page.Locator("ol.hits a.title").First.ClickAsync();
        await page.GetByLabel("Compare").SelectOptionAsync("1..2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show changes" }).ClickAsync();
        await Expect(page.Locator("section.diff .body ins").First).ToHaveTextAsync("fourteen");
    }

    [Fact]
    public async Task Draw_a_trend_with_JavaScript_off_and_follow_a_point_to_its_articles()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.Address.ToString(), JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/trends");
        await page.GetByLabel("Query 1").FillAsync("looms");
        await page.GetByLabel("Every").SelectOptionAsync("month");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/trends\?q=looms"));
        var chart = page.Locator("svg.trend-chart");
        await Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box!.Width > 300 && box.Height > 150, $"the chart is drawn {box.Width} by {box.Height}");
        await Expect(page.Locator("figure.trend figcaption")).ToContainTextAsync("looms: 26 articles");
        await Shot(page, "trends");
        await page.Locator("svg.trend-chart circle").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/search\?q=looms&from=2025-12-01&to=2025-12-31"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("26 results");
    }

    [Fact]
    public async Task Drag_across_a_trend_chart_to_narrow_its_dates_and_show_all_dates_again()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        // The textile mills' 26 daily reports, 5 to 30 December 2025: a point a day.
        await page.GotoAsync("/trends?q=looms&interval=day&measure=count");
        var chart = page.Locator("svg.trend-chart");
        await Expect(page.Locator("figure.trend figcaption")).ToContainTextAsync("looms: 26 articles");
        await Expect(page.GetByText("Drag across the chart to narrow it to those dates.")).ToBeVisibleAsync();
        // Each point holds its values, which the browser shows on hover.
        var tenth = chart.Locator("circle", new() { Has = page.Locator("title", new() { HasText = "looms, 2025-12-10: 1 of" }) });
        var twentieth = chart.Locator("circle", new() { Has = page.Locator("title", new() { HasText = "looms, 2025-12-20: 1 of" }) });
        await Expect(tenth).ToHaveCountAsync(1);

        // From the point of 10 December to that of 20 December.
        var (a, b) = ((await tenth.BoundingBoxAsync())!, (await twentieth.BoundingBoxAsync())!);
        float X(LocatorBoundingBoxResult point) => point.X + point.Width / 2;
        var y = (await chart.BoundingBoxAsync())!.Y + 40;
        await page.Mouse.MoveAsync(X(a), y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((X(a) + X(b)) / 2, y, new() { Steps = 5 });
        await page.Mouse.MoveAsync(X(b), y, new() { Steps = 5 });
        await Expect(chart.Locator("rect.zoom-band")).ToHaveCountAsync(1);
        await page.Mouse.UpAsync();
        await page.WaitForURLAsync(new Regex(@"/trends\?q=looms&interval=day&measure=count&from=2025-12-10&to=2025-12-20$"));
        await Expect(page.GetByLabel("From")).ToHaveValueAsync("2025-12-10");
        await Expect(page.GetByLabel("To")).ToHaveValueAsync("2025-12-20");
        await Expect(page.Locator("figure.trend figcaption")).ToContainTextAsync("looms: 11 articles");
        Assert.Equal(11, await chart.Locator("circle").CountAsync());
        await Shot(page, "trends-zoomed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show all dates" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/trends\?q=looms&interval=day&measure=count$"));
        await Expect(page.Locator("figure.trend figcaption")).ToContainTextAsync("looms: 26 articles");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_bar_of_the_years_histogram_narrows_the_search()
    {
        var (context, page, problems) = await browser.NewPage();
        await using var _ = context;
        await page.GotoAsync("/search?q=power");
        if (!await page.Locator("details.facets").GetAttributeAsync("open").ContinueWith(t => t.Result is not null))
            await page.GetByText("Narrow the results").ClickAsync();
        var bars = page.Locator("svg.year-bars rect");
        Assert.True(await bars.CountAsync() >= 1);
        await bars.Last.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"from=\d{4}-01-01&to=\d{4}-12-31"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("result");
        Assert.Empty(problems);
    }
}
