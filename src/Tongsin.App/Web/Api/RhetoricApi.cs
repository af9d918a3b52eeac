using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Rhetoric;
using Tongsin.App.Shared;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Api;

/// <summary>
/// GET /api/rhetoric?target=united-states&amp;interval=month: the rhetoric index of a target per
/// bucket, each point with its hostile sentences, all sentences, the ids of the articles behind it
/// and a link to them; format=csv gives the same as CSV.
/// </summary>
internal static class RhetoricApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/rhetoric", GetRhetoric);

    public static async Task<Results<RhetoricResult, ProblemHttpResult>> GetRhetoric(HttpContext context, IArchive archive, RhetoricScorer scorer)
    {
        try
        {
            var (target, request, csv) = Read(new Parameters(context.Request, archive), scorer);
            var points = await Task.Run(() => new RhetoricIndex(archive).Run(request, context.RequestAborted), context.RequestAborted);
            return new RhetoricResult(target, request, points, csv);
        }
        catch (QueryException e)
        {
            return ApiProblems.BadRequest(e);
        }
    }

    /// <summary>An index's request from the query string: target, interval, source, from, to; and format.</summary>
    public static (Entity Target, RhetoricRequest Request, bool Csv) Read(Parameters p, RhetoricScorer scorer)
    {
        var text = p.Text("target");
        if (string.IsNullOrWhiteSpace(text)) throw new QueryException("give a target in 'target': a slug (united-states, south-korea, japan) or a name");
        var target = scorer.Targets.Resolve(text);
        var interval = TallyBuckets.Parse(p.Text("interval") ?? "month");
        var (from, to) = p.Dates();
        var csv = p.Csv();
        return (target, new RhetoricRequest(target.Slug, interval, p.Sources(), from, to), csv);
    }

    /// <summary>The search behind a point: the target's name, within the bucket's days and the chosen sources.</summary>
    public static string Behind(Entity target, RhetoricRequest request, RhetoricPoint p)
    {
        var last = TallyBuckets.Next(p.Bucket, request.Interval).AddDays(-1);
        var parts = new List<string> { "q=" + Uri.EscapeDataString($"\"{target.Name}\""), "from=" + Display.Iso(p.Bucket), "to=" + Display.Iso(last) };
        if (request.Sources is { } chosen) parts.AddRange(chosen.Select(c => "source=" + Uri.EscapeDataString(c)));
        return "/search?" + string.Join("&", parts);
    }
}

/// <summary>The index as JSON, or as CSV for a spreadsheet.</summary>
internal sealed class RhetoricResult(Entity target, RhetoricRequest request, IReadOnlyList<RhetoricPoint> points, bool csv) : IResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        if (!csv) return Respond.Json(context, w => RhetoricWriter.Json(w, target, request.Interval, points, p => RhetoricApi.Behind(target, request, p)));
        var text = new StringWriter();
        RhetoricWriter.Csv(text, target, points);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"rhetoric.csv\"";
        return Respond.Bytes(context, Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8");
    }
}
