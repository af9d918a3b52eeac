using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Tongsin.App.Web;

/// <summary>
/// Where the site lives for its readers, and the host names it answers to. Every absolute address
/// the server writes (a feed's links and ids) is made from the configured base URL, or else from the
/// first address it listens on; never from a request's Host header, which any client can set and
/// which a cache in front would then keep and hand to everyone.
/// </summary>
internal sealed class SiteAddress
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly Func<string?> _firstBound;
    private readonly StringSegment[] _allowed;
    private readonly bool _anyHost;
    private string? _origin;

    /// <param name="firstBound">The first address the server is bound to, once it is (port 0 is only known then).</param>
    public SiteAddress(WebOptions options, Func<string?> firstBound)
    {
        _firstBound = firstBound;
        _origin = options.BaseUrl is { } configured ? Origin(configured) : null;
        var hosts = options.AllowedHosts ?? DefaultHosts(options);
        _anyHost = hosts.Contains("*");
        _allowed = [.. hosts.Select(h => new StringSegment(h))];
    }

    /// <summary>"https://tongsin.example.org": scheme, host and port (when not the scheme's own), no slash at the end.</summary>
    public string Origin()
    {
        if (_origin is not null) return _origin;
        var bound = _firstBound() ?? throw new InvalidOperationException("the server is not listening yet");
        return _origin = Origin(new Uri(bound));
    }

    public bool Allows(HostString host) => _anyHost || !host.HasValue || HostString.MatchesAny(host.Value, _allowed);

    /// <summary>The base URL's host and, when the server listens on loopback (or everywhere), the loopback names.</summary>
    public static IReadOnlyList<string> DefaultHosts(WebOptions options)
    {
        // Kestrel also takes http://*:port and http://+:port, which Uri does not: those listen everywhere.
        var listen = options.Urls.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : "*").ToList();
        var hosts = new List<string>();
        var named = options.BaseUrl?.Host ?? listen[0];
        if (!IsWildcard(named)) hosts.Add(named);
        if (listen.Any(h => IsLoopback(h) || IsWildcard(h))) hosts.AddRange(LoopbackNames);
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>0.0.0.0 and [::]: every address of the machine, which names none of them.</summary>
    public static bool IsWildcard(string host) => host is "0.0.0.0" or "[::]" or "::" or "*" or "+";

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
