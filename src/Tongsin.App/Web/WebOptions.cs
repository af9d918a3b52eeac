namespace Tongsin.App.Web;

/// <summary>How `tongsin serve` listens and what it allows each client.</summary>
public sealed record WebOptions
{
    /// <summary>Loopback only unless told otherwise: the archive is for its owner until they choose to share it.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>
    /// The address readers use ("https://tongsin.example.org"), which feeds' links and ids are written
    /// with. Null: the first of <see cref="Urls"/> as bound.
    /// </summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>
    /// The host names a request may name in its Host header ("*" any, "*.example.org" its subdomains);
    /// others are refused with 400. Null: the base URL's host, and the loopback names when listening on loopback.
    /// </summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>Requests each client address may make per window; 0 turns the limit off.</summary>
    public int RequestsPerWindow { get; init; } = 600;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Every route reads, so a request has no business carrying a large body.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>The request line, headers and header count a request may have (see RequestLimits).</summary>
    public int MaxRequestHeaderBytes { get; init; } = 32 * 1024;

    public int MaxRequestLineBytes { get; init; } = 8 * 1024;

    public int MaxRequestHeaderCount { get; init; } = 100;

    /// <summary>What one search may cost: its time from arrival to answer, and the words one prefix may stand for.</summary>
    public Tongsin.Search.SearchBounds SearchBounds { get; init; } = Tongsin.Search.SearchBounds.Default;

    /// <summary>How many searches run at once; the others wait their turn within their budget.</summary>
    public int Searches { get; init; } = Environment.ProcessorCount;
}
