using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/articles: articles and stubs, newest first, a page at a time.</summary>
internal static class ArticlesApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/articles", ListArticles);

    public static Results<Ok<ArticleListResponse>, ProblemHttpResult> ListArticles(HttpRequest request, IArchive archive)
    {
        try
        {
            var p = new Parameters(request, archive);
            var (from, to) = p.Dates();
            var query = new ArticleQuery(p.Sources(), from, to, p.Number("limit", 20, 1, ApiPaging.MaxLimit), p.Number("offset", 0, 0, ApiPaging.MaxOffset));
            var listing = archive.ListArticles(query);
            return TypedResults.Ok(new ArticleListResponse(listing.Total, query.Limit, query.Offset,
                listing.HasMore ? ApiPaging.NextLink(request, query.Offset + query.Limit) : null,
                [.. listing.Articles.Select(ArticleSummary.From)]));
        }
        catch (QueryException e)
        {
            return ApiProblems.BadRequest(e);
        }
    }
}

internal sealed record ArticleListResponse(long Total, int Limit, int Offset, string? Next, IReadOnlyList<ArticleSummary> Articles);

/// <summary>An article in a listing: what it is and where to get it whole (href).</summary>
internal sealed record ArticleSummary(
    long Id, string Title, string Source, string SourceSlug, string Language, string Published, string Status,
    string? Teaser, string? Url, int Versions, string? Removed, string Href)
{
    public static ArticleSummary From(ArticleRecord a) => new(
        a.Id, a.Title, a.Source.Label, a.Source.Slug, a.Source.Language, Dates.ToIso(a.Published),
        a.Status == ArticleStatus.Stub ? "stub" : "complete", Display.Teaser(a), a.Url, a.VersionCount,
        a.RemovedOn is { } removed ? Dates.ToIso(removed) : null, $"/api/articles/{a.Id}");
}
