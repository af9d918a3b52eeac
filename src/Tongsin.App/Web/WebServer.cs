using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tongsin.Archive;

namespace Tongsin.App.Web;

/// <summary>
/// The web host over an archive: pages, the JSON API, feeds and static files, behind security
/// headers, error handling and a per-client rate limit. The caller owns the archive.
/// </summary>
public static class WebServer
{
    // No inline script or style anywhere, so the policy can forbid both.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication Build(IArchive archive, WebOptions options, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeaderBytes;
            k.Limits.MaxRequestLineSize = options.MaxRequestLineBytes;
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                options.RequestsPerWindow <= 0
                    ? RateLimitPartition.GetNoLimiter("all")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.RequestsPerWindow,
                        Window = options.Window,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(Errors.Write(context, StatusCodes.Status429TooManyRequests,
                    $"This address has made more than {options.RequestsPerWindow} requests in {options.Window.TotalSeconds:0} seconds. Wait a moment and try again."));
            };
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            AddSecurityHeaders(context.Response);
            return next(context);
        });
        app.Use((context, next) => Errors.Catch(context, () => next(context)));
        app.UseStatusCodePages(context => Errors.WriteBare(context.HttpContext));
        app.UseRateLimiter();

        app.MapMethods("/static/{name}", Routes.Read, (HttpContext c, string name) =>
        {
            if (StaticAssets.Find(name) is not { } asset) return Errors.Write(c, StatusCodes.Status404NotFound, $"There is no file {name}.");
            // Pages link each file with its hash in the address (StaticAsset.Path), so a copy never goes stale.
            return Respond.Bytes(c, asset.Content, asset.ContentType, tagged: true, cacheControl: StaticAssets.CacheControl);
        });
        PageEndpoints.Map(app, archive);
        ApiEndpoints.Map(app, archive);
        FeedEndpoints.Map(app, archive, clock);
        return app;
    }

    internal static void AddSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // Links lead to the outlets' own sites; they need not learn what a reader was looking at here.
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
    }

    // One window per client address; a request with no address (a test server) shares one.
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();
}
