using Tongsin.Text;

namespace Tongsin.Search;

/// <summary>
/// Plain words one after another in an AND that together make a romanised name (Kim Jong Un), with
/// the name's key (<see cref="Romanisation.QueryKey"/>). Each backend's translation matches such a
/// run as its words or as the name however it is spelt; finding the runs is the same for all.
/// </summary>
internal sealed record NameRun(IReadOnlyList<string> Words, string Key)
{
    /// <summary>
    /// The parts of an AND in order, each translated alone by <paramref name="part"/>, except that a
    /// run of words making a name is translated once, whole, by <paramref name="name"/>. Runs are
    /// taken from the left, the longest first.
    /// </summary>
    public static List<T> Translate<T>(IReadOnlyList<QueryNode> parts, Func<QueryNode, T> part, Func<NameRun, T> name)
    {
        var translated = new List<T>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (At(parts, i) is { } run)
            {
                translated.Add(name(run));
                i += run.Words.Count - 1;
            }
            else translated.Add(part(parts[i]));
        }
        return translated;
    }

    /// <summary>Whether any run of the parts makes a name.</summary>
    public static bool Any(IReadOnlyList<QueryNode> parts) => Enumerable.Range(0, parts.Count).Any(i => At(parts, i) is not null);

    /// <summary>The run of three or else two plain words starting at <paramref name="start"/> that makes a name, or null.</summary>
    public static NameRun? At(IReadOnlyList<QueryNode> parts, int start)
    {
        for (var length = 3; length >= 2; length--)
        {
            if (start + length > parts.Count) continue;
            var run = parts.Skip(start).Take(length).ToList();
            if (!run.All(p => p is WordNode { Field: null, Prefix: false } w && !Hangul.Contains(w.Text))) continue;
            var words = run.Cast<WordNode>().Select(w => w.Text).ToList();
            if (Romanisation.QueryKey(words) is { } key) return new NameRun(words, key);
        }
        return null;
    }
}
