using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Archive;

namespace Tongsin.App.Web.Api;

/// <summary>GET /api/entities (every entity named, with counts) and /api/entities/{slug} (one, as its page shows it).</summary>
internal static class EntitiesApi
{
    // The kinds the gazetteer knows, in its order.
    private static readonly string[] Kinds = [.. EntityKinds.ByName.Keys];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapRead("/entities", List);
        api.MapRead("/entities/{slug}", Show);
    }

    public static Results<Ok<EntityListResponse>, ProblemHttpResult> List(HttpRequest request, IArchive archive)
    {
        var p = new Parameters(request, archive);
        var kind = p.Text("kind");
        if (kind is not null && !Kinds.Contains(kind)) return ApiProblems.BadRequest(new Search.QueryException($"'kind' must be one of {string.Join(", ", Kinds)}"));
        var filter = p.Text("filter");
        return TypedResults.Ok(new EntityListResponse([.. new EntityMentions(archive).All(kind)
            .Where(e => filter is null || e.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Select(e => new EntityCountRecord(e.Entity, e.Kind, e.Name, e.Articles, e.Mentions))]));
    }

    public static Results<Ok<EntityDetailResponse>, ProblemHttpResult> Show(string slug, IArchive archive, Gazetteer gazetteer)
    {
        var e = EntityProfile.Find(archive, gazetteer, slug);
        if (e is null) return ApiProblems.NotFound($"No entity '{slug}' is in the gazetteer or named in the archive.");
        return TypedResults.Ok(new EntityDetailResponse(e.Slug, e.Kind, e.Name, e.Entry?.Korean, e.Entry?.Spellings.ToList() ?? [e.Name],
            [.. (e.Entry?.Roles ?? []).Select(r => new EntityRoleRecord(r.Title, r.From, r.To))], e.Articles,
            e.Span is { } s ? Iso(s.First) : null, e.Span is { } t ? Iso(t.Last) : null,
            [.. e.Months.Select(m => new EntityMonthRecord(m.Month, m.Articles))],
            [.. e.With.Select(w => new EntityCountRecord(w.Entity, w.Kind, w.Name, w.Articles, w.Mentions))],
            [.. e.Newest.Select(a => new EntityArticleRecord(a.ArticleId, Iso(a.Published), a.Source, a.Title))]));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record EntityListResponse(IReadOnlyList<EntityCountRecord> Entities);

internal sealed record EntityCountRecord(string Slug, string Kind, string Name, long Articles, long Mentions);

internal sealed record EntityRoleRecord(string Title, int? From, int? To);

internal sealed record EntityMonthRecord(string Month, long Articles);

internal sealed record EntityArticleRecord(long Id, string Published, string Source, string Title);

internal sealed record EntityDetailResponse(string Slug, string Kind, string Name, string? Korean, IReadOnlyList<string> Spellings, IReadOnlyList<EntityRoleRecord> Roles,
    long Articles, string? First, string? Last, IReadOnlyList<EntityMonthRecord> Months, IReadOnlyList<EntityCountRecord> With, IReadOnlyList<EntityArticleRecord> Newest);
