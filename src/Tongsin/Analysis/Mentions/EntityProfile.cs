using Tongsin.Analysis.Entities;
using Tongsin.Archive;

namespace Tongsin.Analysis.Mentions;

/// <summary>
/// One entity as its page shows it: what the gazetteer says of it (names, spellings, Korean name,
/// roles over time; nothing for a person it lacks) and what the archive's mentions say (how many
/// articles, the first and the last, the articles per month, who is named with it, the newest).
/// </summary>
public sealed record EntityProfile(string Slug, string Kind, string Name, Entity? Entry, long Articles, (DateOnly First, DateOnly Last)? Span,
    IReadOnlyList<MonthCount> Months, IReadOnlyList<EntityCount> With, IReadOnlyList<MentionedArticle> Newest)
{
    /// <summary>
    /// The entity a slug, a spelling or a Korean name stands for, with its mentions; null when
    /// neither the gazetteer knows it nor any article names it.
    /// </summary>
    public static EntityProfile? Find(IArchive archive, Gazetteer gazetteer, string key, int newest = 20)
    {
        var entry = gazetteer[key] ?? (gazetteer.Find(key) is [var only] ? only : null);
        var slug = entry?.Slug ?? key;
        var mentions = new EntityMentions(archive);
        var articles = mentions.ArticleCount(slug);
        if (entry is null && articles == 0) return null;
        var name = entry?.Name ?? mentions.NameOf(slug) ?? slug;
        var kind = entry is not null ? EntityKinds.Name(entry.Kind) : slug.Split(':')[0];
        return new EntityProfile(slug, kind, name, entry, articles, mentions.Span(slug), mentions.PerMonth(slug),
            articles == 0 ? [] : mentions.CoMentioned(slug, 15), articles == 0 ? [] : mentions.Newest(slug, newest));
    }
}
