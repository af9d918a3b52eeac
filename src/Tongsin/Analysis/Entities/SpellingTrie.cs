using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// Every spelling of the gazetteer as a path of folded letters (its <see cref="SpellingKey"/>), so
/// that one walk from a word's start finds all the spellings that begin there, the longest last.
/// Each spelling keeps what its key forgets and a match must respect: which letters are capitals
/// ("US" is not "us", "Ri" is not "ri") and where its words start ("Kim Chaek" the general,
/// "Kimchaek" the city).
/// </summary>
internal sealed class SpellingTrie
{
    private readonly Dictionary<long, int> next = new();
    private readonly List<List<SpellingForm>?> ends = [null];

    public SpellingTrie(IEnumerable<EntitySpelling> spellings)
    {
        foreach (var spelling in spellings)
        {
            var form = SpellingForm.Of(spelling);
            if (form is null) continue;
            var node = 0;
            foreach (var c in form.Key)
            {
                var edge = Edge(node, c);
                if (!next.TryGetValue(edge, out var child))
                {
                    child = ends.Count;
                    ends.Add(null);
                    next[edge] = child;
                }
                node = child;
            }
            (ends[node] ??= []).Add(form);
        }
    }

    private static long Edge(int node, char c) => ((long)node << 16) | c;

    /// <summary>
    /// The longest spelling that starts at folded letter <paramref name="start"/> and fits the text
    /// there (capitals, word starts, an end where a word may end), with how many letters it took; null when none does.
    /// </summary>
    public (SpellingForm Form, int Length)? Longest(FoldedText text, int start)
    {
        var node = 0;
        (SpellingForm, int)? best = null;
        var glued = text.AfterGlue[start];
        for (var i = start; i < text.Length; i++)
        {
            if (!next.TryGetValue(Edge(node, text.Letters[i]), out node)) break;
            if (ends[node] is not { } forms) continue;
            var length = i - start + 1;
            SpellingForm? fit = null;
            var exact = false;
            foreach (var form in forms)
            {
                if (!form.Fits(text, start, glued)) continue;
                var same = form.SameWords(text, start);
                if (fit is null || (same && !exact)) (fit, exact) = (form, same);
            }
            if (fit is not null && fit.EndsAt(text, start + length)) best = (fit, length);
        }
        return best;
    }
}

/// <summary>One spelling as the trie holds it: its key, the capitals and word starts among its letters.</summary>
internal sealed class SpellingForm
{
    public required string Key { get; init; }
    public required EntitySpelling Spelling { get; init; }
    private bool[] capitals = [];
    private bool[] wordStarts = [];
    private bool korean;
    private bool words;

    public static SpellingForm? Of(EntitySpelling spelling)
    {
        var key = SpellingKey.Of(spelling.Text);
        if (key.Length == 0) return null;
        var form = new SpellingForm { Key = key, Spelling = spelling, korean = Hangul.Contains(spelling.Text) };
        if (form.korean) return form;
        var folded = new FoldedText(spelling.Text);
        // The key and the folded text agree letter for letter; if a spelling folds otherwise, its capitals are not checked.
        if (folded.Length != key.Length) return form;
        form.capitals = folded.Upper[..folded.Length];
        form.wordStarts = folded.AfterSeparator[..folded.Length];
        form.words = form.wordStarts.Skip(1).Any(s => s);
        return form;
    }

    /// <summary>Every capital of the spelling is a capital in the text; a start behind glue takes only a name of several words.</summary>
    public bool Fits(FoldedText text, int start, bool glued)
    {
        if (korean) return true;
        if (glued && !words) return false;
        for (var i = 0; i < capitals.Length; i++)
            if (capitals[i] && !text.Upper[start + i]) return false;
        return true;
    }

    /// <summary>Whether the text breaks its words where the spelling does ("Kim Chaek" against "Kimchaek").</summary>
    public bool SameWords(FoldedText text, int start)
    {
        for (var i = 1; i < wordStarts.Length; i++)
            if (wordStarts[i] != text.StartsWord(start + i)) return false;
        return true;
    }

    /// <summary>
    /// A word may end here: at the text's end, a space or a mark (a possessive's apostrophe
    /// included), or a capital run on. A name of several words may also run into a small
    /// letter, as kcna.kp glues it ("Kim Jong Ungladly"); Korean particles follow a name unspaced.
    /// </summary>
    public bool EndsAt(FoldedText text, int end)
    {
        if (end >= text.Length || text.StartsWords(end)) return true;
        if (korean) return true;
        return words && Key.Length >= 8 && !text.Upper[end] && char.IsAsciiLetter(text.Letters[end]);
    }
}
