using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tongsin.Text;

namespace Tongsin.Ingest.Sites;

/// <summary>What every adapter needs from a page's markup: the parsed document and its text, cleaned.</summary>
public static class Markup
{
    public static IHtmlDocument Parse(string html)
    {
        // A parser per page: HtmlParser keeps no state between pages that we rely on, and sharing one
        // across the import's worker threads is not documented as safe.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        return parser.ParseDocument(html);
    }

    /// <summary>The text of an element as one clean line: line breaks and tags become spaces, entities are decoded.</summary>
    public static string Text(INode? node)
    {
        if (node is null) return "";
        var sb = new System.Text.StringBuilder();
        Append(node, sb);
        return TextCleaner.CleanLine(sb.ToString());
    }

    private static void Append(INode node, System.Text.StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement e when e.LocalName is "script" or "style" or "noscript" or "template":
                    break;
                case IElement e when e.LocalName == "br":
                    sb.Append(' ');
                    break;
                case IElement e:
                    Append(e, sb);
                    break;
            }
        }
    }

    /// <summary>The page's own idea of where it lives, from its markup or the note a browser added when saving it.</summary>
    public static Uri? Address(IHtmlDocument document, string html) =>
        Absolute(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"))
        ?? Absolute(document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"))
        ?? SavedFrom(html);

    /// <summary>Chrome and Internet Explorer write "&lt;!-- saved from url=(0042)http://... --&gt;" at the top of a saved page.</summary>
    public static Uri? SavedFrom(string html)
    {
        var head = html.AsSpan(0, Math.Min(html.Length, 4096));
        var at = head.IndexOf("saved from url=(", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = head[(at + "saved from url=(".Length)..];
        var close = rest.IndexOf(')');
        if (close < 0 || !int.TryParse(rest[..close], out var length)) return null;
        var address = rest[(close + 1)..];
        if (length <= 0 || length > address.Length) return null;
        return Absolute(address[..length].ToString());
    }

    private static Uri? Absolute(string? text) =>
        text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>The host without its "www.", lower case: how a site is named.</summary>
    public static string Host(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>Whether an address is on the site or one of its subdomains.</summary>
    public static bool IsOn(Uri url, string site)
    {
        var host = Host(url);
        return host == site || host.EndsWith("." + site, StringComparison.Ordinal);
    }

    /// <summary>An href made absolute against the page; null for script links, anchors and junk.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        var h = href.Trim();
        if (h.StartsWith('#') || h.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return null;
        return Uri.TryCreate(page, h, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    /// <summary>The element's direct children that are paragraphs: a caption nested in a figure or box is not one of them.</summary>
    public static IEnumerable<IElement> ChildParagraphs(IElement container) =>
        container.Children.Where(c => c.LocalName == "p");
}
