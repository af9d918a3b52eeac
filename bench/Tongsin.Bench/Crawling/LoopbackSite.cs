using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tongsin.Bench.Crawling;

/// <summary>
/// A Rodong Sinmun site in its pre-2022 layout on 127.0.0.1: one English list page linking every
/// article, and the articles. It notes when each request arrived, to check the crawler's pace.
/// </summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(long Timestamp, string Path)> _arrivals = new();

    private LoopbackSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<(long Timestamp, string Path)> Arrivals => _arrivals.ToList();

    public static async Task<LoopbackSite> StartAsync(int articles, int paragraphs, int seed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new LoopbackSite(app);
        site.Fill(articles, paragraphs, seed);
        app.Run(site.Serve);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return site;
    }

    public void ClearArrivals() => _arrivals.Clear();

    private static readonly string[] Words =
        ["the", "workers", "of", "factory", "province", "county", "plan", "production", "innovation", "technical", "field",
         "meeting", "party", "people", "country", "spring", "sowing", "construction", "power", "station", "railway", "school",
         "hospital", "science", "cooperative", "farm", "fishermen", "steel", "complex", "machine", "export", "friendship"];

    private void Fill(int articles, int paragraphs, int seed)
    {
        var random = new Random(seed);
        var list = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>Rodong Sinmun</title></head><body><div class=\"ListNewsContainer\">");
        for (var i = 0; i < articles; i++)
        {
            var day = new DateOnly(2026, 1, 1).AddDays(i % 300);
            var id = $"{day:yyyy-MM-dd}-{i:D4}";
            var title = $"{Sentence(random, 6)} {i}";
            list.Append($"<div class=\"ListNewsLineContainer\"><div class=\"ListNewsLineTitleW\"><a href=\"javascript:article_open('index.php?strPageID=SF01_02_01&newsID={id}')\">{WebUtility.HtmlEncode(title)}</a></div><div class=\"ListNewsLineDate\">{day:yyyy.MM.dd}</div></div>");
            var body = new StringBuilder();
            for (var p = 0; p < paragraphs; p++) body.Append($"<p class=\"ArticleContent\">{WebUtility.HtmlEncode(Sentence(random, 60))}.</p>");
            var date = $"{day.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture)}. {day.Day},&nbsp;Juche {day.Year - 1911} ({day.Year})&nbsp;&nbsp;{day.DayOfWeek}";
            _pages[$"/en/index.php?strPageID=SF01_02_01&newsID={id}"] = Encoding.UTF8.GetBytes(
                $"<html><head><meta charset=\"utf-8\"></head><body><div class=\"ArticleHeaderContainer\"><div class=\"ArticleMenuDate\">{date}</div>"
                + "<div class=\"ArticleRightMark\"><img src=\"images/page_article_markEN.PNG\"></div></div>"
                + $"<p class=\"ArticleContent\" align=\"center\"><font>{WebUtility.HtmlEncode(title)}</font></p>{body}<p class=\"ArticleContent\" align=\"right\">Rodong Sinmun</p></body></html>");
        }
        _pages["/en/"] = Encoding.UTF8.GetBytes(list.Append("</div></body></html>").ToString());
    }

    private static string Sentence(Random random, int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++) sb.Append(i == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    private async Task Serve(HttpContext context)
    {
        var key = context.Request.Path + context.Request.QueryString;
        _arrivals.Enqueue((System.Diagnostics.Stopwatch.GetTimestamp(), key));
        if (!_pages.TryGetValue(key, out var page)) { context.Response.StatusCode = 404; return; }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(page);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
