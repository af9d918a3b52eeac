using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tongsin.Text;

/// <summary>
/// Romanised Korean names, reduced to one key per name so that spellings find each other: Kim Jong
/// Un, Kim Jong-un, KIM JONG UN and Kim Jŏng-ŭn are all "kimjongun"; Ri, Rhee, Lee and Yi are one
/// surname; P'yŏngyang is Pyongyang. Built from rules (case, diacritics, apostrophes, hyphens,
/// given-name syllables joined or apart, surname spellings) and a small table of known names and
/// places, which also ties a name to its Korean spelling (김정은).
/// </summary>
public static partial class Romanisation
{
    // Each surname's spellings, the DPRK's first: the key uses it.
    private static readonly string[][] SurnameSpellings =
    [
        ["kim", "gim"], ["ri", "rhee", "lee", "yi", "rhie"], ["pak", "park", "bak"], ["choe", "choi", "chwe"],
        ["jang", "chang"], ["jo", "cho"], ["o", "oh"], ["han"], ["hyon", "hyun", "hyeon"], ["kang", "gang"],
        ["yun", "yoon"], ["so", "suh", "seo"], ["ryu", "yu", "yoo"], ["jon", "jeon", "chon", "chun"],
        ["jong", "jeong", "chong", "chung"], ["hong"], ["song"], ["mun", "moon"], ["thae", "tae"], ["kwon", "gwon"],
        ["nam"], ["paek", "baek", "paik"], ["sin", "shin"], ["hwang"], ["an", "ahn"], ["yang"], ["ju", "joo"],
        ["rim", "lim", "im"], ["ro", "roh", "no"], ["kye", "gye"], ["son", "sohn"], ["ryang", "yang"], ["pyon", "byun"],
        ["tong", "dong"], ["chae"], ["ko", "koh"], ["kil"], ["sim", "shim"], ["u", "woo"],
    ];

    // People and places the archive meets often, with their Korean names.
    private static readonly (string Key, string Korean)[] Known =
    [
        ("kimilsung", "김일성"), ("kimjongil", "김정일"), ("kimjongun", "김정은"), ("kimyojong", "김여정"), ("kimjongsuk", "김정숙"),
        ("risolju", "리설주"), ("choesonhui", "최선희"), ("kimtokhun", "김덕훈"), ("pakpongju", "박봉주"), ("choeryonghae", "최룡해"),
        ("kimyongnam", "김영남"), ("jangsongthaek", "장성택"), ("risonggwon", "리선권"), ("kimyongchol", "김영철"), ("pakthaesong", "박태성"),
        ("pyongyang", "평양"), ("kaesong", "개성"), ("wonsan", "원산"), ("hamhung", "함흥"), ("sinuiju", "신의주"), ("rason", "라선"),
        ("nampho", "남포"), ("chongjin", "청진"), ("haeju", "해주"), ("sariwon", "사리원"), ("kanggye", "강계"), ("hyesan", "혜산"),
        ("paektu", "백두"), ("mangyongdae", "만경대"), ("taedong", "대동"), ("samjiyon", "삼지연"), ("kumsusan", "금수산"),
    ];

    private static readonly Dictionary<string, string> Surnames = SurnameSpellings
        .SelectMany(spellings => spellings.Select(s => (s, spellings[0])))
        .GroupBy(p => p.s).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> KoreanToKey = Known.ToDictionary(k => k.Korean, k => k.Key, StringComparer.Ordinal);
    private static readonly HashSet<string> KnownKeys = Known.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);

    // One or two romanised syllables: consonants, vowels, and an optional final (ng, k, l, m, n, p, t).
    [GeneratedRegex(@"^(?:[bcdghjklmnprstwy]{0,3}[aeiouwy]{1,3}(?:ng|[klmnpt])?){1,2}$")]
    private static partial Regex GivenName();

    // Words as they stand in running text, with apostrophes and hyphens inside them.
    [GeneratedRegex(@"[\p{L}\p{M}]+(?:['’`\-][\p{L}\p{M}]+)*")]
    private static partial Regex Word();

    /// <summary>Lower case, no diacritics, no apostrophes or hyphens: "P'yŏngyang" is "pyongyang".</summary>
    public static string Fold(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '`' or '-' or '‘') continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    // "P'yŏngyang's" names P'yŏngyang.
    private static string WithoutPossessive(string word) => WithoutPossessive(word.AsSpan()).ToString();

    /// <summary>The canonical spelling of a surname, or null when the word is not one.</summary>
    public static string? Surname(string word) => Surnames.GetValueOrDefault(Fold(word));

    /// <summary>
    /// The name keys of a text, space-separated: a surname with the capitalised syllables after it
    /// (both one and two of them, since given names run to two syllables written apart or together),
    /// known places however spelt, and the key of each known Korean name the text contains.
    /// </summary>
    public static string IndexKeys(string text)
    {
        // Runs every import, over every body: words are folded into a stack buffer and looked up by
        // span, so only names that are found become strings.
        SortedSet<string>? keys = null;
        var chains = new List<(string Surname, string Given, int Count)>(2);
        Span<char> buffer = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || IsInnerMark(text, i) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark)) i++;
            var word = WithoutPossessive(text.AsSpan(start, i - start));
            if (!char.IsUpper(word[0]) || word.Length > buffer.Length) { chains.Clear(); continue; }
            var folded = FoldInto(word, buffer);

            // The word may carry on the given names after the surnames before it ...
            for (var c = chains.Count - 1; c >= 0; c--)
            {
                var (surname, given, count) = chains[c];
                var longer = given + folded.ToString();
                if (count < 2 && GivenName().IsMatch(longer))
                {
                    (keys ??= new(StringComparer.Ordinal)).Add(surname + longer);
                    chains[c] = (surname, longer, count + 1);
                }
                else chains.RemoveAt(c);
            }
            // ... be a known place or person ...
            if (KnownLookup.Contains(folded)) (keys ??= new(StringComparer.Ordinal)).Add(folded.ToString());
            // ... or start a name of its own.
            if (SurnameLookup.TryGetValue(folded, out var canonical)) chains.Add((canonical, "", 0));
            // Anything but a space between two capitalised words ends a name.
            if (i < text.Length && text[i] != ' ') chains.Clear();
        }
        if (Hangul.Contains(text))
            foreach (var (korean, key) in KoreanToKey)
                if (text.Contains(korean, StringComparison.Ordinal)) (keys ??= new(StringComparer.Ordinal)).Add(key);
        return keys is null ? "" : string.Join(' ', keys);
    }

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SurnameLookup = Surnames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = KnownKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    // Lower case without apostrophes and hyphens; words with other letters than ASCII go the long way.
    private static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c is '\'' or '’' or '`' or '-' or '‘') continue;
            if (c > 0x7F) return Fold(word.ToString());
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return buffer[..n];
    }

    // An apostrophe or hyphen between two letters belongs to the word (P'yŏngyang, Jong-un).
    private static bool IsInnerMark(string text, int i) =>
        text[i] is '\'' or '’' or '`' or '-' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[^1] == 's' && word[^2] is '\'' or '’' ? word[..^2] : word;


    /// <summary>
    /// The name key a query means, if it names a person or place: "Kim Jong-un", "kim jong un",
    /// "Rhee Son Gwon", "P'yongyang" or "김정은". Null for anything else.
    /// </summary>
    public static string? QueryKey(IReadOnlyList<string> words)
    {
        if (words.Count == 1 && Hangul.Contains(words[0])) return KoreanToKey.GetValueOrDefault(words[0].Trim());
        var parts = words.SelectMany(w => Word().Matches(w).Select(m => WithoutPossessive(m.Value))).ToList();
        if (parts.Count == 0) return null;
        var folded = string.Concat(parts.Select(Fold));
        if (parts.Count == 1) return KnownKeys.Contains(folded) ? folded : null;
        if (Surname(parts[0]) is not { } surname) return KnownKeys.Contains(folded) ? folded : null;
        var given = string.Concat(parts.Skip(1).Select(Fold));
        return parts.Count <= 3 && GivenName().IsMatch(given) ? surname + given : null;
    }
}
