using Tongsin.Analysis.Reprints;
using Tongsin.Archive;
using Tongsin.Search;

namespace Tongsin.Analysis.Trends;

/// <summary>
/// What a trend asks: one or more queries of the query language, the buckets of time, the sources
/// and days to count within, whether each source gets a series of its own, and whether every copy of
/// a text counts (<see cref="EveryCopy"/>) rather than each text once.
/// </summary>
public sealed record TrendRequest(
    IReadOnlyList<string> Queries,
    TallyInterval Interval = TallyInterval.Month,
    IReadOnlyList<string>? Sources = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool BySource = false,
    SearchBounds? Bounds = null,
    bool EveryCopy = false)
{
    public const int MostQueries = 10;
}

/// <summary>
/// One bucket of a series: how many articles matched (<see cref="Count"/>), how many the chosen
/// sources published in all (<see cref="Total"/>), and the first as a share of the second.
/// </summary>
public sealed record TrendPoint(DateOnly Bucket, string Label, long Count, long Total, double Share);

/// <summary>A query's series, for all the chosen sources together or for one (<see cref="Source"/>, its slug).</summary>
public sealed record TrendSeries(string Query, string? Source, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// Attention over time: each query's matches per bucket, as counts and as a share of everything
/// the chosen sources published in the bucket (the same query's filters without its words), so
/// that a busy month does not look like a surge. Every bucket of the span has a point, the empty
/// ones at zero. Counted by the archive's tally (<see cref="IArchive.Tally"/>), one pass over
/// each query's matches. A text published more than once in the chosen sources (a reprint in another
/// outlet, a copy under another address: a reprint cluster) counts once, in count and total alike, at
/// the first of its copies that matches; split by source, once in each source. With a
/// <see cref="ReprintGroupCache"/>, the groups of copies are read once until the clusters change.
/// </summary>
public sealed class Trends(IArchive archive, ReprintGroupCache? kept = null)
{
    public IReadOnlyList<TrendSeries> Run(TrendRequest request, CancellationToken cancel = default)
    {
        if (request.Queries.Count == 0) throw new QueryException("a trend needs at least one query");
        if (request.Queries.Count > TrendRequest.MostQueries) throw new QueryException($"a trend compares at most {TrendRequest.MostQueries} queries, not {request.Queries.Count}");
        if (request.From is { } f && request.To is { } t && f > t) throw new QueryException($"the dates leave no days to count ({f:yyyy-MM-dd} is after {t:yyyy-MM-dd})");
        var parsed = request.Queries.Select(QueryParser.Parse).ToList();
        var once = request.EveryCopy ? null
            : kept is not null ? kept.Groups(new ReprintClusters(archive), request.Sources, request.From, request.To, request.BySource)
            : new ReprintClusters(archive).Groups(request.Sources, request.From, request.To, request.BySource);

        // Everything the chosen sources published: one tally per distinct set of filters.
        var totals = new Dictionary<string, IReadOnlyList<TallyCount>>();
        IReadOnlyList<TallyCount> Totals(string filters)
        {
            if (!totals.TryGetValue(filters, out var counted))
                totals[filters] = counted = archive.Tally(Search(filters, request), request.Interval, cancel, once);
            return counted;
        }

        var counts = request.Queries.Select(q => archive.Tally(Search(q, request), request.Interval, cancel, once)).ToList();
        var denominators = parsed.Select(p => Totals(p.Filters.Text())).ToList();
        var buckets = Span(request, denominators.SelectMany(d => d).Concat(counts.SelectMany(c => c)).ToList());

        var series = new List<TrendSeries>();
        for (var i = 0; i < request.Queries.Count; i++)
        {
            if (!request.BySource)
            {
                series.Add(new TrendSeries(request.Queries[i], null, Points(buckets, counts[i], denominators[i], request.Interval)));
                continue;
            }
            foreach (var source in denominators[i].Select(d => d.Source).Distinct().Order(StringComparer.Ordinal))
                series.Add(new TrendSeries(request.Queries[i], source,
                    Points(buckets, counts[i].Where(c => c.Source == source), denominators[i].Where(d => d.Source == source), request.Interval)));
        }
        return series;
    }

    private static SearchRequest Search(string query, TrendRequest request) =>
        new(query, request.Sources, From: request.From, To: request.To, Limit: 0, Bounds: request.Bounds);

    // Every bucket from the first day asked for (or counted) to the last.
    private static List<DateOnly> Span(TrendRequest request, IReadOnlyList<TallyCount> counted)
    {
        var from = request.From ?? (counted.Count == 0 ? null : counted.Min(c => c.Bucket));
        var to = request.To ?? (counted.Count == 0 ? null : counted.Max(c => c.Bucket));
        return from is { } a && to is { } b ? TallyBuckets.Span(a, b, request.Interval).ToList() : [];
    }

    private static List<TrendPoint> Points(IReadOnlyList<DateOnly> buckets, IEnumerable<TallyCount> counts, IEnumerable<TallyCount> totals, TallyInterval interval)
    {
        var matched = Sum(counts);
        var all = Sum(totals);
        return buckets.Select(b =>
        {
            var (count, total) = (matched.GetValueOrDefault(b), all.GetValueOrDefault(b));
            return new TrendPoint(b, TallyBuckets.Label(b, interval), count, total, total == 0 ? 0 : (double)count / total);
        }).ToList();
    }

    private static Dictionary<DateOnly, long> Sum(IEnumerable<TallyCount> counts) =>
        counts.GroupBy(c => c.Bucket).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
}
