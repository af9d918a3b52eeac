using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// Finds the entities an article names (docs/mentions.md has the rules, and what this reads and
/// misses): every spelling of the gazetteer, longest first, so that "Kim Il Sung University" is the
/// university and not the leader; and people the gazetteer lacks, by the shape of a Korean name in
/// the places KCNA writes names (<see cref="NameContext"/>). The dateline is not read. Build one per
/// gazetteer and keep it: it holds the spellings' trie and the table of syllables.
/// </summary>
public sealed class MentionRecogniser
{
    private readonly Gazetteer gazetteer;
    private readonly SpellingTrie trie;
    private readonly KoreanNameShape shape = new();

    public MentionRecogniser(Gazetteer gazetteer)
    {
        this.gazetteer = gazetteer;
        trie = new SpellingTrie(gazetteer.Spellings);
    }

    /// <summary>
    /// The entities the title and paragraphs name, each once with its count and first position, in
    /// the order they first appear. <paramref name="year"/> picks among people who share a name the
    /// one who held a post that year.
    /// </summary>
    public IReadOnlyList<RecognisedMention> Recognise(string title, IReadOnlyList<string> paragraphs, int year = 0)
    {
        var found = new Dictionary<string, (EntityKind Kind, string Name, int Count, int First, Entity? Entity)>(StringComparer.Ordinal);
        var offset = 0;
        Read(title, 0, offset, year, found);
        offset += title.Length + 1;
        foreach (var paragraph in paragraphs)
        {
            Read(paragraph, DatelineLength(paragraph), offset, year, found);
            offset += paragraph.Length + 1;
        }
        return found.Select(f => new RecognisedMention(f.Key, f.Value.Kind, f.Value.Name, f.Value.Count, f.Value.First, f.Value.Entity))
            .OrderBy(m => m.FirstPosition).ToList();
    }

    private static int DatelineLength(string paragraph)
    {
        var m = DatelinePatterns.Latin().Match(paragraph);
        if (!m.Success) m = DatelinePatterns.Korean().Match(paragraph);
        return m.Success ? m.Length : 0;
    }

    private void Read(string text, int from, int offset, int year, Dictionary<string, (EntityKind, string, int, int, Entity?)> found)
    {
        if (from >= text.Length) return;
        var hits = new List<Hit>();
        var folded = new FoldedText(text, from);
        for (var i = 0; i < folded.Length; i++)
        {
            if (!folded.StartsWord(i)) continue;
            if (trie.Longest(folded, i) is not { } match) continue;
            var end = folded.Origin[i + match.Length - 1] + 1;
            var entity = Resolve(match.Form.Spelling, year);
            i += match.Length - 1;
            // "Kang Pan Sok Revolutionary School" names a school, not its namesake.
            if (entity.Kind == EntityKind.Person && NamesOfThings.Follow(text, end)) continue;
            hits.Add(new Hit(folded.Origin[i - match.Length + 1], end, entity.Slug, entity.Kind, entity.Name, entity));
        }
        hits = Unknown(text, from, hits);
        hits = Titled(text, from, hits);
        hits = Bodies(text, from, hits);
        foreach (var hit in hits)
        {
            var position = offset + hit.Start;
            found[hit.Key] = found.TryGetValue(hit.Key, out var seen)
                ? (seen.Item1, seen.Item2, seen.Item3 + 1, seen.Item4, seen.Item5)
                : (hit.Kind, hit.Name, 1, position, hit.Entity);
        }
    }

    // A spelling two people share (Ri Yong Ho): the one who held a post in the article's year, else the first listed.
    private Entity Resolve(EntitySpelling spelling, int year)
    {
        if (!spelling.Ambiguous) return spelling.Entity;
        var sharing = gazetteer.Find(spelling.Text).Where(e => e.Kind == spelling.Entity.Kind).ToList();
        return sharing.FirstOrDefault(e => e.RolesIn(year).Any()) ?? sharing.FirstOrDefault() ?? spelling.Entity;
    }

    // The names by shape among the words no spelling took, merged with the spellings' hits in text order.
    private List<Hit> Unknown(string text, int from, List<Hit> hits)
    {
        var words = NameWords.Of(text, from);
        var all = new List<Hit>(hits);
        var h = 0;
        var lastPersonEnd = -1;
        var lastBodyEnd = -1;
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            while (h < hits.Count && hits[h].End <= word.Start)
            {
                if (hits[h].Kind == EntityKind.Person) lastPersonEnd = hits[h].End;
                if (hits[h].Kind == EntityKind.Organisation) lastBodyEnd = hits[h].End;
                h++;
            }
            if (h < hits.Count && hits[h].Start < word.End) continue; // inside a spelling the gazetteer knows
            if (!KoreanNameShape.IsSurname(word.Text(text))) continue;
            // A name does not start inside a run of capitalised syllables ("Hwang Jang Kum Il").
            if (w > 0 && words[w - 1].End == word.Start - 1 && text[word.Start - 1] == ' ' && shape.IsGivenSyllable(words[w - 1].Text(text), false)) continue;
            if (Name(text, words, w, h < hits.Count ? hits[h].Start : int.MaxValue) is not { } name) continue;
            var inContext = (w > 0 && words[w - 1].End >= word.Start - 2 && IsSpaceOrGlue(text, words[w - 1].End, word.Start) && NameContext.IsTitle(words[w - 1].Text(text)))
                || (lastPersonEnd >= 0 && lastPersonEnd <= word.Start && NameContext.IsListGap(text.AsSpan(lastPersonEnd, word.Start - lastPersonEnd)))
                || NameContext.IsApposition(text, name.End)
                // "Vice-Chairman of the Korean Journalists Union Ju Hwa Il": a body's official after its name.
                || (w > 0 && words[w - 1].End == word.Start - 1 && text[word.Start - 1] == ' '
                    && (lastBodyEnd == words[w - 1].End || BodyNames.IsKind(words[w - 1].Text(text))));
            if (!inContext || NamesOfThings.Follow(text, name.End)) continue;
            all.Add(name);
            lastPersonEnd = name.End;
            while (w + 1 < words.Count && words[w + 1].Start < name.End) w++;
        }
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    // Foreign people by their titles and appositions, where no spelling or Korean name stands (ForeignNames).
    private List<Hit> Titled(string text, int from, List<Hit> hits)
    {
        var names = ForeignNames.Find(text, from, (s, e) => Overlaps(hits, s, e, null), KoreanNameAt);
        return Merge(hits, names, EntityKind.Person, RecognisedMention.UnknownPersonKey);
    }

    // Bodies by the shape of their names (BodyNames), where no spelling of a body or a person stands.
    private List<Hit> Bodies(string text, int from, List<Hit> hits)
    {
        var names = BodyNames.Find(text, from,
            (s, e) => Overlaps(hits, s, e, EntityKind.Person),
            (s, e) => Overlaps(hits, s, e, EntityKind.Organisation),
            (s, e) => Overlaps(hits, s, e, EntityKind.Country),
            KoreanNameAt);
        return Merge(hits, names, EntityKind.Organisation, RecognisedMention.UnknownOrganisationKey);
    }

    // The names a rule found, as hits of their kind among the others, in text order.
    private static List<Hit> Merge(List<Hit> hits, List<(int Start, int End, string Name)> names, EntityKind kind, Func<string, string> key)
    {
        if (names.Count == 0) return hits;
        var all = new List<Hit>(hits);
        foreach (var (start, end, name) in names) all.Add(new Hit(start, end, key(name), kind, name, null));
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    // A surname and a given syllable after it, one space apart: a Korean name starts at this word.
    private bool KoreanNameAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        if (!KoreanNameShape.IsSurname(text.AsSpan(start, end - start)) || end + 1 >= text.Length || text[end] != ' ') return false;
        var next = end + 1;
        var stop = next;
        while (stop < text.Length && char.IsAsciiLetter(text[stop])) stop++;
        return shape.IsGivenSyllable(text.AsSpan(next, stop - next), true);
    }

    private static bool Overlaps(List<Hit> hits, int start, int end, EntityKind? kind)
    {
        foreach (var h in hits)
            if (h.Start < end && start < h.End && (kind is null || h.Kind == kind)) return true;
        return false;
    }

    private static bool IsSpaceOrGlue(string text, int end, int start)
    {
        // "Mr. Kim" has a full stop between.
        for (var i = end; i < start; i++) if (text[i] is not (' ' or '.')) return false;
        return true;
    }

    // A surname at word w and one or two given syllables after it, apart and capitalised; the last may
    // be glued to the next word ("Hoand"). Not a name when a third capitalised syllable follows (a title in capitals).
    private Hit? Name(string text, List<NameWord> words, int w, int limit)
    {
        var parts = new List<string> { words[w].Text(text).ToString() };
        var end = words[w].End;
        for (var k = 1; k <= 2 && w + k < words.Count; k++)
        {
            var next = words[w + k];
            if (next.End > limit || !(next.Start == end + 1 && text[end] == ' ')) break;
            var token = next.Text(text);
            if (shape.IsGivenSyllable(token, k == 1))
            {
                parts.Add(token.ToString());
                end = next.End;
                continue;
            }
            if (Glued(token, k == 1) is { } cut && cut > 0)
            {
                parts.Add(token[..cut].ToString());
                end = next.Start + cut;
            }
            break;
        }
        if (parts.Count < 2) return null;
        if (parts.Count == 3 && w + 3 < words.Count && words[w + 3].Start == end + 1 && text[end] == ' '
            && shape.IsGivenSyllable(words[w + 3].Text(text), false)) return null;
        var name = string.Join(' ', parts);
        return new Hit(words[w].Start, end, RecognisedMention.UnknownPersonKey(name), EntityKind.Person, name, null);
    }

    // Where a syllable ends and a glued word begins in "Hoand", or 0.
    private int Glued(ReadOnlySpan<char> token, bool isFirst)
    {
        if (token.Length < 4 || !char.IsAsciiLetterUpper(token[0])) return 0;
        for (var cut = Math.Min(5, token.Length - 2); cut >= 1; cut--)
            if (shape.IsGivenSyllable(token[..cut], isFirst) && NameContext.IsGluedWord(token[cut..])) return cut;
        return 0;
    }

    private readonly record struct Hit(int Start, int End, string Key, EntityKind Kind, string Name, Entity? Entity);
}
