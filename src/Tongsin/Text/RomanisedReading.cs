using System.Globalization;
using System.Text;

namespace Tongsin.Text;

/// <summary>
/// Romanised Korean read back into Hangul: the rules of <see cref="KoreanRomaniser"/> run backwards,
/// with the looser spellings of the South's own usage (Byung, Myung, Geun, Moon), so that "Ri Pyong
/// Chol", "Ri Pyŏng-ch'ŏl" and "Lee Byung-chul" each give 리병철 among their readings.
/// </summary>
internal static class RomanisedReading
{
    // Beyond this many partial readings, only the likeliest are carried on to the next syllable.
    private const int MaxPartials = 1 << 16;

    // Syllables that make up most names and places, the commonest first: readings built of them come first.
    private const string Commonest =
        "김리이박최정조장강윤림한오서신권황안송류홍전고문량손백허남로하곽성차주현" +
        "철영용명광일수호혁희순옥은병봉룡해덕훈춘경숙자애미향화련복동근식섭란실준석길택규학범찬군건관환만상승창충평흥재대두무세의중형효금기선진원태종혜녀";
    private const string Common =
        "임유배심노민지엄채천방공함변염여추도소석설마위표반왕육인맹제모탁국계" +
        "운시아양엽완욱웅율익청초총치필을갑개거걸겸곤교궁귀균극낙난녕농단달담당돈득등락람랑래려력렬령례록론루륜률륭릉린립" +
        "압록라포";

    private static readonly HashSet<char> CommonestSyllables = [.. Commonest];
    private static readonly HashSet<char> CommonSyllables = [.. Common];

    // Surnames as the South and older usage write them, which the rules alone would not read.
    private static readonly Dictionary<string, string> ConventionalSurnames = new(StringComparer.Ordinal)
    {
        ["lee"] = "이리", ["rhee"] = "이리", ["yi"] = "이리", ["i"] = "이", ["ri"] = "이", ["park"] = "박", ["choi"] = "최", ["chwe"] = "최",
        ["jung"] = "정", ["chung"] = "정", ["cho"] = "조", ["chang"] = "장", ["yoon"] = "윤", ["lim"] = "림임", ["im"] = "임림", ["oh"] = "오",
        ["shin"] = "신", ["ahn"] = "안", ["moon"] = "문", ["roh"] = "노로", ["noh"] = "노", ["no"] = "로", ["yoo"] = "유류", ["yu"] = "류",
        ["suh"] = "서", ["seo"] = "서", ["kwon"] = "권", ["baek"] = "백", ["paik"] = "백", ["heo"] = "허", ["huh"] = "허", ["hyun"] = "현",
        ["koo"] = "구", ["byun"] = "변", ["rim"] = "임", ["ryu"] = "유", ["ro"] = "노",
    };

    // Each spelling of a syllable, with how far it strays from a system's own form (0 exact, more looser).
    private static readonly Lazy<Dictionary<string, List<(char Syllable, int Cost)>>> Spellings = new(BuildSpellings);
    private static readonly Lazy<int> LongestSpelling = new(() => Spellings.Value.Keys.Max(k => k.Length));

    public static IReadOnlyList<string> Candidates(string romanised, int limit)
    {
        if (limit <= 0) return [];
        var tokens = Tokens(romanised);
        if (tokens.Count == 0) return [];
        var partials = new List<(string Hangul, int Cost)> { ("", 0) };
        for (var t = 0; t < tokens.Count; t++)
        {
            var readings = TokenReadings(tokens[t], surname: t == 0 && tokens.Count > 1);
            if (readings.Count == 0) return [];
            var next = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (hangul, cost) in partials)
                foreach (var (reading, readingCost) in readings)
                {
                    var joined = hangul + reading;
                    var total = cost + readingCost;
                    if (!next.TryGetValue(joined, out var known) || total < known) next[joined] = total;
                }
            partials = Likeliest(next, MaxPartials);
        }
        return partials.Take(limit).Select(p => p.Hangul).ToList();
    }

    private static List<(string Hangul, int Cost)> Likeliest(Dictionary<string, int> readings, int count) =>
        readings.OrderBy(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(count).Select(r => (r.Key, r.Value)).ToList();

    // A token's readings: every way to cut it into syllable spellings, each syllable read every way it can be.
    private static List<(string Hangul, int Cost)> TokenReadings(string token, bool surname)
    {
        var readings = new Dictionary<string, int>(StringComparer.Ordinal);
        if (surname && ConventionalSurnames.TryGetValue(token.Replace("'", ""), out var conventional))
            foreach (var s in conventional) readings[s.ToString()] = Score(s, 1);
        // Readings of token[..end], built up from the start.
        var upTo = new List<(string Hangul, int Cost)>?[token.Length + 1];
        upTo[0] = [("", 0)];
        for (var start = 0; start < token.Length; start++)
        {
            if (upTo[start] is not { } before) continue;
            for (var length = 1; length <= LongestSpelling.Value && start + length <= token.Length; length++)
            {
                if (!Spellings.Value.TryGetValue(token.Substring(start, length), out var syllables)) continue;
                var after = upTo[start + length] ??= [];
                foreach (var (hangul, cost) in before)
                    foreach (var (syllable, syllableCost) in syllables)
                        after.Add((hangul + syllable, cost + Score(syllable, syllableCost)));
                if (after.Count > MaxPartials) upTo[start + length] = Prune(after);
            }
        }
        foreach (var (hangul, cost) in upTo[token.Length] ?? [])
            if (!readings.TryGetValue(hangul, out var known) || cost < known) readings[hangul] = cost;
        return [.. readings.Select(r => (r.Key, r.Value))];
    }

    private static List<(string Hangul, int Cost)> Prune(List<(string Hangul, int Cost)> readings) =>
        readings.OrderBy(r => r.Cost).Take(MaxPartials / 2).ToList();

    // A syllable's cost: how loose its spelling was, weighed above how rarely names use the syllable.
    private static int Score(char syllable, int spellingCost) =>
        spellingCost * 3 + (CommonestSyllables.Contains(syllable) ? 0 : CommonSyllables.Contains(syllable) ? 1 : 2);

    // Lower-case words split at spaces and hyphens, with ŏ and ŭ however their marks were typed,
    // apostrophes only where they mark aspiration, and a possessive 's dropped.
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var raw in text.Normalize(NormalizationForm.FormC))
        {
            var c = char.ToLowerInvariant(raw);
            c = c switch { 'ǒ' or 'ô' or 'ö' or 'ő' => 'ŏ', 'ǔ' or 'û' or 'ü' or 'ű' => 'ŭ', '’' or '‘' or '`' or 'ʼ' or 'ʻ' => '\'', _ => c };
            if (c is >= 'a' and <= 'z' or 'ŏ' or 'ŭ' or '\'') { sb.Append(c); continue; }
            if (char.IsLetter(c)) return [];
            Flush(sb, tokens);
        }
        Flush(sb, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder sb, List<string> tokens)
    {
        var token = sb.ToString();
        sb.Clear();
        if (token.EndsWith("'s", StringComparison.Ordinal) && token.Length > 2) token = token[..^2];
        token = string.Concat(token.Select((c, i) => c != '\'' || (i > 0 && token[i - 1] is 'h' or 'k' or 't' or 'p') ? c.ToString() : ""));
        if (token.Length > 0) tokens.Add(token);
    }

    private static Dictionary<string, List<(char Syllable, int Cost)>> BuildSpellings()
    {
        var spellings = new Dictionary<string, Dictionary<char, int>>(StringComparer.Ordinal);
        for (var initial = 0; initial < 19; initial++)
            for (var vowel = 0; vowel < 21; vowel++)
                for (var final = 0; final < 28; final++)
                {
                    var syllable = KoreanRomaniser.Compose(initial, vowel, final);
                    var finalCost = FinalCost(final);
                    foreach (var (i, ic) in InitialSpellings(initial))
                        foreach (var (v, vc) in VowelSpellings(vowel))
                        {
                            var key = i + v + KoreanRomaniser.Final[final];
                            var cost = ic + vc + finalCost;
                            var readings = spellings.TryGetValue(key, out var r) ? r : spellings[key] = [];
                            if (!readings.TryGetValue(syllable, out var known) || cost < known) readings[syllable] = cost;
                        }
                }
        return spellings.ToDictionary(s => s.Key, s => s.Value.Select(r => (r.Key, r.Value)).ToList(), StringComparer.Ordinal);
    }

    // Finals that names hardly use are read last: those spoken like another (ㅅ ㅈ ㅊ ㅌ ㅎ as t) and
    // the double ones.
    private static int FinalCost(int final) => final switch
    {
        0 or 1 or 4 or 8 or 16 or 17 or 21 => 0,   // none ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ
        3 or 5 or 6 or 9 or 10 or 11 or 12 or 13 or 14 or 15 or 18 => 2, // ㄳ ㄵ ㄶ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅄ
        _ => 1,
    };

    private static IEnumerable<(string Spelling, int Cost)> InitialSpellings(int initial)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal)
        {
            KoreanRomaniser.DprkInitial[initial], KoreanRomaniser.DprkVoiced[initial], KoreanRomaniser.McCuneInitial[initial],
            KoreanRomaniser.McCuneVoiced[initial], KoreanRomaniser.RevisedInitial[initial],
        };
        foreach (var s in exact) yield return (s, 0);
        // The same without the apostrophe McCune–Reischauer marks aspiration with, often left out.
        foreach (var s in exact.Where(s => s.EndsWith('\'')).Select(s => s[..^1]).Where(s => !exact.Contains(s))) yield return (s, 1);
        if (initial == 9) yield return ("sh", 1);  // ㅅ: Shin
        if (initial == 5) yield return ("l", 1);   // ㄹ: Lim
    }

    private static IEnumerable<(string Spelling, int Cost)> VowelSpellings(int vowel)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal)
        {
            KoreanRomaniser.DprkVowel[vowel], KoreanRomaniser.McCuneVowel[vowel], KoreanRomaniser.RevisedVowel[vowel],
        };
        foreach (var s in exact) yield return (s, 0);
        // McCune–Reischauer typed without its breves, and the South's own habits (Myung, Geun, Moon, Lee).
        string[] loose = vowel switch
        {
            4 => ["u"],                 // ㅓ: Sun
            6 => ["yu"],                // ㅕ: Myung, Byung, Hyun
            13 => ["oo"],               // ㅜ: Moon, Joo
            17 => ["yoo"],              // ㅠ: Yoo
            19 => ["eui"],              // ㅢ: Eui
            20 => ["ee"],               // ㅣ: Lee
            _ => [],
        };
        foreach (var s in loose.Where(s => !exact.Contains(s))) yield return (s, 1);
    }
}
