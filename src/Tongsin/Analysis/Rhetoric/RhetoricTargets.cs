using System.Text.RegularExpressions;
using Tongsin.Analysis.Entities;
using Tongsin.Text;

namespace Tongsin.Analysis.Rhetoric;

/// <summary>
/// The targets a sentence names: the countries of the gazetteer (the DPRK, whose own voice the
/// agency is, left out) and the foreign people it lists, by any of their Latin spellings as written
/// (case counts: "US" is the United States, "us" is not), adjectives included ("American", "south
/// Korean", "Japanese"), and the lexicon's epithets that stand for one ("puppet" for south Korea).
/// A spelling joined to "anti-" or "pro-" names no target: "the anti-Japanese armed struggle" is
/// history, and the "pro-U.S. flunkeys" are south Korean.
/// </summary>
public sealed class RhetoricTargets
{
    private readonly Gazetteer gazetteer;
    private readonly Regex pattern;
    private readonly Dictionary<string, List<string>> byName;
    private readonly List<(string Stem, bool Open, string Slug)> epithets;

    /// <summary>Every target, by slug: its entity.</summary>
    public IReadOnlyDictionary<string, Entity> Targets { get; }

    public RhetoricTargets(Gazetteer gazetteer, Lexicon lexicon)
    {
        this.gazetteer = gazetteer;
        var targets = gazetteer.Entities.Where(IsTarget).ToDictionary(e => e.Slug, StringComparer.Ordinal);
        byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entity in targets.Values)
            foreach (var spelling in entity.Spellings.Where(s => s.Length > 1 && !Hangul.Contains(s)))
            {
                var list = byName.TryGetValue(spelling, out var l) ? l : byName[spelling] = [];
                if (!list.Contains(entity.Slug)) list.Add(entity.Slug);
            }
        var errors = new List<string>();
        foreach (var term in lexicon.Terms.Where(t => t.StandsFor is not null && !targets.ContainsKey(t.StandsFor)))
            errors.Add($"{term.File}:{term.Line}: '{term.StandsFor}' is no target of the gazetteer (a country or a foreign person)");
        if (errors.Count > 0) throw new LexiconException(errors);
        Targets = targets;
        epithets = lexicon.Terms.Where(t => t.StandsFor is not null).Select(t => (t.Stem, t.Open, t.StandsFor!)).OrderByDescending(e => e.Stem.Length).ToList();
        var alternatives = byName.Keys.Select(s => (Length: s.Length, Pattern: Regex.Escape(s)))
            .Concat(epithets.Select(e => (Length: e.Stem.Length, Pattern: $"(?i:{Regex.Escape(e.Stem)}){(e.Open ? @"\p{L}*" : "")}")))
            .OrderByDescending(a => a.Length).Select(a => a.Pattern);
        pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?<!(?i:anti|pro)-)(?:{string.Join("|", alternatives)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    // Countries, the DPRK aside, and the foreign people's file of the gazetteer.
    private static bool IsTarget(Entity e) =>
        e.Kind == EntityKind.Country ? e.Slug != "dprk" : e.Kind == EntityKind.Person && e.Source.File.Contains("people-foreign", StringComparison.Ordinal);

    /// <summary>
    /// The target a user names: its slug ("united-states") or any spelling the gazetteer knows
    /// ("U.S.", "American", "Abe"); a spelling of several targets, or of none, is the user's mistake.
    /// </summary>
    public Entity Resolve(string text)
    {
        var wanted = text.Trim();
        if (Targets.TryGetValue(wanted, out var bySlug)) return bySlug;
        var found = gazetteer.Find(wanted).Where(e => Targets.ContainsKey(e.Slug)).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new Search.QueryException($"'{Clip(wanted)}' is no target: give a country or a foreign person of the gazetteer, by slug (united-states, south-korea, japan) or by name"),
            _ => throw new Search.QueryException($"'{Clip(wanted)}' names several targets ({string.Join(", ", found.Select(e => e.Slug))}): give one by its slug"),
        };
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>The slugs of the targets a sentence names, each once.</summary>
    public IReadOnlyList<string> Find(string sentence)
    {
        List<string>? found = null;
        for (var m = pattern.Match(sentence); m.Success; m = m.NextMatch())
        {
            found ??= [];
            if (byName.TryGetValue(m.Value, out var slugs))
            {
                foreach (var slug in slugs)
                    if (!found.Contains(slug)) found.Add(slug);
                continue;
            }
            // An epithet, in any case, an open one gone on ("Puppets").
            var word = m.Value.ToLowerInvariant();
            var epithet = epithets.First(e => e.Open ? word.StartsWith(e.Stem, StringComparison.Ordinal) : word == e.Stem);
            if (!found.Contains(epithet.Slug)) found.Add(epithet.Slug);
        }
        return found ?? (IReadOnlyList<string>)[];
    }
}
