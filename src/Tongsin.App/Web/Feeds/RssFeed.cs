using System.Globalization;
using System.Xml;

namespace Tongsin.App.Web.Feeds;

/// <summary>RSS 2.0 (rssboard.org), with an atom:link to itself as the RSS Advisory Board recommends.</summary>
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
            w.WriteElementString("title", Feed.Clean(feed.Title));
            w.WriteElementString("link", feed.PageLink);
            w.WriteElementString("description", Feed.Clean(feed.Description));
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
                w.WriteElementString("title", Feed.Clean(e.Title));
                w.WriteElementString("link", e.Link);
                w.WriteElementString("description", Feed.Clean(e.Summary));
                w.WriteElementString("category", Feed.Clean(e.Source));
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

    /// <summary>RFC 822 as RSS uses it, with a four-digit year: "Sat, 14 Feb 2026 00:00:00 +0000".</summary>
    public static string Rfc822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
}
