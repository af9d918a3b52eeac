using System.Globalization;
using Dapper;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.Analysis.Rhetoric;

/// <summary>What an index asks: a target (its slug), the buckets of time, and the sources and days counted.</summary>
public sealed record RhetoricRequest(string Target, TallyInterval Interval = TallyInterval.Month, IReadOnlyList<string>? Sources = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// One bucket of the index: the sentences hostile toward the target (<see cref="Hostile"/>), those
/// naming it (<see cref="Naming"/>), every sentence the sources counted published (<see cref="Sentences"/>),
/// the first per 1,000 of the last (<see cref="Index"/>), and the articles with a hostile sentence.
/// </summary>
public sealed record RhetoricPoint(DateOnly Bucket, string Label, double Index, long Hostile, long Naming, long Sentences, IReadOnlyList<long> Articles);

/// <summary>
/// The rhetoric index of a target over time (docs/rhetoric.md): hostile sentences toward it per
/// 1,000 sentences published in each bucket, from the rhetoric analyser's tables. Every bucket of the
/// span has a point, empty ones at zero. The SQL is the same on both backends: rows per day and
/// source come back (the day as ISO text, as the analyser writes it), and the dates, sources and
/// buckets are sorted out here.
/// </summary>
public sealed class RhetoricIndex(IArchive archive)
{
    public IReadOnlyList<RhetoricPoint> Run(RhetoricRequest request, CancellationToken cancel = default)
    {
        if (request.From is { } f && request.To is { } t && f > t) throw new QueryException($"the dates leave no days to count ({f:yyyy-MM-dd} is after {t:yyyy-MM-dd})");
        using var c = archive.Connect();
        if (c.ExecuteScalar<long>("SELECT count(*) FROM analyser_state WHERE name = 'rhetoric'") == 0)
            throw new QueryException("this archive has no rhetoric counts yet: run `tongsin analyse --only rhetoric`");
        bool Counted(string source, DateOnly day) =>
            (request.Sources is not { Count: > 0 } chosen || chosen.Contains(source)) && (request.From is not { } from || day >= from) && (request.To is not { } to || day <= to);

        var totals = new Dictionary<DateOnly, long>();
        foreach (var (published, source, sentences) in c.Query<(string, string, long)>(
            "SELECT published, source, sum(sentences) FROM rhetoric_articles GROUP BY published, source"))
        {
            var day = Day(published);
            if (!Counted(source, day)) continue;
            var bucket = TallyBuckets.Start(day, request.Interval);
            totals[bucket] = totals.GetValueOrDefault(bucket) + sentences;
        }
        cancel.ThrowIfCancellationRequested();

        var counts = new Dictionary<DateOnly, (long Hostile, long Naming, List<long> Articles)>();
        foreach (var (id, published, source, hostile, naming) in c.Query<(long, string, string, long, long)>(
            "SELECT article_id, published, source, hostile, naming FROM rhetoric_targets WHERE target = @target", new { target = request.Target }))
        {
            var day = Day(published);
            if (!Counted(source, day)) continue;
            var bucket = TallyBuckets.Start(day, request.Interval);
            if (!counts.TryGetValue(bucket, out var sum)) counts[bucket] = sum = (0, 0, []);
            if (hostile > 0) sum.Articles.Add(id);
            counts[bucket] = (sum.Hostile + hostile, sum.Naming + naming, sum.Articles);
        }

        var first = request.From ?? (totals.Count == 0 ? (DateOnly?)null : totals.Keys.Min());
        var last = request.To ?? (totals.Count == 0 ? (DateOnly?)null : totals.Keys.Max());
        if (first is null || last is null) return [];
        return TallyBuckets.Span(first.Value, last.Value, request.Interval).Select(b =>
        {
            var total = totals.GetValueOrDefault(b);
            var (hostile, naming, articles) = counts.TryGetValue(b, out var x) ? x : (0, 0, []);
            articles.Sort();
            return new RhetoricPoint(b, TallyBuckets.Label(b, request.Interval), total == 0 ? 0 : hostile * 1000.0 / total, hostile, naming, total, articles);
        }).ToList();
    }
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
