using Tongsin.Search;

namespace Tongsin.Analysis.Reprints;

/// <summary>
/// The groups of copies (<see cref="ReprintClusters.Groups"/>) kept between trends until the
/// clusters change: read afresh, they cost a row for every clustered article of the chosen sources
/// and dates, every trend. Kept by what the clusters' state says (the clustering's watermark and
/// parameters), so an update or a rebuild of the clusters is seen at the next trend. One for an
/// archive, shared between threads.
/// </summary>
public sealed class ReprintGroupCache
{
    // A few choices of sources and dates: enough for the charts a page and its downloads draw.
    private const int MostKept = 16;

    private readonly object _gate = new();
    private readonly Dictionary<string, TallyGroups> _kept = [];

    public TallyGroups Groups(ReprintClusters clusters, IReadOnlyList<string>? sources, DateOnly? from, DateOnly? to, bool bySource)
    {
        var key = string.Join("|", clusters.State(), string.Join(",", sources ?? []), from?.DayNumber, to?.DayNumber, bySource);
        lock (_gate)
            if (_kept.TryGetValue(key, out var kept)) return kept;
        var groups = clusters.Groups(sources, from, to, bySource);
        lock (_gate)
        {
            if (_kept.Count >= MostKept) _kept.Clear();
            _kept[key] = groups;
        }
        return groups;
    }
}
