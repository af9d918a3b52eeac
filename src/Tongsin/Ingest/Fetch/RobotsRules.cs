using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongsin.Ingest.Fetch;

/// <summary>
/// A robots.txt as it applies to one user agent: the group naming the agent (or else the "*"
/// group), Allow and Disallow paths with * and $, the longest match winning (Allow on a tie), and
/// Crawl-delay.
/// </summary>
public sealed class RobotsRules
{
    private sealed record Rule(Regex Pattern, int Length, bool Allow);

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<Rule> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }

    private readonly IReadOnlyList<Rule> _rules;

    private RobotsRules(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Allows everything like <see cref="AllowAll"/>, but says the robots.txt could not be read.</summary>
    internal static RobotsRules Unreadable { get; } = new([], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string userAgent)
    {
        var token = userAgent.Split('/', ' ')[0].ToLowerInvariant();
        var groups = new List<Group>();
        Group? current = null;
        var inAgentLines = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // Consecutive User-agent lines share one group.
                if (current is null || !inAgentLines) groups.Add(current = new Group());
                current.Agents.Add(value.ToLowerInvariant());
                inAgentLines = true;
                continue;
            }
            inAgentLines = false;
            if (current is null) continue;
            switch (key)
            {
                case "disallow" when value.Length > 0: current.Rules.Add(Compile(value, allow: false)); break;
                case "allow" when value.Length > 0: current.Rules.Add(Compile(value, allow: true)); break;
                case "crawl-delay" when double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0:
                    current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 600));
                    break;
            }
        }
        var mine = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal)))
            ?? groups.FirstOrDefault(g => g.Agents.Contains("*"));
        return mine is null ? AllowAll : new RobotsRules(mine.Rules, mine.CrawlDelay);
    }

    public bool Allows(Uri url)
    {
        var path = url.PathAndQuery;
        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (!rule.Pattern.IsMatch(path)) continue;
            if (best is null || rule.Length > best.Length || (rule.Length == best.Length && rule.Allow)) best = rule;
        }
        return best?.Allow ?? true;
    }

    private static Rule Compile(string path, bool allow)
    {
        var anchored = path.EndsWith('$');
        var body = anchored ? path[..^1] : path;
        var regex = "^" + string.Join(".*", body.Split('*').Select(Regex.Escape)) + (anchored ? "$" : "");
        return new Rule(new Regex(regex, RegexOptions.CultureInvariant), path.Length, allow);
    }
}
