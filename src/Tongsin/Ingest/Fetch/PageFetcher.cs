using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Ingest.Fetch;

/// <summary>
/// Fetches pages the way a considerate reader would: per-host spacing and concurrency, retries
/// with jittered exponential back-off on timeouts, resets and 5xx, a per-host circuit that backs
/// off after repeated failures or a 403/429 (honouring Retry-After), conditional GET, compressed
/// answers, the page's own charset, a descriptive User-Agent, and robots.txt unless turned off.
/// One instance serves a whole crawl; it keeps cookies per host (kcna.kp pages need its session).
/// </summary>
public sealed class PageFetcher : IDisposable
{
    public const string DefaultUserAgent = "Tongsin/0.1 (archive of DPRK state media; +https://github.com/tongsin/tongsin)";

    private readonly Func<string, HostPolicy> _policyFor;
    private readonly TimeProvider _clock;
    private readonly string _userAgent;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<RobotsRules?>> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly CookieContainer _cookies = new();

    public PageFetcher(Func<string, HostPolicy> policyFor, TimeProvider clock, string? userAgent = null)
    {
        _policyFor = policyFor;
        _clock = clock;
        _userAgent = userAgent ?? DefaultUserAgent;
    }

    public async Task<FetchResult> FetchAsync(PageRequest request, Validators? validators = null, CancellationToken cancel = default)
    {
        var gate = Gate(request.Url);
        var policy = gate.Policy;
        if (gate.OpenUntil > _clock.GetUtcNow()) return Deferred(request, gate, null);
        if (policy.RespectRobots)
        {
            var robots = await RobotsFor(request.Url, cancel);
            if (robots is null) return Deferred(request, gate, null);
            if (!robots.Allows(request.Url)) return new FetchResult(FetchOutcome.Forbidden, 0, null, null, Validators.None, "robots.txt disallows this page");
        }

        string? lastError = null;
        for (var attempt = 0; attempt <= policy.Retries; attempt++)
        {
            if (attempt > 0) await Task.Delay(Backoff(policy, attempt), _clock, cancel);
            using var slot = await gate.EnterAsync(cancel);
            if (slot is null) return Deferred(request, gate, lastError);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(policy.Timeout);
            try
            {
                using var message = Build(request, validators);
                using var response = await Client(policy).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 403 or 429 || (status == 503 && response.Headers.RetryAfter is not null))
                {
                    gate.Refused(RetryAfter(response.Headers.RetryAfter));
                    return new FetchResult(FetchOutcome.Deferred, status, null, null, Validators.None, $"HTTP {status}", gate.OpenUntil);
                }
                if (status >= 500)
                {
                    gate.Failed();
                    lastError = $"HTTP {status}";
                    continue;
                }
                gate.Succeeded();
                var taken = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                if (status == 304) return new FetchResult(FetchOutcome.NotModified, status, null, response.RequestMessage?.RequestUri, validators ?? taken);
                if (status is 404 or 410) return new FetchResult(FetchOutcome.Missing, status, null, response.RequestMessage?.RequestUri, Validators.None);
                if (status >= 400) return new FetchResult(FetchOutcome.Failed, status, null, null, Validators.None, $"HTTP {status}");
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                var html = Pages.HtmlCharset.DecodeFetched(bytes, response.Content.Headers.ContentType?.ToString());
                return new FetchResult(FetchOutcome.Fetched, status, html, response.RequestMessage?.RequestUri, taken);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                gate.Failed();
                lastError = $"no answer within {policy.Timeout.TotalSeconds:0} s";
            }
            catch (HttpRequestException e)
            {
                gate.Failed();
                lastError = e.InnerException?.Message ?? e.Message;
            }
            catch (IOException e)
            {
                gate.Failed();
                lastError = e.Message;
            }
        }
        return new FetchResult(FetchOutcome.Failed, 0, null, null, Validators.None, lastError);
    }

    private static FetchResult Deferred(PageRequest request, HostGate gate, string? error) =>
        new(FetchOutcome.Deferred, 0, null, null, Validators.None, error ?? $"{request.Url.Host} is backing us off", gate.OpenUntil);

    private HttpRequestMessage Build(PageRequest request, Validators? validators)
    {
        var message = new HttpRequestMessage(request.IsPost ? HttpMethod.Post : HttpMethod.Get, request.Url);
        if (request.Form is { } form) message.Content = new FormUrlEncodedContent(form);
        message.Headers.UserAgent.ParseAdd(_userAgent);
        message.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) message.Headers.IfNoneMatch.Add(tag);
        if (validators?.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) message.Headers.IfModifiedSince = since;
        return message;
    }

    private static TimeSpan Backoff(HostPolicy policy, int attempt)
    {
        // Full jitter: a random time up to the exponential bound, so retries from many items spread out.
        var bound = policy.RetryBase.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(bound / 2 + RandomNumberGenerator.GetInt32(0, Math.Max(1, (int)(bound / 2))));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
    {
        if (value?.Delta is { } delta) return delta;
        if (value?.Date is { } date) return date - _clock.GetUtcNow() is var span && span > TimeSpan.Zero ? span : TimeSpan.Zero;
        return null;
    }

    private HostGate Gate(Uri url) => _gates.GetOrAdd(url.Authority, host => new HostGate(_policyFor(host), _clock));

    // Rules read are kept for the fetcher's life; a robots.txt that could not be read is asked for again next time.
    private async Task<RobotsRules?> RobotsFor(Uri url, CancellationToken cancel)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var loading = _robots.GetOrAdd(origin, o => LoadRobots(new Uri(o + "/robots.txt"), cancel));
        var rules = await loading;
        if (rules is null || ReferenceEquals(rules, RobotsRules.Unreadable)) _robots.TryRemove(new KeyValuePair<string, Task<RobotsRules?>>(origin, loading));
        return ReferenceEquals(rules, RobotsRules.Unreadable) ? RobotsRules.AllowAll : rules;
    }

    private async Task<RobotsRules?> LoadRobots(Uri robotsUrl, CancellationToken cancel)
    {
        var gate = Gate(robotsUrl);
        try
        {
            using var slot = await gate.EnterAsync(cancel);
            if (slot is null) return null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(gate.Policy.Timeout);
            using var message = new HttpRequestMessage(HttpMethod.Get, robotsUrl);
            message.Headers.UserAgent.ParseAdd(_userAgent);
            using var response = await Client(gate.Policy).SendAsync(message, timeout.Token);
            // No robots.txt (4xx) means no rules; an unreachable one is treated the same rather than stopping the crawl.
            if (!response.IsSuccessStatusCode) return RobotsRules.AllowAll;
            return RobotsRules.Parse(await response.Content.ReadAsStringAsync(timeout.Token), _userAgent);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancel.IsCancellationRequested)
        {
            return RobotsRules.Unreadable;
        }
    }

    private HttpClient Client(HostPolicy policy) => _clients.GetOrAdd(policy.Proxy?.ToString() ?? "", _ =>
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            CookieContainer = _cookies,
            UseCookies = true,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            Proxy = policy.Proxy is null ? null : new WebProxy(policy.Proxy),
            UseProxy = policy.Proxy is not null,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    });

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }
}
