using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Tongsin.App.Web;

/// <summary>One file the site serves from inside the executable, named by a hash of its content.</summary>
internal sealed record StaticAsset(string Name, string ContentType, byte[] Content, string ETag)
{
    // The version in the path changes with the content, so browsers may keep a copy for a long time.
    public string Path => $"/static/{Name}?v={ETag.Trim('"')}";
}

/// <summary>
/// The stylesheet, script and icon, embedded in the executable so that `tongsin serve` works from
/// any folder and needs nothing beside it.
/// </summary>
internal static class StaticAssets
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static readonly StaticAsset Css = Load("site.css", "text/css; charset=utf-8");
    public static readonly StaticAsset Script = Load("site.js", "text/javascript; charset=utf-8");
    public static readonly StaticAsset Icon = Load("icon.svg", "image/svg+xml");
    public static readonly StaticAsset OpenApi = Load("openapi.json", "application/json; charset=utf-8");

    public static void Map(IEndpointRouteBuilder app) => app.MapRead("/static/{name}", GetAsset);

    // Pages link each file with its hash in the address (StaticAsset.Path), so a copy never goes stale.
    public static Results<AssetResult, ErrorResult> GetAsset(string name) =>
        Find(name) is { } asset ? new AssetResult(asset, CacheControl) : ErrorResult.NotFound($"There is no file {name}.");

    public static StaticAsset? Find(string name) => name switch
    {
        "site.css" => Css,
        "site.js" => Script,
        "icon.svg" => Icon,
        _ => null,
    };

    private static StaticAsset Load(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tongsin.App.Web.wwwroot." + name)
            ?? throw new InvalidOperationException($"the executable lacks its embedded {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new StaticAsset(name, contentType, bytes, ETags.Of(bytes));
    }
}
