using Tongsin.Model;

namespace Tongsin.Ingest.Fetch;

public enum FetchOutcome
{
    /// <summary>The page came back; <see cref="FetchResult.Html"/> holds it.</summary>
    Fetched,
    /// <summary>304: the page has not changed since the validators were taken.</summary>
    NotModified,
    /// <summary>404 or 410: the host says the page is not there.</summary>
    Missing,
    /// <summary>robots.txt forbids the page.</summary>
    Forbidden,
    /// <summary>The host is backing us off (open circuit); try again after <see cref="FetchResult.RetryAt"/>.</summary>
    Deferred,
    /// <summary>Every try failed; <see cref="FetchResult.Error"/> says how.</summary>
    Failed,
}

public sealed record FetchResult(
    FetchOutcome Outcome,
    int Status,
    string? Html,
    Uri? FinalUrl,
    Validators Validators,
    string? Error = null,
    DateTimeOffset? RetryAt = null);
