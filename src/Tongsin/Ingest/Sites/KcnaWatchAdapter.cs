using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// kcnawatch.org article pages (/newstream/{id}/{slug}/): the HTML behind the text pages described in
/// formats.md. The title is the page's h1; under it a line "Date: 19/03/2023 | Source: Ministry of
/// Foreign Affairs (EN) | Read original version at source", whose source label names the outlet and
/// language and whose link goes to the outlet's own page; then the body paragraphs, up to the
/// "More From ..." block. The article's address is the original's when the page links it.
/// </summary>
public sealed partial class KcnaWatchAdapter(OutletCatalog outlets) : ISiteAdapter
{
    public string Site => "kcnawatch.org";

    public IReadOnlyList<string> Languages { get; } = ["en", "ko", "zh", "ja", "ru", "es", "fr", "de", "ar"];

    [GeneratedRegex(@"^Date:\s*(?<date>\d{1,2}/\d{1,2}/\d{4})\s*\|\s*Source:\s*(?<source>[^|]*?)\s*(?:\|.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateSourceLine();

    [GeneratedRegex(@"^/newstream/[\w%-]+/[\w%.-]+/?$")]
    private static partial Regex ArticlePath();

    public IReadOnlyList<PageRequest> Listings(Uri baseUrl, string language) => [new PageRequest(new Uri(baseUrl, "/newstream/"))];

    public bool Handles(Uri url) => ArticlePath().IsMatch(url.AbsolutePath) || url.AbsolutePath.TrimEnd('/') == "/newstream";

    public bool Recognises(string html)
    {
        var document = Markup.Parse(html);
        if (Markup.Address(document, html) is { } address && Markup.IsOn(address, Site)) return true;
        return DateLine(document) is not null;
    }

    public ListingPage ReadListing(string html, Uri url)
    {
        var document = Markup.Parse(html);
        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var link = Markup.Resolve(url, a.GetAttribute("href"));
            if (link is null || !Markup.IsOn(link, Site) || !ArticlePath().IsMatch(link.AbsolutePath)) continue;
            var title = Markup.Text(a);
            if (title.Length == 0 || !seen.Add(link.AbsolutePath)) continue;
            items.Add(new ListingItem(link, title, null));
        }
        return new ListingPage(items, null);
    }

    public ArticleReading ReadArticle(string html, Uri url)
    {
        var document = Markup.Parse(html);
        var dateLine = DateLine(document);
        if (dateLine is null)
        {
            if (GonePage.Says(document)) return ArticleReading.Gone;
            throw new ImportFailureException(ImportFailureKind.Invalid, "the KCNA Watch page has no 'Date: dd/mm/yyyy | Source: ...' line");
        }
        var m = DateSourceLine().Match(Markup.Text(dateLine));
        var published = Dates.ParseDayMonthYear(m.Groups["date"].Value)
            ?? throw new ImportFailureException(ImportFailureKind.Invalid, $"'{m.Groups["date"].Value}' is not a real day/month/year date");

        var heading = document.QuerySelectorAll("h1").FirstOrDefault(h => Markup.Text(h).Length > 0 && Precedes(h, dateLine))
            ?? document.QuerySelectorAll("h1, h2").FirstOrDefault(h => Markup.Text(h).Length > 0);
        var title = Markup.Text(heading);
        if (title.Length == 0) throw new ImportFailureException(ImportFailureKind.Invalid, "the KCNA Watch page has no title");

        var paragraphs = Body(document, dateLine);
        if (paragraphs.Count == 0) throw new ImportFailureException(ImportFailureKind.Invalid, $"the KCNA Watch page '{title}' has no text after its Date line");

        var source = Source.FromLabel(m.Groups["source"].Value, outlets, title + " " + paragraphs[0]);
        var original = dateLine.QuerySelectorAll("a[href]")
            .FirstOrDefault(a => Markup.Text(a).StartsWith("Read original", StringComparison.OrdinalIgnoreCase))?.GetAttribute("href");
        var address = Markup.Resolve(url, original)?.ToString() ?? url.ToString();
        return ArticleReading.Found(new ArticleCapture(source, title, published, null, address, paragraphs));
    }

    // The smallest element whose text is the whole Date/Source line.
    private static IElement? DateLine(IHtmlDocument document) =>
        document.Body?.QuerySelectorAll("*")
            .Where(e => e.LocalName is not ("script" or "style"))
            .LastOrDefault(e => Markup.Text(e) is { Length: < 400 } text && text.StartsWith("Date:", StringComparison.OrdinalIgnoreCase) && DateSourceLine().IsMatch(text)
                && !e.Children.Any(c => DateSourceLine().IsMatch(Markup.Text(c))));

    // The paragraphs after the Date line, up to the block of cards ("More From ...") or "More Articles";
    // a paragraph inside another one's box (a caption, a card's teaser) is not the article's.
    private static List<string> Body(IHtmlDocument document, IElement dateLine)
    {
        var result = new List<string>();
        foreach (var e in document.Body!.QuerySelectorAll("p, h2, h3, h4, div"))
        {
            if (!Precedes(dateLine, e) || e == dateLine || dateLine.Contains(e)) continue;
            if (e.LocalName != "p")
            {
                var heading = Markup.Text(e);
                if (!e.Children.Any() && (heading.StartsWith("More From ", StringComparison.OrdinalIgnoreCase) || heading.Equals("More Articles", StringComparison.OrdinalIgnoreCase))) break;
                if (e.LocalName != "div" && (heading.StartsWith("More From ", StringComparison.OrdinalIgnoreCase) || heading.Equals("More Articles", StringComparison.OrdinalIgnoreCase))) break;
                continue;
            }
            if (e.ParentElement?.Closest("p, figure, figcaption, aside, nav, footer, .related, .more-from") is not null) continue;
            var text = Markup.Text(e);
            if (text.StartsWith("More From ", StringComparison.OrdinalIgnoreCase) || text.Equals("More Articles", StringComparison.OrdinalIgnoreCase)) break;
            if (text.Length > 0) result.Add(text);
        }
        return result;
    }

    private static bool Precedes(INode first, INode second) =>
        (first.CompareDocumentPosition(second) & DocumentPositions.Following) != 0;
}
