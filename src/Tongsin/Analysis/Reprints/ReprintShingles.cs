using Tongsin.Text;

namespace Tongsin.Analysis.Reprints;

/// <summary>
/// The text two copies of an article share, as hashed word shingles: title and paragraphs,
/// case-folded, punctuation dropped, words run together across paragraphs (a paragraph cut in two
/// stays the same text). The agency's dateline ("Pyongyang, May 5 (KCNA) --", "(평양 5월 5일발
/// 조선중앙통신)") is left out: every item of a day opens with the same one, and a reprint changes it.
/// </summary>
public static class ReprintShingles
{
    /// <summary>The words of the article's text, case-folded, without punctuation or datelines.</summary>
    public static List<string> Words(string title, IReadOnlyList<string> paragraphs)
    {
        var words = new List<string>();
        AddWords(title, words);
        foreach (var paragraph in paragraphs) AddWords(WithoutDateline(paragraph), words);
        return words;
    }

    /// <summary>The paragraph without a dateline at its start.</summary>
    public static string WithoutDateline(string paragraph)
    {
        var m = DatelinePatterns.Latin().Match(paragraph);
        if (!m.Success) m = DatelinePatterns.Korean().Match(paragraph);
        return m.Success ? paragraph[m.Length..] : paragraph;
    }

    /// <summary>
    /// The hashes of every run of <paramref name="size"/> consecutive words (all of them, as one,
    /// when there are fewer); empty when the text has no words.
    /// </summary>
    public static ulong[] Hashes(IReadOnlyList<string> words, int size)
    {
        if (words.Count == 0) return [];
        var tokens = new ulong[words.Count];
        for (var i = 0; i < words.Count; i++) tokens[i] = StableHash.Of(words[i]);
        var count = Math.Max(1, words.Count - size + 1);
        var shingles = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var h = 0x9E3779B97F4A7C15UL;
            for (var j = i; j < Math.Min(words.Count, i + size); j++) h = StableHash.Mix(h * 31 + tokens[j]);
            shingles[i] = h;
        }
        return shingles;
    }

    // Runs of letters or digits, lower-cased the same way on every machine.
    private static void AddWords(string text, List<string> words)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
    }
}
