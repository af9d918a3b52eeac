namespace Tongsin.Archive;

/// <summary>
/// The counts (and facets) of the searches an archive answered lately, each kept with the
/// generation of the index it was counted on: an exact count is most of what a search over many
/// matches costs, and a reader asks the same query again and again, for the next page of its
/// results, for another order, for its facets. An entry counts only while the index is still of
/// that generation (the backend says what changes with every write), so a count never outlives
/// the archive it counted. The least recently used entries go first.
/// </summary>
internal sealed class CountCache<T>(int capacity = 512)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();

    private sealed record Entry(string Key, string Generation, T Value);

    /// <summary>The value counted for <paramref name="key"/> on this generation of the index, if there is one.</summary>
    public bool TryGet(string key, string generation, out T value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Generation == generation)
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Put(string key, string generation, T value)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var old)) _order.Remove(old);
            _entries[key] = _order.AddFirst(new Entry(key, generation, value));
            while (_entries.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }
    }
}
