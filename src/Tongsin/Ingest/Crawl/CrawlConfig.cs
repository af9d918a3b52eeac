using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tongsin.Ingest.Fetch;

namespace Tongsin.Ingest.Crawl;

/// <summary>
/// One site in one language to crawl: where (the site or a mirror of it), how often, and how gently.
/// Its name, "kcna.kp/en" unless given, keys its pages in the crawl queue.
/// </summary>
public sealed record CrawlSource(string Site, string Language, Uri BaseUrl)
{
    public string Name => $"{Site}/{Language}";
    public TimeSpan Every { get; init; } = TimeSpan.FromHours(1);
    public HostPolicy Politeness { get; init; } = new();
    /// <summary>Listing pages read per pass at most; reading also stops at a page with nothing new.</summary>
    public int ListingPages { get; init; } = 5;
    public bool Enabled { get; init; } = true;
}

/// <summary>How often an article is fetched again to catch edits and removals, by its age.</summary>
public sealed record RecheckStep(TimeSpan Until, TimeSpan Every);

/// <summary>
/// What to crawl. Read from a JSON file (see docs/crawling.md); without one, the outlets' own sites.
/// </summary>
public sealed record CrawlConfig(IReadOnlyList<CrawlSource> Sources)
{
    public string UserAgent { get; init; } = PageFetcher.DefaultUserAgent;

    /// <summary>Daily for 30 days, then weekly for a year, then no more.</summary>
    public IReadOnlyList<RecheckStep> Recheck { get; init; } =
        [new(TimeSpan.FromDays(30), TimeSpan.FromDays(1)), new(TimeSpan.FromDays(365), TimeSpan.FromDays(7))];

    public static CrawlConfig Default { get; } = new(
    [
        new("kcna.kp", "en", new Uri("http://www.kcna.kp")),
        new("kcna.kp", "ko", new Uri("http://www.kcna.kp")),
        new("rodong.rep.kp", "en", new Uri("http://www.rodong.rep.kp")),
        new("rodong.rep.kp", "ko", new Uri("http://www.rodong.rep.kp")),
        new("vok.rep.kp", "en", new Uri("http://vok.rep.kp")) { Politeness = new HostPolicy { Delay = TimeSpan.FromSeconds(5), Cooldown = TimeSpan.FromMinutes(10) } },
        new("vok.rep.kp", "ko", new Uri("http://vok.rep.kp")) { Politeness = new HostPolicy { Delay = TimeSpan.FromSeconds(5), Cooldown = TimeSpan.FromMinutes(10) } },
        new("mfa.gov.kp", "en", new Uri("http://www.mfa.gov.kp")),
    ]);

    /// <summary>The next time to fetch an article first seen at <paramref name="firstSeen"/>, or null when it is old enough to leave.</summary>
    public DateTimeOffset? NextRecheck(DateTimeOffset firstSeen, DateTimeOffset now)
    {
        var age = now - firstSeen;
        foreach (var step in Recheck)
            if (age < step.Until) return now + step.Every;
        return null;
    }

    /// <summary>The politeness for a host: that of the first source whose base address is on it.</summary>
    public HostPolicy PolicyFor(string authority) =>
        Sources.FirstOrDefault(s => string.Equals(s.BaseUrl.Authority, authority, StringComparison.OrdinalIgnoreCase))?.Politeness ?? new HostPolicy();

    /// <summary>Reads a configuration file; a mistake is reported with what is wrong, never half-read.</summary>
    public static CrawlConfig Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CrawlConfigException($"cannot read {path}: {e.Message}"); }
        ConfigFile? file;
        try { file = JsonSerializer.Deserialize<ConfigFile>(text, JsonOptions); }
        catch (JsonException e) { throw new CrawlConfigException($"{path}: not valid JSON: {e.Message}"); }
        if (file?.Sources is not { Count: > 0 }) throw new CrawlConfigException($"{path}: no sources");
        var sources = file.Sources.Select((s, i) => s.ToSource(path, i)).ToList();
        var config = new CrawlConfig(sources);
        if (file.UserAgent is { Length: > 0 } ua) config = config with { UserAgent = ua };
        if (file.Recheck is { Count: > 0 } steps)
            config = config with { Recheck = steps.Select((r, i) => new RecheckStep(Duration(r.Until, $"{path}: recheck[{i}].until"), Duration(r.Every, $"{path}: recheck[{i}].every"))).ToList() };
        return config;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>"500ms", "90s", "5m", "2h", "30d", or a plain number of seconds.</summary>
    public static TimeSpan Duration(string? text, string where)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CrawlConfigException($"{where}: a duration is missing");
        var t = text.Trim().ToLowerInvariant();
        var unit = t.EndsWith("ms", StringComparison.Ordinal) ? "ms" : char.IsLetter(t[^1]) ? t[^1].ToString() : "s";
        var number = char.IsLetter(t[^1]) ? t[..^unit.Length] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
            throw new CrawlConfigException($"{where}: '{text}' is not a duration (like 90s, 5m, 2h, 30d)");
        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => throw new CrawlConfigException($"{where}: '{text}' has an unknown unit (use ms, s, m, h or d)"),
        };
    }

    private sealed record ConfigFile(string? UserAgent, List<SourceEntry>? Sources, List<RecheckEntry>? Recheck);

    private sealed record RecheckEntry(string? Until, string? Every);

    private sealed record SourceEntry(
        string? Site, string? Language, string? Base, string? Every, string? Delay, int? Concurrency, string? Timeout,
        int? Retries, string? Cooldown, string? Proxy, bool? RespectRobots, int? ListingPages, bool? Enabled)
    {
        public CrawlSource ToSource(string path, int index)
        {
            var where = $"{path}: sources[{index}]";
            if (string.IsNullOrWhiteSpace(Site)) throw new CrawlConfigException($"{where}: 'site' is missing");
            if (string.IsNullOrWhiteSpace(Language)) throw new CrawlConfigException($"{where}: 'language' is missing");
            if (!Uri.TryCreate(Base ?? $"http://{Site}", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                throw new CrawlConfigException($"{where}: 'base' must be an http or https address");
            Uri? proxy = null;
            if (Proxy is not null && (!Uri.TryCreate(Proxy, UriKind.Absolute, out proxy)))
                throw new CrawlConfigException($"{where}: 'proxy' must be an address like http://127.0.0.1:8118");
            var defaults = new HostPolicy();
            var policy = defaults with
            {
                Delay = Delay is null ? defaults.Delay : Duration(Delay, where + ".delay"),
                Concurrency = Concurrency ?? defaults.Concurrency,
                Timeout = Timeout is null ? defaults.Timeout : Duration(Timeout, where + ".timeout"),
                Retries = Retries ?? defaults.Retries,
                Cooldown = Cooldown is null ? defaults.Cooldown : Duration(Cooldown, where + ".cooldown"),
                Proxy = proxy,
                RespectRobots = RespectRobots ?? defaults.RespectRobots,
            };
            if (policy.Concurrency < 1) throw new CrawlConfigException($"{where}: 'concurrency' must be at least 1");
            return new CrawlSource(Site.Trim(), Language.Trim().ToLowerInvariant(), baseUrl)
            {
                Every = Every is null ? TimeSpan.FromHours(1) : Duration(Every, where + ".every"),
                Politeness = policy,
                ListingPages = ListingPages ?? 5,
                Enabled = Enabled ?? true,
            };
        }
    }
}

/// <summary>A crawl configuration that cannot be used, with what is wrong in it.</summary>
public sealed class CrawlConfigException(string message) : Exception(message);
