using System.Text;
using System.Xml;

namespace Tongsin.App.Web.Feeds;

/// <summary>One article in a feed. Links and ids are absolute; the id of an article never changes.</summary>
internal sealed record FeedEntry(string Id, string Title, string Link, DateOnly Published, string Summary, string Source);

/// <summary>What RSS and Atom both say: a title, where the feed and its page live, and the entries, newest first.</summary>
internal sealed record Feed(string Title, string Description, string SelfLink, string PageLink, string? Language, DateTimeOffset Updated, IReadOnlyList<FeedEntry> Entries)
{
    internal static XmlWriterSettings Settings => new() { Encoding = new UTF8Encoding(false), Indent = true };

    internal static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Drops the characters XML 1.0 cannot carry at all, which an outlet's text could still hold.</summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { sb.Append(text[i]).Append(text[i + 1]); i++; }
        }
        return sb.ToString();
    }
}
