namespace Tongsin.App.Web;

/// <summary>How `tongsin serve` listens and what it allows each client.</summary>
public sealed record WebOptions
{
    /// <summary>Loopback only unless told otherwise: the archive is for its owner until they choose to share it.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>Requests each client address may make per window; 0 turns the limit off.</summary>
    public int RequestsPerWindow { get; init; } = 600;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Every route reads, so a request has no business carrying a large body.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024;

    public int MaxRequestHeaderBytes { get; init; } = 32 * 1024;

    public int MaxRequestLineBytes { get; init; } = 8 * 1024;

    /// <summary>What one search may cost: its time from arrival to answer, and the words one prefix may stand for.</summary>
    public Tongsin.Search.SearchBounds SearchBounds { get; init; } = Tongsin.Search.SearchBounds.Default;

    /// <summary>How many searches run at once; the others wait their turn within their budget.</summary>
    public int Searches { get; init; } = Environment.ProcessorCount;
}
