using System.Globalization;
using System.Xml;

namespace Tongsin.App.Web.Feeds;

/// <summary>
/// RSS 2.0 (rssboard.org), with an atom:link to itself as the RSS Advisory Board recommends.
/// Readers take a description for HTML once they have read the XML, so descriptions are
/// escaped twice: as HTML (outlet text stays text in the reader), then as XML. Titles and
/// categories are plain text (the RSS Best Practices Profile), escaped once, with &amp;, &lt; and &gt;
/// as the hexadecimal references that the most readers show as the characters themselves.
/// </summary>
internal static class RssFeed
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static byte[] Write(Feed feed)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, Feed.Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, AtomNs);
            w.WriteStartElement("channel");
            PlainText(w, "title", feed.Title);
            w.WriteElementString("link", feed.PageLink);
            HtmlText(w, "description", feed.Description);
            if (feed.Language is not null) w.WriteElementString("language", feed.Language);
            w.WriteElementString("lastBuildDate", Rfc822(feed.Updated));
            w.WriteElementString("generator", "Tongsin");
            w.WriteStartElement("atom", "link", AtomNs);
            w.WriteAttributeString("href", feed.SelfLink);
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var e in feed.Entries)
            {
                w.WriteStartElement("item");
                PlainText(w, "title", e.Title);
                w.WriteElementString("link", e.Link);
                HtmlText(w, "description", e.Summary);
                PlainText(w, "category", e.Source);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(e.Id);
                w.WriteEndElement();
                w.WriteElementString("pubDate", Rfc822(Feed.Midnight(e.Published)));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>Text in an element a reader shows as HTML: escaped as HTML, then (by the writer) as XML.</summary>
    private static void HtmlText(XmlWriter w, string name, string text) =>
        w.WriteElementString(name, Html.Encoder.Encode(Feed.Clean(text)));

    /// <summary>Text in an element a reader shows as text.</summary>
    private static void PlainText(XmlWriter w, string name, string text)
    {
        w.WriteStartElement(name);
        var clean = Feed.Clean(text);
        var start = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            if (clean[i] is not ('&' or '<' or '>')) continue;
            w.WriteString(clean[start..i]);
            w.WriteCharEntity(clean[i]);
            start = i + 1;
        }
        w.WriteString(clean[start..]);
        w.WriteEndElement();
    }

    /// <summary>RFC 822 as RSS uses it, with a four-digit year: "Sat, 14 Feb 2026 00:00:00 +0000".</summary>
    public static string Rfc822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
}
