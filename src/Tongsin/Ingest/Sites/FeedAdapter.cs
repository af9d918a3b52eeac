using System.Xml;
using System.Xml.Linq;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Sites;

/// <summary>A site read through its RSS or Atom feeds: where they are, per language, and whose they are.</summary>
public sealed record FeedSite(string Site, string OutletName, IReadOnlyDictionary<string, string> FeedPaths);

/// <summary>A feed read whole: its items as a listing, and the articles it carries in full.</summary>
public sealed record FeedReading(ListingPage Listing, IReadOnlyList<ArticleCapture> Articles);

/// <summary>
/// Any outlet with an RSS 2.0 or Atom feed (mfa.gov.kp publishes WordPress feeds at /en/feed/ and
/// /zh/feed/). Items become listing items; an item whose feed carries the whole text
/// (content:encoded, or Atom content) is an article too. The article pages themselves are read as
/// WordPress-style pages: h1.entry-title, div.entry-content, and the time or meta that dates them.
/// </summary>
public sealed class FeedAdapter(OutletCatalog outlets, FeedSite feed) : ISiteAdapter
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly Outlet _outlet = outlets.Resolve(feed.OutletName);

    /// <summary>The Ministry of Foreign Affairs' site and its feeds.</summary>
    public static FeedSite MfaGovKp { get; } = new("mfa.gov.kp", "Ministry of Foreign Affairs",
        new Dictionary<string, string> { ["en"] = "/en/feed/", ["zh"] = "/zh/feed/" });

    public string Site => feed.Site;

    public IReadOnlyList<string> Languages { get; } = feed.FeedPaths.Keys.ToArray();

    public IReadOnlyList<PageRequest> Listings(Uri baseUrl, string language) =>
        feed.FeedPaths.TryGetValue(Model.Languages.Normalise(language) ?? language, out var path)
            ? [new PageRequest(new Uri(baseUrl, path))]
            : throw new ArgumentException($"{Site} has no feed in '{language}'", nameof(language));

    public bool Handles(Uri url) => feed.FeedPaths.Keys.Any(l => url.AbsolutePath.StartsWith($"/{l}/", StringComparison.OrdinalIgnoreCase));

    public bool Recognises(string html)
    {
        if (LooksLikeFeed(html)) return FeedLink(html) is { } link && Markup.IsOn(link, Site);
        var document = Markup.Parse(html);
        return Markup.Address(document, html) is { } address && Markup.IsOn(address, Site);
    }

    public ListingPage ReadListing(string html, Uri url) => ReadFeed(html, url).Listing;

    /// <summary>Reads an RSS 2.0 or Atom document.</summary>
    public FeedReading ReadFeed(string xml, Uri url)
    {
        XDocument document;
        try { document = ParseXml(xml); }
        catch (XmlException e)
        {
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the feed is not well-formed XML ({e.Message})", e.LineNumber > 0 ? e.LineNumber : null);
        }
        var root = document.Root!;
        var language = LanguageOf(root, url);
        var entries = root.Name == Atom + "feed"
            ? root.Elements(Atom + "entry").Select(e => ReadAtomEntry(e, url))
            : root.Name.LocalName == "rss" || root.Name.LocalName == "RDF"
                ? root.Descendants().Where(e => e.Name.LocalName == "item").Select(e => ReadRssItem(e, url))
                : throw new ImportFailureException(ImportFailureKind.Invalid, $"<{root.Name.LocalName}> is neither an RSS nor an Atom feed");

        var items = new List<ListingItem>();
        var articles = new List<ArticleCapture>();
        foreach (var entry in entries)
        {
            if (entry.Link is null) continue;
            items.Add(new ListingItem(entry.Link, entry.Title, entry.Published));
            if (entry.Title is null || entry.Published is null || entry.Html is null) continue;
            var paragraphs = ParagraphsOf(entry.Html);
            if (paragraphs.Count == 0) continue;
            var source = new Source(_outlet, language ?? Model.Languages.Guess(entry.Title + " " + paragraphs[0]));
            articles.Add(new ArticleCapture(source, entry.Title, entry.Published.Value, null, entry.Link.ToString(), paragraphs));
        }
        return new FeedReading(new ListingPage(items, null), articles);
    }

    public ArticleReading ReadArticle(string html, Uri url)
    {
        if (LooksLikeFeed(html))
            throw new ImportFailureException(ImportFailureKind.Listing, $"a {Site} feed of {ReadFeed(html, url).Listing.Items.Count} items");
        var document = Markup.Parse(html);
        var block = ArticleBlock.Find(document, ".entry-content");
        var heading = document.QuerySelector("h1.entry-title, h1.post-title") ?? (block is null ? null : ArticleBlock.Heading(document, block));
        if (block is null || heading is null)
        {
            if (GonePage.Says(document)) return ArticleReading.Gone;
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the {Site} page has no article heading and text");
        }
        var title = Markup.Text(heading);
        var paragraphs = ArticleBlock.Paragraphs(block);
        if (title.Length == 0 || paragraphs.Count == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the {Site} article has no {(title.Length == 0 ? "title" : "text")}");
        var dateText = document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")
            ?? Markup.Text(document.QuerySelector(".entry-date, .posted-on, .date"));
        var published = Dates.ParseFeedDate(dateText) ?? Dates.FindDotted(dateText)
            ?? throw new ImportFailureException(ImportFailureKind.Invalid, $"the {Site} article '{title}' shows no date");
        var language = Model.Languages.Normalise((document.DocumentElement.GetAttribute("lang") ?? "").Split('-')[0])
            ?? feed.FeedPaths.Keys.FirstOrDefault(l => url.AbsolutePath.StartsWith($"/{l}/", StringComparison.OrdinalIgnoreCase))
            ?? Model.Languages.Guess(title + " " + paragraphs[0]);
        return ArticleReading.Found(new ArticleCapture(new Source(_outlet, language), title, published, null, url.ToString(), paragraphs));
    }

    /// <summary>Whether text is an RSS or Atom document rather than an HTML page.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048));
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.Ordinal) && head.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal)
            || head.Contains("<rdf:RDF", StringComparison.Ordinal);
    }

    private sealed record Entry(Uri? Link, string? Title, DateOnly? Published, string? Html);

    private static Entry ReadRssItem(XElement item, Uri feedUrl)
    {
        string? Value(XName name) => item.Element(name)?.Value;
        var link = Markup.Resolve(feedUrl, Value(item.Name.Namespace + "link") ?? Value("link") ?? Value("guid"));
        var date = Value("pubDate") ?? Value(DublinCore + "date");
        var html = Value(Content + "encoded");
        return new Entry(link, Clean(Value(item.Name.Namespace + "title") ?? Value("title")), date is null ? null : Dates.ParseFeedDate(date), html);
    }

    private static Entry ReadAtomEntry(XElement entry, Uri feedUrl)
    {
        var href = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        var date = entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value;
        var content = entry.Element(Atom + "content");
        string? html = content is null ? null
            : (string?)content.Attribute("type") == "xhtml" ? string.Concat(content.Nodes().Select(n => n.ToString()))
            : content.Value;
        var title = entry.Element(Atom + "title");
        var titleText = title is null ? null : (string?)title.Attribute("type") is "html" or "xhtml" ? Markup.Text(Markup.Parse(title.Value).Body) : title.Value;
        return new Entry(Markup.Resolve(feedUrl, href), Clean(titleText), date is null ? null : Dates.ParseFeedDate(date), html);
    }

    // Feed HTML is a fragment: its top-level paragraphs are the body; a bare text fragment is split on blank lines.
    private static List<string> ParagraphsOf(string html)
    {
        var body = Markup.Parse("<body>" + html + "</body>").Body!;
        var paragraphs = body.QuerySelectorAll("p").Where(p => p.ParentElement?.Closest("p, figure, figcaption, blockquote") is null && p.ParentElement?.LocalName is "body" or "div" or "section" or "article")
            .Select(Markup.Text).Where(t => t.Length > 0).ToList();
        if (paragraphs.Count > 0) return paragraphs;
        return body.TextContent.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.None).Select(TextCleaner.CleanLine).Where(t => t.Length > 0).ToList();
    }

    private static string? LanguageOf(XElement root, Uri url)
    {
        var declared = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "language")?.Value
            ?? (string?)root.Attribute(XNamespace.Xml + "lang");
        if (declared is not null && Model.Languages.Normalise(declared.Split('-')[0]) is { } language) return language;
        var segment = url.AbsolutePath.TrimStart('/').Split('/')[0];
        return Model.Languages.Normalise(segment);
    }

    private static Uri? FeedLink(string xml)
    {
        try
        {
            var root = ParseXml(xml).Root!;
            var link = root.Name == Atom + "feed"
                ? root.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate" or "self")?.Attribute("href")?.Value
                : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "link" && e.Name.Namespace == XNamespace.None)?.Value;
            return Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) ? uri : null;
        }
        catch (XmlException) { return null; }
    }

    // Feeds carry no DTD worth reading, and an internal one could expand entities without end.
    private static XDocument ParseXml(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    private static string? Clean(string? text) => text is null ? null : TextCleaner.CleanLine(text) is { Length: > 0 } t ? t : null;
}
