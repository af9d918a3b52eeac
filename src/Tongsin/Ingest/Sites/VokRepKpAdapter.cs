using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// vok.rep.kp, the Voice of Korea, in nine languages. Its addresses end in the edition's code:
/// ko, en, ch (Chinese), ru, fr, ge (German), sp (Spanish), ja, ar. Front page: /index.php/home/main/{code}.
/// Articles: /index.php/revo_de/getDetail/{id}/{code} (the leader's activities),
/// /index.php/detail_com/comde/{id}/{section}/{code} and /gude/... (news, features, answers to listeners),
/// /index.php/detail_com/vi_video/{id} and /vi_audio/{id} (broadcasts, with little or no text).
/// A list item is a link whose text ends in its date, "(2026.10.4)".
/// </summary>
public sealed partial class VokRepKpAdapter(OutletCatalog outlets) : ISiteAdapter
{
    private static readonly (string Code, string Language)[] Editions =
    [
        ("ko", "ko"), ("en", "en"), ("ch", "zh"), ("ru", "ru"), ("fr", "fr"), ("ge", "de"), ("sp", "es"), ("ja", "ja"), ("ar", "ar"),
    ];

    private readonly Outlet _outlet = outlets.Resolve("Voice of Korea");

    public string Site => "vok.rep.kp";

    public IReadOnlyList<string> Languages { get; } = Editions.Select(e => e.Language).ToArray();

    [GeneratedRegex(@"^/index\.php/(?:revo_de/getDetail/(?<id>[a-z]{3}\d{9})(?:/(?<code>[a-z]{2}))?|detail_com/(?:comde|gude)/(?<id>[a-z]{3}\d{9})(?:/\d+)?(?:/(?<code>[a-z]{2}))?|detail_com/vi_(?:video|audio)/(?<id>[a-z]{3}\d{9})(?:/(?<code>[a-z]{2}))?)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticlePath();

    [GeneratedRegex(@"^/index\.php/(?:home/main|[a-z_]+/[a-zA-Z_]+list[a-zA-Z_]*)(?:/[\w-]+)*/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListingPath();

    [GeneratedRegex(@"\s*\(\s*(?<date>\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\.?)\s*\)\s*$")]
    private static partial Regex TrailingDate();

    public IReadOnlyList<PageRequest> Listings(Uri baseUrl, string language)
    {
        var code = Editions.FirstOrDefault(e => e.Language == Model.Languages.Normalise(language)).Code
            ?? throw new ArgumentException($"vok.rep.kp has no edition in '{language}'", nameof(language));
        return [new PageRequest(new Uri(baseUrl, $"/index.php/home/main/{code}"))];
    }

    public bool Handles(Uri url) => ArticlePath().IsMatch(url.AbsolutePath) || ListingPath().IsMatch(url.AbsolutePath);

    public bool Recognises(string html)
    {
        var document = Markup.Parse(html);
        if (Markup.Address(document, html) is { } address && Markup.IsOn(address, Site)) return true;
        // Its own links are written from the site root: "/index.php/detail_com/comde/...".
        return document.QuerySelectorAll("a[href]").Count(a => a.GetAttribute("href")!.Contains("/index.php/detail_com/", StringComparison.Ordinal)
            || a.GetAttribute("href")!.Contains("/index.php/revo_de/", StringComparison.Ordinal)
            || a.GetAttribute("href")!.Contains("/index.php/home/main/", StringComparison.Ordinal)) >= 3;
    }

    public ListingPage ReadListing(string html, Uri url)
    {
        var document = Markup.Parse(html);
        var items = new List<ListingItem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var link = Markup.Resolve(url, a.GetAttribute("href"));
            if (link is null || !ArticlePath().IsMatch(link.AbsolutePath)) continue;
            var (title, date) = SplitDate(Markup.Text(a));
            date ??= Dates.FindDotted(Markup.Text(a.ParentElement));
            if (seen.TryGetValue(link.AbsolutePath, out var at))
            {
                var known = items[at];
                items[at] = known with { Title = known.Title ?? title, Published = known.Published ?? date };
                continue;
            }
            seen[link.AbsolutePath] = items.Count;
            items.Add(new ListingItem(link, title, date));
        }
        return new ListingPage(items, null);
    }

    public ArticleReading ReadArticle(string html, Uri url)
    {
        var document = Markup.Parse(html);
        ArticleReading GoneOr(ImportFailureException failure) => GonePage.Says(document) ? ArticleReading.Gone : throw failure;

        var block = ArticleBlock.Find(document, ".content, .detail_content, .article_content, #content");
        var heading = block is null ? null : ArticleBlock.Heading(document, block);
        if (heading is null || block is null)
        {
            var listed = ReadListing(html, url).Items.Count;
            if (listed > 3) throw new ImportFailureException(ImportFailureKind.Listing, $"a Voice of Korea page linking {listed} articles");
            return GoneOr(new ImportFailureException(ImportFailureKind.Invalid, "the Voice of Korea page has no article heading and text"));
        }
        var (title, dated) = SplitDate(Markup.Text(heading));
        var paragraphs = ArticleBlock.Paragraphs(block);
        if (title is not null && paragraphs.Count > 0 && paragraphs[0] == title) paragraphs.RemoveAt(0);
        if (title is null || paragraphs.Count == 0)
            return GoneOr(new ImportFailureException(ImportFailureKind.Invalid, $"the Voice of Korea item '{title}' has no {(title is null ? "title" : "text")}"));

        // The date is by the title ("(2026.10.4)") or just under it.
        var published = dated
            ?? Dates.FindDotted(Markup.Text(heading.ParentElement))
            ?? Dates.FindDotted(string.Join(" ", document.QuerySelectorAll(".date, .time, .pubdate").Select(Markup.Text)));
        if (published is null)
            return GoneOr(new ImportFailureException(ImportFailureKind.Invalid, $"the Voice of Korea article '{title}' shows no date like (2026.10.4)"));
        var source = new Source(_outlet, LanguageOf(document, html, url) ?? Model.Languages.Guess(title + " " + paragraphs[0]));
        return ArticleReading.Found(new ArticleCapture(source, title, published.Value, null, url.ToString(), paragraphs));
    }

    private static (string? Title, DateOnly? Date) SplitDate(string text)
    {
        var m = TrailingDate().Match(text);
        if (!m.Success) return (text.Length == 0 ? null : text, null);
        var title = text[..m.Index].TrimEnd();
        return (title.Length == 0 ? null : title, Dates.FindDotted(m.Groups["date"].Value));
    }

    // The code that ends the address; for broadcasts, whose addresses have none, the item id:
    // its second letter names the language ("ien..." English, "ije..." Japanese).
    private static string? LanguageOf(IHtmlDocument document, string html, Uri url)
    {
        foreach (var candidate in new[] { url, Markup.Address(document, html) })
        {
            if (candidate is null) continue;
            var m = ArticlePath().Match(candidate.AbsolutePath);
            if (!m.Success) continue;
            if (m.Groups["code"].Success && CodeToLanguage(m.Groups["code"].Value) is { } byCode) return byCode;
            if (IdLetter(m.Groups["id"].Value[1]) is { } byId) return byId;
        }
        return null;
    }

    private static string? CodeToLanguage(string code) =>
        Editions.FirstOrDefault(e => e.Code.Equals(code, StringComparison.OrdinalIgnoreCase)).Language;

    private static string? IdLetter(char letter) => char.ToLowerInvariant(letter) switch
    {
        'k' => "ko", 'e' => "en", 'c' => "zh", 'r' => "ru", 'f' => "fr", 'g' => "de", 's' => "es", 'j' => "ja", 'a' => "ar",
        _ => null,
    };
}
