using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// kcna.kp, the Korean Central News Agency. Editions live under /kp/ (Korean), /en/, /cn/, /ru/, /es/ and
/// /jp/. Articles are at /{edition}/article/detail/{hash} (the layout since mid-2026), or at
/// /{edition}/article/q/{hash}.kcmsf (the layout before it). Listings are /{edition}/article/list/{hash};
/// their first page is a GET, and later pages a form POST carrying the session's _csrf token and the page
/// number. Dates are written "[2026.7.19.]", or "(Juche113.10.28.)" with the Juche year.
/// </summary>
public sealed partial class KcnaKpAdapter(OutletCatalog outlets) : ISiteAdapter
{
    private static readonly (string Path, string Language)[] Editions =
        [("kp", "ko"), ("en", "en"), ("cn", "zh"), ("ru", "ru"), ("es", "es"), ("jp", "ja")];

    // The English sections whose list hashes are known: latest news and top news. Other editions are
    // entered through their front page, which links articles the same way.
    private static readonly string[] EnglishSections = ["a666dda1282180e0ee1b4427b0574ae7", "6a47505ba5268fd7749c0fe11e4b24b4"];

    private const int ItemsPerPage = 15;

    private readonly Outlet _outlet = outlets.Resolve("Korean Central News Agency");

    public string Site => "kcna.kp";

    public IReadOnlyList<string> Languages { get; } = Editions.Select(e => e.Language).ToArray();

    [GeneratedRegex(@"^/(?<edition>kp|en|cn|ru|es|jp)/article/(?:detail/[0-9a-f]{16,}/?|q/[0-9a-f]{16,}\.kcmsf)$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticlePath();

    [GeneratedRegex(@"^/(?<edition>kp|en|cn|ru|es|jp)(?:/|/index\.kcmsf|/article/list/[0-9a-f]+/?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListingPath();

    // A link of the site's own, written relative to it, as only its own pages do: "/en/article/...", "/kp/gallery/...".
    [GeneratedRegex(@"^/(?:kp|en|cn|ru|es|jp)/(?:article|gallery|media|video)/", RegexOptions.IgnoreCase)]
    private static partial Regex SiteRelativeLink();

    [GeneratedRegex(@"\bvar\s+(?<name>page_cnt|cur_page)\s*=\s*(?<value>\d+)")]
    private static partial Regex PagingVariable();

    public IReadOnlyList<PageRequest> Listings(Uri baseUrl, string language)
    {
        var edition = EditionOf(language)
            ?? throw new ArgumentException($"kcna.kp has no edition in '{language}'", nameof(language));
        if (edition == "en")
            return EnglishSections.Select(h => new PageRequest(new Uri(baseUrl, $"/en/article/list/{h}"))).ToArray();
        return [new PageRequest(new Uri(baseUrl, $"/{edition}/"))];
    }

    public bool Handles(Uri url) => ArticlePath().IsMatch(url.AbsolutePath) || ListingPath().IsMatch(url.AbsolutePath);

    public bool Recognises(string html)
    {
        var document = Markup.Parse(html);
        if (Markup.Address(document, html) is { } address && Markup.IsOn(address, Site)) return true;
        return document.QuerySelector("form#article_form") is not null
            || document.QuerySelector(".article-main-title") is not null
            || (document.QuerySelector(".publish-time") is { } t && Markup.Text(t).Contains("kcna.kp", StringComparison.OrdinalIgnoreCase))
            || (document.QuerySelector("article h1") is not null
                && document.QuerySelectorAll("a[href]").Any(a => SiteRelativeLink().IsMatch(a.GetAttribute("href")!)));
    }

    public ListingPage ReadListing(string html, Uri url)
    {
        var document = Markup.Parse(html);
        var items = ArticleLinks(document, url)
            .Select(link => new ListingItem(link.Url, link.Title, link.Published))
            .ToList();
        return new ListingPage(items, NextPage(document, url));
    }

    public ArticleReading ReadArticle(string html, Uri url)
    {
        var document = Markup.Parse(html);
        var (title, paragraphs, dateText) = ReadCurrentLayout(document) ?? ReadKcmsfLayout(document) ?? default;
        if (title is null)
        {
            if (document.QuerySelector("form#article_form") is not null || ArticleLinks(document, url).Count > 1)
                throw new ImportFailureException(ImportFailureKind.Listing, $"a kcna.kp list of {ArticleLinks(document, url).Count} articles");
            if (GonePage.Says(document)) return ArticleReading.Gone;
            throw new ImportFailureException(ImportFailureKind.Invalid, "the kcna.kp page has no article title (no <h1> in <article>, no .article-main-title)");
        }
        if (paragraphs!.Count == 0)
        {
            if (GonePage.Says(document)) return ArticleReading.Gone;
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the kcna.kp article '{title}' has no paragraphs");
        }
        var published = Dates.FindDotted(dateText!)
            ?? throw new ImportFailureException(ImportFailureKind.Invalid,
                $"the kcna.kp article '{title}' shows no date like [2026.7.19.] or (Juche113.10.28.)");
        var source = new Source(_outlet, LanguageOf(document, html, url, title + " " + paragraphs[0]));
        return ArticleReading.Found(new ArticleCapture(source, title, published, null, url.ToString(), paragraphs));
    }

    // <article> ... <h1>title</h1> <span><nobr>[2026.7.19.]</nobr></span> <p>...</p> <div><p>caption</p></div> ...
    // Only the paragraphs that sit beside the title are the body; a <p> inside a photo box is its caption.
    private static (string?, List<string>?, string?)? ReadCurrentLayout(IHtmlDocument document)
    {
        var heading = document.QuerySelectorAll("article h1").FirstOrDefault(h => Markup.Text(h).Length > 0);
        if (heading?.ParentElement is not { } container) return null;
        var paragraphs = Markup.ChildParagraphs(container).Select(Markup.Text).Where(t => t.Length > 0).ToList();
        var dated = container.Children.Where(c => c.LocalName != "p")
            .Concat(container.ParentElement?.Children.Where(c => c != container) ?? [])
            .Select(Markup.Text)
            .Prepend(Markup.Text(document.QuerySelector(".publish-time")));
        return (Markup.Text(heading), paragraphs, string.Join(" ", dated));
    }

    // <div class="article-main-title">title</div> ... <div class="content-wrapper"><p>...</p> <span class="publish-time">www.kcna.kp (Juche113.10.28.)</span>
    private static (string?, List<string>?, string?)? ReadKcmsfLayout(IHtmlDocument document)
    {
        var heading = document.QuerySelector(".article-main-title");
        var title = Markup.Text(heading);
        if (title.Length == 0) return null;
        var body = document.QuerySelector(".content-wrapper");
        var paragraphs = body is null ? [] : Markup.ChildParagraphs(body).Select(Markup.Text).Where(t => t.Length > 0).ToList();
        return (title, paragraphs, Markup.Text(document.QuerySelector(".publish-time")));
    }

    private sealed record Link(Uri Url, string? Title, DateOnly? Published);

    private static List<Link> ArticleLinks(IHtmlDocument document, Uri page)
    {
        var found = new List<Link>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var url = Markup.Resolve(page, a.GetAttribute("href"));
            if (url is null || !ArticlePath().IsMatch(url.AbsolutePath)) continue;
            var title = Markup.Text(a);
            var date = DateNear(a);
            var key = url.AbsolutePath;
            if (index.TryGetValue(key, out var at))
            {
                // A picture link and a headline link often point at the same article: keep what each adds.
                var known = found[at];
                found[at] = known with { Title = known.Title ?? NullIfEmpty(title), Published = known.Published ?? date };
                continue;
            }
            index[key] = found.Count;
            found.Add(new Link(url, NullIfEmpty(title), date));
        }
        return found;
    }

    // The date sits beside the link, in the block of that one article ("<h5><a/> <span>[2026.7.19.]</span></h5>").
    private static DateOnly? DateNear(IElement link)
    {
        var href = link.GetAttribute("href");
        var node = link.ParentElement;
        for (var depth = 0; node is not null && depth < 4; depth++, node = node.ParentElement)
        {
            var links = node.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).Where(h => h != href)
                .Any(h => h is not null && (h.Contains("/article/detail/") || h.Contains("/article/q/")));
            if (links) return null;
            if (Dates.FindDotted(Markup.Text(node)) is { } date) return date;
        }
        return null;
    }

    /// <summary>
    /// Page 2 and on are a POST to the list's address with the form's fields: the _csrf token of the
    /// session, the page number, the page size and the (empty) search keyword. The session cookie that
    /// goes with the token is the crawler's to keep.
    /// </summary>
    private static PageRequest? NextPage(IHtmlDocument document, Uri url)
    {
        int? pages = null, current = null;
        foreach (var script in document.QuerySelectorAll("script"))
            foreach (Match m in PagingVariable().Matches(script.TextContent))
            {
                var value = int.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (m.Groups["name"].Value == "page_cnt") pages = value; else current = value;
            }
        var form = document.QuerySelector("form#article_form") ?? document.QuerySelector("input[name='_csrf']")?.Closest("form");
        current ??= int.TryParse(form?.QuerySelector("input[name='page_num']")?.GetAttribute("value"), out var n) ? n : 1;
        if (pages is null || current >= pages) return null;

        var token = form?.QuerySelector("input[name='_csrf']")?.GetAttribute("value")
            ?? document.QuerySelector("meta[name='_csrf']")?.GetAttribute("content");
        if (string.IsNullOrEmpty(token))
            throw new ImportFailureException(ImportFailureKind.Invalid,
                $"the kcna.kp list shows page {current} of {pages} but carries no _csrf token to ask for the next");
        var action = Markup.Resolve(url, form?.GetAttribute("action")) ?? url;
        var fields = new Dictionary<string, string>
        {
            ["_csrf"] = token,
            ["page_num"] = (current.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cnt_per_page"] = form?.QuerySelector("input[name='cnt_per_page']")?.GetAttribute("value") is { Length: > 0 } size ? size : ItemsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["keyword"] = form?.QuerySelector("input[name='keyword']")?.GetAttribute("value") ?? "",
        };
        return new PageRequest(action, fields);
    }

    private static string? EditionOf(string language) =>
        Editions.FirstOrDefault(e => e.Language == Model.Languages.Normalise(language)).Path;

    /// <summary>The language of the edition an address is in (/en/, /kp/ ...), or null when it names none.</summary>
    internal static string? EditionLanguage(Uri url) => LanguageOfPath(url.AbsolutePath);

    private static string? LanguageOfPath(string path)
    {
        var segment = path.TrimStart('/').Split('/')[0];
        return Editions.FirstOrDefault(e => e.Path.Equals(segment, StringComparison.OrdinalIgnoreCase)).Language;
    }

    // The edition is the first segment of the address; a saved page without one is told by where its own links go.
    private static string LanguageOf(IHtmlDocument document, string html, Uri url, string sample)
    {
        if (LanguageOfPath(url.AbsolutePath) is { } fromUrl) return fromUrl;
        if (Markup.Address(document, html) is { } address && LanguageOfPath(address.AbsolutePath) is { } fromAddress) return fromAddress;
        var fromLinks = document.QuerySelectorAll("a[href*='/article/']")
            .Select(a => Markup.Resolve(url, a.GetAttribute("href")))
            .Where(u => u is not null && ArticlePath().IsMatch(u.AbsolutePath))
            .Select(u => LanguageOfPath(u!.AbsolutePath))
            .GroupBy(l => l).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        return fromLinks ?? Model.Languages.Guess(sample);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
