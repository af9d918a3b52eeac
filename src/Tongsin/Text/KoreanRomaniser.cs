using System.Text;

namespace Tongsin.Text;

/// <summary>The romanisations a Korean name can be written in.</summary>
public enum RomanisationSystem
{
    /// <summary>The DPRK's own, as KCNA writes names: Ri Pyong Chol, Kim Jong Un, Choe Ryong Hae.</summary>
    Dprk,
    /// <summary>McCune–Reischauer: Ri Pyŏng-ch'ŏl, Kim Chŏng-ŭn, Ch'oe Ryong-hae.</summary>
    McCuneReischauer,
    /// <summary>The South's Revised Romanization: Ri Byeong-cheol, Kim Jeong-eun, Choi Ryong-hae.</summary>
    Revised,
}

/// <summary>
/// Hangul to romanised names by rule, in the three systems analysts meet (docs/entities.md has the
/// tables). A name is a surname and a given name, each romanised on its own; a word (a place) is
/// romanised whole, with the sound changes at syllable boundaries. The reverse, from any of the
/// systems to Hangul, is <see cref="HangulCandidates"/>.
/// </summary>
public static class KoreanRomaniser
{
    private const char FirstSyllable = '\uAC00';

    // Initial consonants in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
    internal static readonly string[] DprkInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
    internal static readonly string[] DprkVoiced = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
    internal static readonly string[] McCuneInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"];
    internal static readonly string[] McCuneVoiced = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch'", "k'", "t'", "p'", "h"];
    internal static readonly string[] RevisedInitial = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    // Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
    internal static readonly string[] DprkVowel = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"];
    internal static readonly string[] McCuneVowel = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"];
    internal static readonly string[] RevisedVowel = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    // Finals as pronounced at the end of a syllable, the same in all three systems:
    // none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
    internal static readonly string[] Final = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    private const int InitialN = 2, InitialR = 5, InitialM = 6;

    // Surnames each system's users write by convention rather than by its rule (박 is Park, not Bak).
    private static readonly Dictionary<char, string> RevisedSurnames = new()
    {
        ['김'] = "Kim", ['이'] = "Lee", ['박'] = "Park", ['최'] = "Choi", ['강'] = "Kang", ['조'] = "Cho", ['윤'] = "Yoon",
        ['임'] = "Lim", ['오'] = "Oh", ['신'] = "Shin", ['권'] = "Kwon", ['안'] = "Ahn", ['유'] = "Yoo", ['고'] = "Ko",
        ['문'] = "Moon", ['노'] = "Roh", ['정'] = "Jeong", ['백'] = "Baek", ['허'] = "Heo", ['곽'] = "Kwak", ['구'] = "Koo",
        ['현'] = "Hyun", ['변'] = "Byun", ['계'] = "Kye",
    };
    private static readonly Dictionary<char, string> McCuneSurnames = new() { ['이'] = "Yi" };

    // Names and places whose spelling was fixed before the DPRK's system and kept by KCNA since.
    private static readonly Dictionary<string, string> DprkConventional = new(StringComparer.Ordinal)
    {
        ["김일성"] = "Kim Il Sung", ["평양"] = "Pyongyang",
    };

    // Surnames of two syllables; any other name's surname is its first syllable.
    private static readonly HashSet<string> DoubleSurnames = ["남궁", "선우", "황보", "제갈", "사공", "독고", "서문"];

    internal static (int Initial, int Vowel, int Final) Parts(char syllable)
    {
        var index = syllable - FirstSyllable;
        return (index / (21 * 28), index % (21 * 28) / 28, index % 28);
    }

    internal static char Compose(int initial, int vowel, int final) => (char)(FirstSyllable + (initial * 21 + vowel) * 28 + final);

    /// <summary>
    /// A person's name in Hangul romanised as <paramref name="system"/> writes names: "리병철" is
    /// "Ri Pyong Chol", "Ri Pyŏng-ch'ŏl" or "Ri Byeong-cheol". Characters that are not Hangul syllables
    /// are dropped; a name of one syllable is a surname alone.
    /// </summary>
    public static string Name(string hangul, RomanisationSystem system = RomanisationSystem.Dprk)
    {
        var syllables = string.Concat(hangul.Where(Hangul.IsSyllable));
        if (syllables.Length == 0) return "";
        if (system == RomanisationSystem.Dprk && DprkConventional.TryGetValue(syllables, out var conventional)) return conventional;
        var surnameLength = syllables.Length >= 3 && DoubleSurnames.Contains(syllables[..2]) ? 2 : 1;
        var surname = Surname(syllables[..surnameLength], system);
        var given = syllables[surnameLength..];
        if (given.Length == 0) return surname;
        return surname + " " + GivenName(given, system);
    }

    private static string Surname(string syllables, RomanisationSystem system)
    {
        if (syllables.Length == 1)
        {
            var conventional = system switch
            {
                RomanisationSystem.Revised => RevisedSurnames.GetValueOrDefault(syllables[0]),
                RomanisationSystem.McCuneReischauer => McCuneSurnames.GetValueOrDefault(syllables[0]),
                _ => null,
            };
            if (conventional is not null) return conventional;
        }
        return Capitalise(Syllables(syllables, system, soundChanges: false));
    }

    // KCNA writes each given-name syllable apart and capitalised, and voices ㄱ ㄷ ㅂ in every syllable
    // after the first whatever ends the one before (Ri Son Gwon, Choe Ik Gyu, Kim Hyok Bong); the other
    // two systems join the syllables with a hyphen and voice only between voiced sounds.
    private static string GivenName(string syllables, RomanisationSystem system)
    {
        if (system == RomanisationSystem.Dprk)
            return string.Join(' ', syllables.Select((s, i) => Capitalise(Syllable(s, i == 0 ? DprkInitial : DprkVoiced, DprkVowel))));
        var text = new StringBuilder();
        for (var i = 0; i < syllables.Length; i++)
        {
            if (i > 0) text.Append('-');
            text.Append(system == RomanisationSystem.Revised
                ? Syllable(syllables[i], RevisedInitial, RevisedVowel)
                : Syllable(syllables[i], i > 0 && EndsVoiced(syllables[i - 1]) ? McCuneVoiced : McCuneInitial, McCuneVowel));
        }
        return Capitalise(text.ToString());
    }

    /// <summary>
    /// A word, such as a place's name, romanised whole with the sound changes at syllable boundaries:
    /// "평양" is "Pyongyang", "P'yŏngyang" or "Pyeongyang"; "압록" is "Amnok"; "칠보" is "Chilbo".
    /// </summary>
    public static string Word(string hangul, RomanisationSystem system = RomanisationSystem.Dprk)
    {
        var syllables = string.Concat(hangul.Where(Hangul.IsSyllable));
        if (system == RomanisationSystem.Dprk && DprkConventional.TryGetValue(syllables, out var conventional)) return conventional;
        return Capitalise(Syllables(syllables, system, soundChanges: true));
    }

    private static string Syllables(string syllables, RomanisationSystem system, bool soundChanges)
    {
        var (plain, voiced, vowels) = system switch
        {
            RomanisationSystem.McCuneReischauer => (McCuneInitial, McCuneVoiced, McCuneVowel),
            RomanisationSystem.Revised => (RevisedInitial, RevisedInitial, RevisedVowel),
            _ => (DprkInitial, DprkVoiced, DprkVowel),
        };
        var parts = syllables.Select(Parts).ToArray();
        var initials = parts.Select(p => p.Initial).ToArray();
        var finals = parts.Select(p => Final[p.Final]).ToArray();
        if (soundChanges)
            for (var i = 0; i + 1 < parts.Length; i++) finals[i] = AssimilatedFinal(finals[i], ref initials[i + 1]);
        var text = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var before = i > 0 ? finals[i - 1] : null;
            if (initials[i] == InitialR && before == "l") text.Append('l');
            else text.Append((before is "" or "n" or "l" or "m" or "ng" ? voiced : plain)[initials[i]]);
            text.Append(vowels[parts[i].Vowel]).Append(finals[i]);
        }
        return text.ToString();
    }

    // Nasal assimilation across a syllable boundary, as all three systems write it in words:
    // a stop before ㄴ or ㅁ becomes a nasal (백마 Paengma), ㄹ after anything but ㄹ or ㄴ is read ㄴ
    // (압록 Amnok, 정릉 Jongnung), and ㄴ meeting ㄹ is ll (신라 Silla).
    private static string AssimilatedFinal(string final, ref int nextInitial)
    {
        if (nextInitial == InitialR && final is not ("l" or "n" or "")) nextInitial = InitialN;
        if (nextInitial == InitialR && final == "n") return "l";
        if (nextInitial == InitialN && final == "l") { nextInitial = InitialR; return "l"; }
        if (nextInitial is InitialN or InitialM)
            return final switch { "k" => "ng", "t" => "n", "p" => "m", _ => final };
        return final;
    }

    // A vowel or a voiced final (ㄴ ㄹ ㅁ ㅇ) lets a following ㄱ ㄷ ㅂ ㅈ be voiced.
    private static bool EndsVoiced(char syllable) => Final[Parts(syllable).Final] is "" or "n" or "l" or "m" or "ng";

    private static string Syllable(char syllable, string[] initials, string[] vowels)
    {
        var (initial, vowel, final) = Parts(syllable);
        return initials[initial] + vowels[vowel] + Final[final];
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// The Hangul spellings a romanised name or word may stand for, likeliest first: "Ri Pyong Chol",
    /// "Ri Pyŏng-ch'ŏl", "Ri Byeong-cheol" and "Lee Byung-chul" all give 리병철 or 이병철 among them.
    /// The rules run backwards, so a spelling has several readings (o is ㅗ or ㅓ in the DPRK's system);
    /// those made of syllables common in names come first. Empty when the text cannot be read as Korean.
    /// </summary>
    public static IReadOnlyList<string> HangulCandidates(string romanised, int limit = 32) =>
        RomanisedReading.Candidates(romanised, limit);
}
