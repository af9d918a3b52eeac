using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Reprints;
using Tongsin.Archive;
using Tongsin.Model;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/articles/{id}: one article with every version, as `tongsin export` writes it.</summary>
internal static class ArticleApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/articles/{id}", GetArticle);

    public static Results<TaggedJsonResult, RedirectHttpResult, ProblemHttpResult> GetArticle(string id, IArchive archive)
    {
        var n = Routes.ParseId(id);
        var article = n is { } i ? archive.FindArticle(i) : null;
        // An article merged into another (the same text under another address) is that one now.
        if (article is null && n is { } merged && archive.MergedInto(merged) is { } into)
            return TypedResults.Redirect($"/api/articles/{into}", permanent: true);
        if (article is null) return ApiProblems.NotFound($"The archive has no article '{id}'.");
        var history = new ArticleHistory(article, archive.Versions(article.Id))
        {
            Addresses = archive.Addresses(article.Id),
            Reprints = new ReprintClusters(archive).LinksOf(article.Id),
            Mentions = ArticleMentions.Of(archive, [article.Id])[article.Id],
        };
        // Written by the exporter's own code, so the API and an export never drift apart; tagged, since an article changes rarely.
        return new TaggedJsonResult(w => Exchange.JsonlRecord.Write(w, history, withHistory: true));
    }
}
