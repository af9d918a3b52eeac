using System.Reflection;
using System.Security.Cryptography;

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
