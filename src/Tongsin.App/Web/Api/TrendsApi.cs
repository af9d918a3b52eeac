using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongsin.Analysis.Reprints;
using Tongsin.Analysis.Trends;
using Tongsin.App.Shared;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.App.Web.Api;

/// <summary>
/// GET /api/trends?q=...&amp;q=...&amp;interval=month: each query's matching articles per bucket,
/// with the total the chosen sources published and the share; format=csv gives the same as CSV.
/// Through the <see cref="SearchGate"/>, as searches are.
/// </summary>
internal static class TrendsApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapRead("/trends", GetTrends);

    public static async Task<Results<TrendsResult, ProblemHttpResult>> GetTrends(HttpContext context, IArchive archive, SearchGate gate, ReprintGroupCache kept)
    {
        try
        {
            var (request, csv) = Read(new Parameters(context.Request, archive), context.Request);
            var series = await gate.Run(context, (bounds, cancel) => new Trends(archive, kept).Run(request with { Bounds = bounds }, cancel));
            return new TrendsResult(request.Interval, series, csv);
        }
        catch (QueryException e)
        {
            return ApiProblems.BadRequest(e);
        }
    }

    /// <summary>A trend's request from the query string: q (repeatable), interval, source, from, to, split=source, copies=all; and format.</summary>
    public static (TrendRequest Request, bool Csv) Read(Parameters p, HttpRequest http)
    {
        var queries = p.Values("q").Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
        if (queries.Count == 0) throw new QueryException("give at least one query in 'q' (repeat q for several)");
        if (queries.Count > TrendRequest.MostQueries) throw new QueryException($"at most {TrendRequest.MostQueries} queries, not {queries.Count}");
        foreach (var q in queries)
            if (q.Length > Parameters.MaxQueryLength) throw new QueryException($"a query is {q.Length} characters long; the most is {Parameters.MaxQueryLength}");
        var interval = TallyBuckets.Parse(p.Text("interval") ?? "month");
        var (from, to) = p.Dates();
        var split = p.Text("split") switch
        {
            null or "" or "none" => false,
            "source" => true,
            var other => throw new QueryException($"'split' must be source or none, not '{(other.Length > 20 ? other[..20] : other)}'"),
        };
        var everyCopy = p.Text("copies") switch
        {
            null or "" or "once" => false,
            "all" => true,
            var other => throw new QueryException($"'copies' must be once or all, not '{(other.Length > 20 ? other[..20] : other)}'"),
        };
        var csv = p.Csv();
        return (new TrendRequest(queries, interval, p.Sources(), from, to, split, EveryCopy: everyCopy), csv);
    }
}

/// <summary>A trend's series as JSON, or as CSV for a spreadsheet.</summary>
internal sealed class TrendsResult(TallyInterval interval, IReadOnlyList<TrendSeries> series, bool csv) : IResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        if (!csv) return Respond.Json(context, w => TrendWriter.Json(w, interval, series));
        var text = new StringWriter();
        TrendWriter.Csv(text, series);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"trends.csv\"";
        return Respond.Bytes(context, Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8");
    }
}
