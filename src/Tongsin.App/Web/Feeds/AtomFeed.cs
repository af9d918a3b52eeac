using System.Globalization;
using System.Xml;

namespace Tongsin.App.Web.Feeds;

/// <summary>Atom 1.0 (RFC 4287). The feed names an author, so entries need not.</summary>
internal static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static byte[] Write(Feed feed)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, Feed.Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Ns);
            if (feed.Language is not null) w.WriteAttributeString("xml", "lang", null, feed.Language);
            w.WriteElementString("id", Ns, feed.SelfLink);
            w.WriteElementString("title", Ns, Feed.Clean(feed.Title));
            w.WriteElementString("subtitle", Ns, Feed.Clean(feed.Description));
            w.WriteElementString("updated", Ns, Rfc3339(feed.Updated));
            Link(w, feed.SelfLink, "self", ContentType.Split(';')[0]);
            Link(w, feed.PageLink, "alternate", "text/html");
            w.WriteStartElement("author", Ns);
            w.WriteElementString("name", Ns, "Tongsin archive");
            w.WriteEndElement();
            w.WriteElementString("generator", Ns, "Tongsin");
            foreach (var e in feed.Entries)
            {
                w.WriteStartElement("entry", Ns);
                w.WriteElementString("id", Ns, e.Id);
                w.WriteElementString("title", Ns, Feed.Clean(e.Title));
                Link(w, e.Link, "alternate", "text/html");
                w.WriteElementString("published", Ns, Rfc3339(Feed.Midnight(e.Published)));
                w.WriteElementString("updated", Ns, Rfc3339(Feed.Midnight(e.Published)));
                w.WriteStartElement("category", Ns);
                w.WriteAttributeString("term", Feed.Clean(e.Source));
                w.WriteEndElement();
                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(Feed.Clean(e.Summary));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Link(XmlWriter w, string href, string rel, string type)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>RFC 3339 in UTC: "2026-02-14T00:00:00Z".</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
