namespace Tongsin.Ingest.Fetch;

/// <summary>
/// How gently to treat one host. The defaults suit the DPRK sites: one request at a time, a pause
/// between requests, patience with slow answers, and a long back-off when the host refuses us
/// (vok.rep.kp bans an address for minutes after a burst).
/// </summary>
public sealed record HostPolicy
{
    /// <summary>Least time between the starts of two requests to the host. Zero turns politeness off.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests in flight to the host at once.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>How long one request may take; the sites can take a minute to answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Further tries after a timeout, a reset or a 5xx.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first back-off; each retry doubles it, with jitter.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed requests in a row that open the circuit.</summary>
    public int FailuresToOpen { get; init; } = 5;

    /// <summary>How long an open circuit keeps every request to the host back, unless the host says otherwise with Retry-After.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(10);

    public bool RespectRobots { get; init; } = true;

    /// <summary>An HTTP proxy for this host's requests, or null for a direct connection.</summary>
    public Uri? Proxy { get; init; }
}
