using Tongsin.Analysis.Entities;
using Tongsin.Model;

namespace Tongsin.Analysis.Mentions;

/// <summary>An entity one text of an article names a different number of times than another: dropped when the later names it no more, added when the earlier did not.</summary>
public sealed record NameChange(string Key, EntityKind Kind, string Name, int Before, int After)
{
    public bool Dropped => After == 0;
    public bool Added => Before == 0;
}

/// <summary>
/// Who and what an edit took out of an article or put in: the recogniser read over both texts. An
/// outlet that removes a purged official from its old reports leaves exactly this trace.
/// </summary>
public static class NameChanges
{
    /// <summary>The entities whose count differs between the two versions, dropped first, then added, then changed, each in the order the texts name them.</summary>
    public static IReadOnlyList<NameChange> Between(MentionRecogniser recogniser, ArticleVersion before, ArticleVersion after, int year = 0)
    {
        var old = recogniser.Recognise(before.Title, before.Paragraphs, year);
        var now = recogniser.Recognise(after.Title, after.Paragraphs, year).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var changes = new List<NameChange>();
        foreach (var m in old)
        {
            var count = now.Remove(m.Key, out var later) ? later.Count : 0;
            if (count != m.Count) changes.Add(new NameChange(m.Key, m.Kind, m.Name, m.Count, count));
        }
        changes.AddRange(now.Values.OrderBy(m => m.FirstPosition).Select(m => new NameChange(m.Key, m.Kind, m.Name, 0, m.Count)));
        return changes.OrderBy(c => c.Dropped ? 0 : c.Added ? 1 : 2).ToList();
    }
}
