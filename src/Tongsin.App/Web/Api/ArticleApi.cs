using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;
using Tongsin.Model;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/articles/{id}: one article with every version, as `tongsin export` writes it.</summary>
internal static class ArticleApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/articles/{id}", GetArticle);

    public static Results<TaggedJsonResult, ProblemHttpResult> GetArticle(string id, IArchive archive)
    {
        var article = Routes.ParseId(id) is { } n ? archive.FindArticle(n) : null;
        if (article is null) return ApiProblems.NotFound($"The archive has no article '{id}'.");
        var versions = archive.Versions(article.Id);
        // Written by the exporter's own code, so the API and an export never drift apart; tagged, since an article changes rarely.
        return new TaggedJsonResult(w => Exchange.JsonlRecord.Write(w, new ArticleHistory(article, versions), withHistory: true));
    }
}
