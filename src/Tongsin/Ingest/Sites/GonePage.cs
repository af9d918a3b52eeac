using AngleSharp.Html.Dom;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// The "no such page" answers of the DPRK sites. They answer a removed article with an ordinary
/// page of the site that says so (often with status 200), so the words on the page are what tell.
/// </summary>
public static class GonePage
{
    private static readonly string[] Phrases =
    [
        "404 not found", "error 404", "not found", "does not exist", "no longer available", "has been deleted", "no such article",
        "페지를 찾을수 없습니다", "페지가 없습니다", "기사가 없습니다", "존재하지 않습니다", "삭제되였습니다",
        "页面不存在", "找不到", "ページが見つかりません", "страница не найдена", "página no encontrada",
    ];

    /// <summary>
    /// Whether the page says, in its title or its few words, that what was asked for is not there.
    /// Adapters ask only once a page has failed to read as an article, so an article that happens to
    /// quote such words is never taken for an error page.
    /// </summary>
    public static bool Says(IHtmlDocument document)
    {
        var title = Markup.Text(document.QuerySelector("title"));
        if (Phrases.Any(p => title.Contains(p, StringComparison.OrdinalIgnoreCase))) return true;
        var body = Markup.Text(document.Body);
        // A real article page may quote "not found"; an error page is short.
        return body.Length < 600 && Phrases.Any(p => body.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
