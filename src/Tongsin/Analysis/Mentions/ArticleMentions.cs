using Tongsin.Archive;
using Tongsin.Model;

namespace Tongsin.Analysis.Mentions;

/// <summary>What an export, the article API and `show --json` carry of an article's mentions.</summary>
public static class ArticleMentions
{
    /// <summary>The entities these articles name, as the model carries them, a list for each (empty for none).</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<NamedEntity>> Of(IArchive archive, IReadOnlyList<long> articles)
    {
        var found = new EntityMentions(archive).Of(articles);
        return articles.Distinct().ToDictionary(id => id, id => found.TryGetValue(id, out var list)
            ? (IReadOnlyList<NamedEntity>)list.Select(m => new NamedEntity(m.Name, m.Kind, m.Entity, m.Count)).ToList()
            : []);
    }
}
