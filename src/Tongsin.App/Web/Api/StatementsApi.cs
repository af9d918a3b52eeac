using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Statements;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/statements?issuer=&amp;kind=&amp;target=&amp;from=&amp;to=&amp;limit=: the statements the articles carry, newest first.</summary>
internal static class StatementsApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/statements", List);

    public static Results<Ok<StatementListResponse>, ProblemHttpResult> List(HttpRequest request, IArchive archive, Gazetteer gazetteer)
    {
        try
        {
            var p = new Parameters(request, archive);
            var filter = Filter(p);
            var limit = p.Number("limit", 500, 1, StatementTracker.MostListed);
            return TypedResults.Ok(new StatementListResponse([.. new StatementTracker(archive, gazetteer).List(filter, limit).Select(Record)]));
        }
        catch (QueryException e)
        {
            return ApiProblems.BadRequest(e);
        }
    }

    /// <summary>The filter from the query string: issuer, kind, target, from, to; a malformed one is a QueryException (a 400).</summary>
    public static StatementFilter Filter(Parameters p)
    {
        var kind = p.Text("kind") is { } k
            ? StatementKinds.Parse(k) ?? throw new QueryException($"'kind' must be one of {string.Join(", ", StatementKinds.ByName.Keys)}, not '{(k.Length > 30 ? k[..27] + "..." : k)}'")
            : (StatementKind?)null;
        var issuer = p.Text("issuer");
        var target = p.Text("target");
        if (issuer is { Length: > 200 } || target is { Length: > 200 }) throw new QueryException("'issuer' and 'target' are at most 200 characters long");
        var (from, to) = p.Dates();
        return new StatementFilter(issuer, kind, target, from, to);
    }

    public static StatementRecord Record(TrackedStatement s) => new(Display.Iso(s.Published), s.Issuer, s.IssuerSlug, s.Office, s.OfficeSlug,
        StatementKinds.Name(s.Kind), s.Dprk, s.Targets, s.ArticleId, s.Title, s.Source);
}

internal sealed record StatementListResponse(IReadOnlyList<StatementRecord> Statements);

internal sealed record StatementRecord(string Date, string? Issuer, string? IssuerSlug, string? Office, string? OfficeSlug, string Kind, bool Dprk,
    IReadOnlyList<string> Targets, long Article, string Title, string Source);
