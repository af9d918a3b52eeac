using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.App.Shared;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Api;

/// <summary>
/// GET /api/appearances?person=kim-jong-un&amp;from=2013-01-01&amp;to=2013-12-31: the followed
/// person's public appearances, each with date, date_basis, activity, kind, place, companions in
/// order and the articles reporting it; with=NAME keeps those in which that companion was named.
/// </summary>
internal static class AppearancesApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/appearances", List);

    public static Results<TaggedJsonResult, ProblemHttpResult> List(HttpRequest request, IArchive archive, Gazetteer gazetteer)
    {
        try
        {
            var p = new Parameters(request, archive);
            var person = Followed(p.Text("person"), gazetteer);
            var (from, to) = p.Dates();
            var with = Companion(p.Text("with"), gazetteer);
            var calendar = new AppearanceCalendar(archive);
            var appearances = with is null ? calendar.Appearances(person, from, to) : calendar.With(with, person, from, to);
            return new TaggedJsonResult(w => AppearanceWriter.Json(w, appearances));
        }
        catch (QueryException e)
        {
            return ApiProblems.BadRequest(e);
        }
    }

    /// <summary>A companion to look for: the slug of the entity a spelling names, else the name as written; null when none is given.</summary>
    public static string? Companion(string? text, Gazetteer gazetteer)
    {
        if (text is null) return null;
        if (text.Length > 200) throw new QueryException("'with' must be a name or a slug of at most 200 characters");
        return gazetteer.SlugOrName(text);
    }

    /// <summary>A followed person's slug from any spelling of the name; null for every followed person.</summary>
    public static string? Followed(string? text, Gazetteer gazetteer)
    {
        if (text is null) return null;
        var followed = gazetteer.Entities.Where(e => e.Followed).ToList();
        var found = gazetteer.FindFollowed(text);
        return found.Count == 1 ? found[0].Slug
            : throw new QueryException($"'person' must name one followed person ({string.Join(", ", followed.Select(e => e.Slug))}), not '{(text.Length > 40 ? text[..40] : text)}'");
    }
}
