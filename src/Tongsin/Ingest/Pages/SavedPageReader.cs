using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// Reads an outlet's page saved from a browser (or fetched and kept): the page itself says which site
/// it is from, and that site's adapter reads it. Only article pages can be imported; a saved listing
/// has nothing to archive on its own.
/// </summary>
public sealed class SavedPageReader(SiteCatalog sites)
{
    /// <summary>
    /// The most tags a page may hold. Parsed, a tag takes about a kilobyte, so 63 MB of tiny paragraphs
    /// took 8.1 GB; a saved article page has a few thousand.
    /// </summary>
    public const int MaxTags = 200_000;

    public PageCapture Read(string html)
    {
        if (html.AsSpan().Count('<') > MaxTags)
            throw new ImportFailureException(ImportFailureKind.TooLarge, "the page holds more than 200,000 tags");
        var adapter = sites.Recognise(html)
            ?? throw new ImportFailureException(ImportFailureKind.UnknownSite,
                "no address of a known site in the page (canonical link, og:url, 'saved from' note) and none of their markup");
        var address = Markup.Address(Markup.Parse(html), html);
        // Without an address the page is read as if at the site's root; that stand-in is not kept as the article's address.
        var standIn = new Uri($"http://{adapter.Site}/");
        var reading = adapter.ReadArticle(html, address ?? standIn);
        if (reading.State == ArticleState.Gone || reading.Article is null)
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the {adapter.Site} page says the article is not there");
        var article = reading.Article;
        if (address is null && article.Url == standIn.ToString()) article = article with { Url = null };
        return new PageCapture(article, []);
    }
}
