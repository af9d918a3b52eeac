namespace Tongsin.Analysis.Entities;

/// <summary>
/// What no single line shows: a slug used twice, and a spelling claimed by two entities of one kind.
/// A spelling shared on purpose (two officials named Kim Yong Il; 김영일 for both) must be listed under
/// "ambiguous" by every entity that claims it, so that a recogniser knows not to pick one blindly.
/// </summary>
internal static class GazetteerChecks
{
    public static void Check(IReadOnlyList<Entity> entities, List<string> errors)
    {
        var slugs = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var entity in entities)
            if (!slugs.TryAdd(entity.Slug, entity))
                errors.Add($"{entity.Source}: duplicate slug '{entity.Slug}' (first at {slugs[entity.Slug].Source})");

        var claims = new Dictionary<(EntityKind, string), (Entity Entity, string Spelling)>();
        foreach (var entity in entities)
        {
            var ambiguous = entity.Ambiguous.Select(SpellingKey.Of).ToHashSet(StringComparer.Ordinal);
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var spelling in entity.Spellings.Append(entity.Korean ?? "").Where(s => s.Length > 0))
            {
                var key = SpellingKey.Of(spelling);
                if (key.Length == 0 || !own.Add(key)) continue;
                if (!claims.TryGetValue((entity.Kind, key), out var first)) { claims[(entity.Kind, key)] = (entity, spelling); continue; }
                var firstMarks = first.Entity.Ambiguous.Any(a => SpellingKey.Of(a) == key);
                if (!(ambiguous.Contains(key) && firstMarks))
                    errors.Add($"{entity.Source}: '{spelling}' is also a spelling of {first.Entity.Slug} ({first.Entity.Source}); " +
                               "mark it ambiguous in both or keep it for one");
            }
        }
    }
}
