using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// The body of an article on a page whose markup is plain: the element whose own paragraphs hold the
/// most text. Paragraphs nested deeper (a caption in a figure, a teaser in a sidebar box) belong to some
/// other element and so are never counted as the body's.
/// </summary>
public static class ArticleBlock
{
    public static IElement? Find(IHtmlDocument document, string? preferred = null)
    {
        if (preferred is not null && document.QuerySelector(preferred) is { } chosen && Markup.ChildParagraphs(chosen).Any())
            return chosen;
        IElement? best = null;
        var bestLength = 0;
        foreach (var p in document.QuerySelectorAll("p"))
        {
            var parent = p.ParentElement;
            if (parent is null || parent == best || InChrome(parent)) continue;
            var length = Markup.ChildParagraphs(parent).Sum(c => Markup.Text(c).Length);
            if (length > bestLength) { best = parent; bestLength = length; }
        }
        return best;
    }

    public static List<string> Paragraphs(IElement block) =>
        Markup.ChildParagraphs(block).Select(Markup.Text).Where(t => t.Length > 0).ToList();

    /// <summary>The heading that names the block: the last h1-h3 before it in the page, or the page's first h1.</summary>
    public static IElement? Heading(IHtmlDocument document, IElement block)
    {
        IElement? last = null;
        foreach (var h in document.QuerySelectorAll("h1, h2, h3"))
        {
            if (Markup.Text(h).Length == 0) continue;
            if ((h.CompareDocumentPosition(block) & DocumentPositions.Following) == 0) break;
            if (InChrome(h)) continue;
            last = h;
        }
        return last ?? document.QuerySelectorAll("h1").FirstOrDefault(h => Markup.Text(h).Length > 0);
    }

    private static bool InChrome(IElement e) =>
        e.Closest("nav, footer, header, aside, figure, figcaption, .sidebar, .widget, .menu") is not null;
}
