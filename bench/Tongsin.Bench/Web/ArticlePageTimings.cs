using System.Diagnostics;
using Tongsin.Archive;
using Tongsin.Archive.Sqlite;

namespace Tongsin.Bench.Web;

/// <summary>The archive calls behind one article page, each timed in milliseconds.</summary>
internal sealed record ArticlePageTiming(double Article, double Versions, double MoreFrom)
{
    public double Total => Article + Versions + MoreFrom;
}

/// <summary>
/// The three archive calls /articles/{id} makes (the article, its versions, and the "More From"
/// listing of its source), timed one page at a time in this process, so a slow page can be traced
/// to the call that makes it slow.
/// </summary>
internal static class ArticlePageTimings
{
    // ArticlePage.MoreFromCount: how many articles of the same source a page lists.
    private const int MoreFromCount = 6;

    public static IReadOnlyList<ArticlePageTiming> Measure(string path, IReadOnlyList<long> ids)
    {
        using var archive = SqliteArchive.Open(path, TimeProvider.System);
        Page(archive, ids[0]); // warm the statement cache
        return ids.Select(id => Page(archive, id)).ToList();
    }

    private static ArticlePageTiming Page(IArchive archive, long id)
    {
        var clock = Stopwatch.StartNew();
        var article = archive.FindArticle(id) ?? throw new InvalidOperationException($"the archive has no article {id}");
        var found = clock.Elapsed.TotalMilliseconds;
        archive.Versions(id);
        var versions = clock.Elapsed.TotalMilliseconds;
        archive.ListArticles(new ArticleQuery([article.Source.Slug], Limit: MoreFromCount, ExcludeId: id));
        var listed = clock.Elapsed.TotalMilliseconds;
        return new ArticlePageTiming(found, versions - found, listed - versions);
    }
}
