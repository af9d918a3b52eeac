using System.Text;

namespace Tongsin.Text;

/// <summary>
/// Korean for search. Korean attaches endings to words (김정은동지께서는), so whitespace tokens miss
/// most matches; instead each run of Hangul syllables is indexed as overlapping bigrams, like
/// Lucene's CJK bigram filter, with the run's last syllable also alone, so that a one-syllable query
/// finds every place the syllable stands: at the start of a bigram, or at the end of a run.
/// The DPRK writes an initial ㄹ and ㄴ where the South writes ㄴ and ㅇ (로동/노동, 리/이, 녀자/여자);
/// folding those initial sounds lets either spelling find the other.
/// </summary>
public static class Hangul
{
    private const char First = '\uAC00';
    private const char Last = '\uD7A3';
    private const int Medials = 21;
    private const int Finals = 28;
    private const int InitialN = 2;   // ㄴ
    private const int InitialR = 5;   // ㄹ
    private const int InitialNone = 11; // ㅇ

    public static bool IsSyllable(char c) => c is >= First and <= Last;

    public static bool Contains(string text) => text.AsSpan().IndexOfAnyInRange(First, Last) >= 0;

    /// <summary>
    /// The South's spelling of a syllable's initial sound: ㄹ becomes ㅇ before ㅣ and the y-vowels and ㄴ
    /// elsewhere; ㄴ becomes ㅇ before ㅣ and the y-vowels. Other syllables are unchanged.
    /// </summary>
    public static char FoldInitial(char syllable)
    {
        if (!IsSyllable(syllable)) return syllable;
        var index = syllable - First;
        var initial = index / (Medials * Finals);
        var medial = index % (Medials * Finals) / Finals;
        var final = index % Finals;
        var iy = medial is 2 or 3 or 6 or 7 or 12 or 17 or 20; // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
        var folded = initial switch
        {
            InitialR => iy ? InitialNone : InitialN,
            InitialN when iy => InitialNone,
            _ => initial,
        };
        return folded == initial ? syllable : (char)(First + (folded * Medials + medial) * Finals + final);
    }

    /// <summary>The bigram tokens of a text's Hangul, space-separated, for the index. Empty when there is no Hangul.</summary>
    public static string IndexTokens(string text, bool fold)
    {
        if (!Contains(text)) return "";
        var sb = new StringBuilder(text.Length * 3);
        foreach (var run in Runs(text, fold))
        {
            for (var i = 0; i + 1 < run.Length; i++) Append(sb, run.Substring(i, 2));
            Append(sb, run[^1].ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// The tokens a Korean query word must match, in order. A word of one syllable is a prefix of a
    /// token; longer words are their bigrams, and a word followed by another in the query (so by a
    /// space in the text) also ends with its last syllable alone.
    /// </summary>
    public static (IReadOnlyList<string> Tokens, bool Prefix) QueryTokens(string word, bool fold, bool endsWord = false)
    {
        var tokens = new List<string>();
        var runs = Runs(word, fold).ToList();
        if (runs.Count == 1 && runs[0].Length == 1 && !endsWord) return ([runs[0]], true);
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            for (var i = 0; i + 1 < run.Length; i++) tokens.Add(run.Substring(i, 2));
            if (run.Length == 1 || r < runs.Count - 1 || endsWord) tokens.Add(run[^1].ToString());
        }
        return (tokens, false);
    }

    /// <summary>
    /// The tokens a query phrase must match, in order: those of each of its Korean words (the others
    /// are matched elsewhere), every word but the last ending with its last syllable alone. The phrase
    /// is a prefix only when it is a single word of one syllable.
    /// </summary>
    public static (IReadOnlyList<string> Tokens, bool Prefix) PhraseTokens(IReadOnlyList<string> words, bool fold)
    {
        var tokens = new List<string>();
        var prefix = false;
        for (var i = 0; i < words.Count; i++)
        {
            if (!Contains(words[i])) continue;
            var (t, p) = QueryTokens(words[i], fold, endsWord: i < words.Count - 1);
            tokens.AddRange(t);
            prefix = p && words.Count == 1;
        }
        return (tokens, prefix);
    }

    private static IEnumerable<string> Runs(string text, bool fold)
    {
        var run = new StringBuilder();
        foreach (var c in text)
        {
            if (IsSyllable(c)) { run.Append(fold ? FoldInitial(c) : c); continue; }
            if (run.Length > 0) { yield return run.ToString(); run.Clear(); }
        }
        if (run.Length > 0) yield return run.ToString();
    }

    private static void Append(StringBuilder sb, string token)
    {
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(token);
    }
}
