using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tongsin.App.Web.Api;
using Tongsin.App.Web.Feeds;
using Tongsin.App.Web.Pages;
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
            // Above the limits RequestLimits enforces, which answer with a message and the security headers.
            k.Limits.MaxRequestHeadersTotalSize = RequestLimits.KestrelFactor * options.MaxRequestHeaderBytes;
            k.Limits.MaxRequestLineSize = RequestLimits.KestrelFactor * options.MaxRequestLineBytes;
            k.Limits.MaxRequestHeaderCount = RequestLimits.KestrelFactor * options.MaxRequestHeaderCount;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(archive);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<SearchGate>();
        builder.Services.AddSingleton<Tongsin.Analysis.Reprints.ReprintGroupCache>();
        // Read once, when an entity page is first asked for.
        builder.Services.AddSingleton(_ => Tongsin.Analysis.Entities.Gazetteer.Load());
        builder.Services.AddSingleton(services => new Tongsin.Analysis.Entities.MentionRecogniser(services.GetRequiredService<Tongsin.Analysis.Entities.Gazetteer>()));
        // The gazetteer and the lexicon, read once, when the rhetoric index is first asked for.
        builder.Services.AddSingleton(_ => Tongsin.Analysis.Rhetoric.RhetoricScorer.Load());
        // The first address bound, once it is: port 0 is only known then.
        builder.Services.AddSingleton(services => new SiteAddress(options,
            () => services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()));
        // Problems the API's endpoints return are written like every other error the site sends.
        builder.Services.AddSingleton<IProblemDetailsService, ProblemWriter>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = Respond.JsonOptions.Encoder;
            json.SerializerOptions.WriteIndented = Respond.JsonOptions.Indented;
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        var app = builder.Build();
        var site = app.Services.GetRequiredService<SiteAddress>();
        app.Use((context, next) =>
        {
            AddSecurityHeaders(context.Response);
            return next(context);
        });
        app.Use((context, next) => Errors.Catch(context, () => next(context)));
        app.Use((context, next) => RequestLimits.Check(context, options, () => next(context)));
        app.UseStatusCodePages(context => Errors.WriteBare(context.HttpContext));
        app.Use((context, next) => site.Allows(context.Request.Host) ? next(context) : RefuseHost(context, site));
        if (options.RequestsPerWindow > 0)
        {
            var limit = new RateLimit(options.RequestsPerWindow, options.Window, clock);
            app.Use((context, next) => limit.Take(ClientKey(context)) is { } wait ? RefuseForNow(context, limit, wait) : next(context));
        }

        MapRoutes(app);
        return app;
    }

    /// <summary>Every route, a feature at a time; each feature's file holds its handlers.</summary>
    private static void MapRoutes(IEndpointRouteBuilder app)
    {
        StaticAssets.Map(app);
        HomePage.Map(app);
        SourcesPage.Map(app);
        SourcePage.Map(app);
        ArticlePage.Map(app);
        SearchPage.Map(app);
        TrendsPage.Map(app);
        EntitiesPage.Map(app);
        AppearancesPage.Map(app);
        EntityFeed.Map(app);
        StatementsPage.Map(app);
        StatementFeed.Map(app);
        RhetoricPage.Map(app);
        SourceFeed.Map(app);
        SearchFeed.Map(app);

        var api = app.MapGroup("/api");
        ArticlesApi.Map(api);
        ArticleApi.Map(api);
        SearchApi.Map(api);
        SourcesApi.Map(api);
        TrendsApi.Map(api);
        EntitiesApi.Map(api);
        AppearancesApi.Map(api);
        StatementsApi.Map(api);
        RhetoricApi.Map(api);
        StatsApi.Map(api);
        OpenApiDocument.Map(api);
        UnknownApi.Map(api);
    }

    // A request naming another host is meant for another site (or is a probe for one that trusts Host).
    private static Task RefuseHost(HttpContext context, SiteAddress site)
    {
        var host = context.Request.Host.Host;
        return Errors.Write(context, StatusCodes.Status400BadRequest,
            $"This server does not answer to the host name '{(host.Length > 60 ? host[..57] + "..." : host)}'. It is at {site.Origin()}.");
    }

    private static Task RefuseForNow(HttpContext context, RateLimit limit, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Errors.Write(context, StatusCodes.Status429TooManyRequests,
            $"This address has made {limit.Permits} requests, the most allowed in {limit.Length.TotalSeconds:0} seconds. Try again in {Display.Count(seconds, "second", "seconds")}.");
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
