using System.Net;
using System.Text;

namespace Tongsin.Tests.Support;

/// <summary>
/// A small Rodong Sinmun site in the layout used until 2022, served by a <see cref="FixtureSite"/>:
/// an English list page at /en/ and an article page for each item. Articles can be edited, deleted
/// and put back between crawls.
/// </summary>
public sealed class RodongFixtureSite(FixtureSite site)
{
    private readonly Dictionary<string, (string Title, DateOnly Day, string[] Paragraphs)> _articles = new();

    public FixtureSite Site => site;

    public static string PathOf(string newsId) => $"/en/index.php?strPageID=SF01_02_01&newsID={newsId}";

    public void Article(string newsId, string title, DateOnly day, params string[] paragraphs)
    {
        _articles[newsId] = (title, day, paragraphs);
        site.Serve(PathOf(newsId), ArticleHtml(title, day, paragraphs));
        PublishList();
    }

    public void Delete(string newsId) => site.Remove(PathOf(newsId));

    public void Restore(string newsId)
    {
        var (title, day, paragraphs) = _articles[newsId];
        site.Serve(PathOf(newsId), ArticleHtml(title, day, paragraphs));
    }

    /// <summary>The list page repeats its first item at the end, as real lists sometimes do.</summary>
    private void PublishList()
    {
        var lines = new StringBuilder();
        var items = _articles.OrderByDescending(a => a.Key).ToList();
        foreach (var (newsId, (title, day, _)) in items.Append(items[0]))
            lines.Append($"<div class=\"ListNewsLineContainer\"><div class=\"ListNewsLineTitleW\"><a href=\"javascript:article_open('index.php?strPageID=SF01_02_01&newsID={newsId}')\">{WebUtility.HtmlEncode(title)}</a></div>"
                + $"<div class=\"ListNewsLineWriter\">Rodong Sinmun</div><div class=\"ListNewsLineDate\">{day:yyyy.MM.dd}</div></div>");
        site.Serve("/en/", $"<html><head><meta charset=\"utf-8\"><title>Rodong Sinmun</title></head><body><div class=\"ListNewsContainer\">{lines}</div>"
            + "<div class=\"FooterContainer\"><div class=\"FooterTitle\">Copyright by The Rodong Sinmun.</div></div></body></html>");
    }

    private static string ArticleHtml(string title, DateOnly day, string[] paragraphs)
    {
        var date = $"{day.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture)}. {day.Day},&nbsp;Juche {day.Year - 1911} ({day.Year})&nbsp;&nbsp;{day.DayOfWeek}";
        var body = string.Concat(paragraphs.Select(p => $"<p class=\"ArticleContent\" style=\"text-align:justify\">{WebUtility.HtmlEncode(p)}</p>"));
        return $"""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Rodong Sinmun</title></head><body>
            <div class="ArticleHeaderContainer"><div class="ArticleMenuContainer"><div class="ArticleMenuDate">{date}</div></div>
            <div class="ArticleRightContainer"><div class="ArticleRightMark"><img src="images/page_article_markEN.PNG"></div></div></div>
            <table><tr><td><p class="ArticleContent" align="center"><font style="font-weight:bold">{WebUtility.HtmlEncode(title)}</font></p>{body}<p class="ArticleContent" align="right">Rodong Sinmun</p></td></tr></table>
            <div class="ArticleFooterContainer"><div class="ArticleFooterCopy">Copyright by The Rodong Sinmun.</div></div></body></html>
            """;
    }
}
