using System.Net;
using System.Text;

namespace Tongsin.Search;

/// <summary>Match markers inside snippets, and the ways to show them: plain, HTML, or terminal.</summary>
public static class Snippets
{
    // Control characters never survive text cleaning, so they cannot collide with outlet text.
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    /// <summary>
    /// How many characters of an article's text a snippet is cut from: every real article whole
    /// (the longest are about 62,000 characters), and no more of a larger one, whatever its size.
    /// </summary>
    public const int Window = 65_536;

    public static string Plain(string snippet) => snippet.Replace(MatchStart.ToString(), "").Replace(MatchEnd.ToString(), "");

    /// <summary>HTML-escaped text with matches in &lt;mark&gt;.</summary>
    public static string Html(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        var run = new StringBuilder();
        var open = false;
        foreach (var ch in snippet)
        {
            if (ch is not (MatchStart or MatchEnd)) { run.Append(ch); continue; }
            html.Append(WebUtility.HtmlEncode(run.ToString()));
            run.Clear();
            if (ch == MatchStart && !open) { html.Append("<mark>"); open = true; }
            else if (ch == MatchEnd && open) { html.Append("</mark>"); open = false; }
        }
        html.Append(WebUtility.HtmlEncode(run.ToString()));
        if (open) html.Append("</mark>");
        return html.ToString();
    }

    public static string Marked(string snippet, string open, string close) =>
        snippet.Replace(MatchStart.ToString(), open).Replace(MatchEnd.ToString(), close);
}
