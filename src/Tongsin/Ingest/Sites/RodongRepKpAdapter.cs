using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// rodong.rep.kp, Rodong Sinmun. Editions under /ko/, /en/ and /cn/. Two layouts:
/// <list type="bullet">
/// <item>until October 2022: index.php?strPageID=SF01_02_01&amp;newsID=2022-03-10-0002 for an article,
/// strPageID=SF01_01_02&amp;iMenuID=N (a section) or SF01_01_03&amp;strDate=... (a day) for a list. Every line of
/// an article is a p.ArticleContent: the first is the title, then the body, pictures and spacer lines among
/// it, and a closing "Rodong Sinmun" line on the right. The date heads the page:
/// "Mar. 10, Juche 111 (2022) Thursday".</item>
/// <item>since: index.php?&lt;base64&gt;, where the base64 is "12@2026-02-19-003@1@1@@0@8@" for an article: the
/// article's key (day and number) comes first. Title in .news_Title or p.TitleP, body in p.ArticleContent
/// or p.TextP, date in .NewsDate ("2023.3.13.") or #article-date ("Feb. 19, 2026 Thursday").</item>
/// </list>
/// </summary>
public sealed partial class RodongRepKpAdapter(OutletCatalog outlets) : ISiteAdapter
{
    private static readonly (string Path, string Language)[] Editions = [("ko", "ko"), ("en", "en"), ("cn", "zh")];

    private readonly Outlet _outlet = outlets.Resolve("Rodong Sinmun");
    private readonly OutletCatalog _outlets = outlets;

    public string Site => "rodong.rep.kp";

    public IReadOnlyList<string> Languages { get; } = Editions.Select(e => e.Language).ToArray();

    [GeneratedRegex(@"newsID=(?<key>\d{4}-\d{2}-\d{2}-\d{4})")]
    private static partial Regex OldArticleQuery();

    [GeneratedRegex(@"^12@(?<key>(?<day>\d{4}-\d{2}-\d{2})-[A-Z]?\d{3,4})@")]
    private static partial Regex NewArticleKey();

    [GeneratedRegex(@"^\??(?<b64>[A-Za-z0-9+/]{12,}=*)$")]
    private static partial Regex Base64Query();

    [GeneratedRegex(@"(?:article_open\(\s*)?['""](?<href>[^'""]*index\.php\?[^'""]+)['""]")]
    private static partial Regex ScriptLink();

    public IReadOnlyList<PageRequest> Listings(Uri baseUrl, string language)
    {
        var edition = Editions.FirstOrDefault(e => e.Language == Model.Languages.Normalise(language)).Path
            ?? throw new ArgumentException($"rodong.rep.kp has no edition in '{language}'", nameof(language));
        // The front page of an edition links the day's articles under the current layout.
        return [new PageRequest(new Uri(baseUrl, $"/{edition}/"))];
    }

    public bool Handles(Uri url)
    {
        // Every page of the site is an edition's index.php (or the edition's root) with a query that says which.
        var path = url.AbsolutePath;
        if (!Editions.Any(e => path.Equals($"/{e.Path}/", StringComparison.OrdinalIgnoreCase)
                || path.Equals($"/{e.Path}/index.php", StringComparison.OrdinalIgnoreCase))) return false;
        var query = url.Query;
        return query.Length == 0 || query.Contains("strPageID=", StringComparison.Ordinal) || DecodeQuery(query) is not null;
    }

    public bool Recognises(string html)
    {
        var document = Markup.Parse(html);
        if (Markup.Address(document, html) is { } address && Markup.IsOn(address, Site)) return true;
        return document.QuerySelector("p.ArticleContent") is not null && document.QuerySelector(".ArticleMenuDate, .TopMarkDate, .NewsDate, .news_Title") is not null
            || document.QuerySelector(".ListNewsLineContainer") is not null
            || document.QuerySelector("#article-date") is not null && document.QuerySelector("p.TitleP") is not null
            || Markup.Text(document.QuerySelector(".ArticleFooterCopy, .FooterTitle")).Contains("Rodong Sinmun", StringComparison.OrdinalIgnoreCase);
    }

    public ListingPage ReadListing(string html, Uri url)
    {
        var document = Markup.Parse(html);
        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // The old list: one .ListNewsLineContainer per article, the link a javascript:article_open('index.php?...').
        foreach (var line in document.QuerySelectorAll(".ListNewsLineContainer"))
        {
            var a = line.QuerySelector(".ListNewsLineTitleW a, .ListNewsLineTitle a, a");
            if (a is null || LinkOf(url, a) is not { } link || !seen.Add(link.AbsoluteUri)) continue;
            var published = Dates.FindDotted(Markup.Text(line.QuerySelector(".ListNewsLineDate"))) ?? DayOf(link);
            items.Add(new ListingItem(link, NullIfEmpty(Markup.Text(a)), published));
        }
        if (items.Count > 0) return new ListingPage(items, null);

        // The current layout: any link whose base64 query names an article; its key carries the day.
        foreach (var a in document.QuerySelectorAll("a"))
        {
            if (LinkOf(url, a) is not { } link || KeyOf(link) is not { } key || !seen.Add(link.AbsoluteUri)) continue;
            var title = Markup.Text(a);
            if (title.Length == 0) continue;
            items.Add(new ListingItem(link, title, key.Day));
        }
        return new ListingPage(items, null);
    }

    public ArticleReading ReadArticle(string html, Uri url)
    {
        var document = Markup.Parse(html);
        if (document.QuerySelector(".ListNewsLineContainer") is not null)
            throw new ImportFailureException(ImportFailureKind.Listing,
                $"a Rodong Sinmun list of {document.QuerySelectorAll(".ListNewsLineContainer").Length} articles");

        var read = ReadTitledLayout(document) ?? ReadOldLayout(document);
        if (read is not { } article)
        {
            if (GonePage.Says(document) || document.QuerySelector(".ArticleHeaderContainer") is not null) return ArticleReading.Gone;
            throw new ImportFailureException(ImportFailureKind.Invalid, "the Rodong Sinmun page has no article (no p.ArticleContent, .news_Title or p.TitleP)");
        }
        if (article.Paragraphs.Count == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the Rodong Sinmun article '{article.Title}' has no text");

        var published = article.Date ?? DayOf(url)
            ?? throw new ImportFailureException(ImportFailureKind.Invalid,
                $"the Rodong Sinmun article '{article.Title}' shows no date (like 'Mar. 10, Juche 111 (2022) Thursday')");
        var language = LanguageOf(document, html, url) ?? Model.Languages.Guess(article.Title + " " + article.Paragraphs[0]);
        var source = new Source(_outlet, language);
        return ArticleReading.Found(new ArticleCapture(source, article.Title, published, null, url.ToString(), article.Paragraphs));
    }

    private sealed record Reading(string Title, List<string> Paragraphs, DateOnly? Date);

    // Every line is a p.ArticleContent. The first is the title; a line that is only a picture or a
    // spacer is layout, and the last line, on the right, signs the page with the paper's name.
    private Reading? ReadOldLayout(IHtmlDocument document)
    {
        var lines = document.QuerySelectorAll("p.ArticleContent").ToList();
        if (lines.Count == 0) return null;
        var title = Markup.Text(lines[0]);
        if (title.Length == 0) return null;
        var body = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var text = Markup.Text(line);
            if (text.Length == 0) continue;
            body.Add(text);
        }
        if (body.Count > 0 && IsSignature(lines[^1], body[^1])) body.RemoveAt(body.Count - 1);
        var date = Dates.FindJucheWritten(Markup.Text(document.QuerySelector(".ArticleMenuDate, .TopMarkDate")));
        return new Reading(title, body, date);
    }

    // The layouts since late 2022 give the title its own element.
    private Reading? ReadTitledLayout(IHtmlDocument document)
    {
        var heading = document.QuerySelector(".news_Title, p.TitleP");
        var title = Markup.Text(heading);
        if (title.Length == 0) return null;
        var lines = document.QuerySelectorAll("p.TextP").ToList();
        if (lines.Count == 0) lines = document.QuerySelectorAll("p.ArticleContent").ToList();
        var body = lines.Select(Markup.Text).Where(t => t.Length > 0).ToList();
        if (body.Count > 0 && IsSignature(lines[^1], body[^1])) body.RemoveAt(body.Count - 1);
        var dateText = Markup.Text(document.QuerySelector(".NewsDate, #article-date"));
        var date = Dates.FindDotted(dateText) ?? Dates.ReadWrittenDate(dateText, out _) ?? Dates.FindJucheWritten(dateText);
        return new Reading(title, body, date);
    }

    private bool IsSignature(IElement line, string text) =>
        text.Length < 40
        && (line.GetAttribute("align")?.Equals("right", StringComparison.OrdinalIgnoreCase) == true
            || (line.GetAttribute("style") ?? "").Replace(" ", "").Contains("text-align:right", StringComparison.OrdinalIgnoreCase))
        && (_outlets.Find(text) == _outlet || text is "劳动新闻" or "勞動新聞");

    private static Uri? LinkOf(Uri page, IElement a)
    {
        var href = a.GetAttribute("href");
        if (href is not null && href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            var m = ScriptLink().Match(href);
            return m.Success ? Markup.Resolve(page, m.Groups["href"].Value) : null;
        }
        var url = Markup.Resolve(page, href);
        return url is not null && (OldArticleQuery().IsMatch(url.Query) || DecodeQuery(url.Query) is not null) ? url : null;
    }

    private sealed record ArticleKey(string Key, DateOnly? Day);

    private static ArticleKey? KeyOf(Uri url)
    {
        if (DecodeQuery(url.Query) is not { } decoded) return null;
        var m = NewArticleKey().Match(decoded);
        if (!m.Success) return null;
        return new ArticleKey(m.Groups["key"].Value, Dates.TryParseIso(m.Groups["day"].Value, out var day) ? day : null);
    }

    /// <summary>The day an address names: newsID=2022-03-10-0002, or the key inside the base64 query.</summary>
    internal static DateOnly? DayOf(Uri url)
    {
        var m = OldArticleQuery().Match(url.Query);
        if (m.Success && Dates.TryParseIso(m.Groups["key"].Value[..10], out var day)) return day;
        return KeyOf(url)?.Day;
    }

    /// <summary>The language of the edition an address is in (/en/, /ko/, /cn/), or null when it names none.</summary>
    internal static string? EditionLanguage(Uri url)
    {
        var segment = url.AbsolutePath.TrimStart('/').Split('/')[0];
        return Editions.FirstOrDefault(e => e.Path.Equals(segment, StringComparison.OrdinalIgnoreCase)).Language;
    }

    private static string? DecodeQuery(string query)
    {
        var m = Base64Query().Match(Uri.UnescapeDataString(query));
        if (!m.Success) return null;
        var b64 = m.Groups["b64"].Value.TrimEnd('=');
        b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
        try
        {
            var text = Encoding.Latin1.GetString(Convert.FromBase64String(b64));
            return text.Contains('@') ? text : null;
        }
        catch (FormatException) { return null; }
    }

    // /en/ in the address; on a saved page, the language marks of its header images ("page_article_markEN.PNG")
    // or picture folders ("/article_contents_en/").
    private static string? LanguageOf(IHtmlDocument document, string html, Uri url)
    {
        foreach (var candidate in new[] { url, Markup.Address(document, html) })
            if (candidate is not null && EditionLanguage(candidate) is { } language) return language;
        foreach (var src in document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!))
        {
            var m = Regex.Match(src, @"(?:mark|_contents_)(?<code>EN|en|CN|cn|KO|ko|KR|kr)\b|article_contents_(?<code>[a-z]{2})/", RegexOptions.CultureInvariant);
            if (m.Success && Model.Languages.Normalise(m.Groups["code"].Value) is { } language) return language;
        }
        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
