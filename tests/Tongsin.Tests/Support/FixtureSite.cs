using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tongsin.Tests.Support;

/// <summary>A fault the fixture site plays on the next request to a path.</summary>
public abstract record SiteFault
{
    public sealed record Slow(TimeSpan Delay) : SiteFault;
    public sealed record Reset : SiteFault;
    public sealed record Status(int Code, int? RetryAfterSeconds = null) : SiteFault;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 that serves fixture pages and misbehaves on demand: slow answers,
/// connection resets, error statuses, 429 with Retry-After, bans, pages edited or deleted between
/// requests. It records every request with the time it arrived.
/// </summary>
public sealed class FixtureSite : IAsyncDisposable
{
    private sealed record Page(byte[] Body, string ContentType, string? ETag, string? Encoding);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SiteFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(DateTimeOffset At, string Method, string Path, IHeaderDictionary Headers, string? Form)> _requests = new();
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;

    private FixtureSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<(DateTimeOffset At, string Method, string Path, IHeaderDictionary Headers, string? Form)> Requests => _requests.ToList();

    public IEnumerable<DateTimeOffset> ArrivalsAt(string pathPrefix) => Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).Select(r => r.At);

    public static async Task<FixtureSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new FixtureSite(app);
        app.Run(site.Serve);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1"));
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public void Serve(string pathAndQuery, string html, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        _pages[pathAndQuery] = new Page(Encoding.UTF8.GetBytes(html), contentType, etag, null);

    public void ServeBytes(string pathAndQuery, byte[] body, string contentType, string? contentEncoding = null) =>
        _pages[pathAndQuery] = new Page(body, contentType, null, contentEncoding);

    public void Remove(string pathAndQuery) => _pages.TryRemove(pathAndQuery, out _);

    public void Fault(string pathAndQuery, params SiteFault[] faults)
    {
        var queue = _faults.GetOrAdd(pathAndQuery, _ => new ConcurrentQueue<SiteFault>());
        foreach (var f in faults) queue.Enqueue(f);
    }

    /// <summary>Every request gets 403 for a while, as vok.rep.kp does to an address it has banned.</summary>
    public void Ban(TimeSpan span) => _bannedUntil = DateTimeOffset.UtcNow + span;

    private async Task Serve(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        var key = context.Request.Path + context.Request.QueryString;
        string? form = null;
        if (context.Request.HasFormContentType)
            form = string.Join("&", (await context.Request.ReadFormAsync()).Select(kv => $"{kv.Key}={kv.Value}"));
        // Kestrel reuses the request's header collection once the response is sent: keep a copy.
        var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
        _requests.Enqueue((arrived, context.Request.Method, key, headers, form));

        if (DateTimeOffset.UtcNow < _bannedUntil) { context.Response.StatusCode = 403; return; }
        if (_faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
        {
            switch (fault)
            {
                case SiteFault.Slow slow:
                    await Task.Delay(slow.Delay, context.RequestAborted).ContinueWith(_ => { });
                    break;
                case SiteFault.Reset:
                    context.Abort();
                    return;
                case SiteFault.Status status:
                    context.Response.StatusCode = status.Code;
                    if (status.RetryAfterSeconds is { } s) context.Response.Headers.RetryAfter = s.ToString();
                    return;
            }
        }
        if (!_pages.TryGetValue(key, out var page)) { context.Response.StatusCode = 404; return; }
        if (page.ETag is not null)
        {
            context.Response.Headers.ETag = page.ETag;
            if (context.Request.Headers.IfNoneMatch == page.ETag) { context.Response.StatusCode = 304; return; }
        }
        context.Response.ContentType = page.ContentType;
        if (page.Encoding is not null) context.Response.Headers.ContentEncoding = page.Encoding;
        await context.Response.Body.WriteAsync(page.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
