using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// What a Korean name looks like as KCNA writes it: a surname (Kim, Ri, Pak, Choe ...) and one or
/// two given-name syllables, each capitalised and apart, each a syllable the DPRK's romanisation
/// gives for some Hangul syllable. The syllables are those <see cref="KoreanRomaniser"/> writes for
/// every Hangul syllable, so a word that passes reads back to Hangul: "Chol", "Gwon", "Hae" do,
/// "Square", "Said" do not, and "Met", "Set", whose final t names hardly carry, are left out. The first given syllable takes the plain initials (Kim Ki Nam),
/// a later one the voiced ones too (Ri Son Gwon).
/// </summary>
internal sealed class KoreanNameShape
{
    private readonly HashSet<string> first = new(StringComparer.Ordinal);
    private readonly HashSet<string> later = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> firstLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> laterLookup;

    public KoreanNameShape()
    {
        for (var c = '가'; c <= '힣'; c++)
        {
            // A surname before gives the syllable as a first given syllable, a syllable between as a later one.
            first.Add(KoreanRomaniser.Name("김" + c)[4..]);
            later.Add(KoreanRomaniser.Name("김가" + c)[7..]);
        }
        later.UnionWith(first);
        // Names hardly carry a final read t (ㅅ ㅈ ㅊ ㅌ ㅎ ㄷ), and English does: "Met", "Set", "Put" after "Director Kim".
        first.RemoveWhere(s => s.EndsWith('t'));
        later.RemoveWhere(s => s.EndsWith('t'));
        firstLookup = first.GetAlternateLookup<ReadOnlySpan<char>>();
        laterLookup = later.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A capitalised word the DPRK's romanisation writes for a Hangul syllable ("Chol", not "chol" or "CHOL").</summary>
    public bool IsGivenSyllable(ReadOnlySpan<char> word, bool isFirst)
    {
        if (!IsCapitalised(word)) return false;
        return isFirst ? firstLookup.Contains(word) : laterLookup.Contains(word);
    }

    /// <summary>A capitalised word that is a Korean surname in any of the usual spellings (Kim, Ri, Lee, Pak, Choe ...).</summary>
    public static bool IsSurname(ReadOnlySpan<char> word) =>
        IsCapitalised(word) && (MoreSurnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || Romanisation.Surname(word.ToString()) is not null);

    // Surnames KCNA writes that the search's list (Romanisation) leaves out, in the DPRK's spelling:
    // 허 Ho, 곽 Kwak, 차 Cha, 방 Pang, 원 Won, 석 Sok, 염 Yom, 천 Chon, 마 Ma, 표 Pyo, 옥 Ok, 위 Wi,
    // 명 Myong, 맹 Maeng, 공 Kong, 민 Min, 려 Ryo, 배 Pae, 하 Ha, 구 Ku, 금 Kum, 주 Chu, 연 Yon, 경 Kyong,
    // 도 To, 석 Sok, 길 Kil, 태 Thae, 봉 Pong, 함 Ham, 탁 Thak, 편 Phyon, 피 Phi, 승 Sung, 계 Kye, 성 Song, 설 Sol, 림 Rim.
    private static readonly HashSet<string> MoreSurnames = new(StringComparer.Ordinal)
    {
        "Ho", "Kwak", "Cha", "Pang", "Won", "Sok", "Yom", "Chon", "Ma", "Pyo", "Ok", "Wi", "Myong", "Maeng", "Kong", "Min",
        "Ryo", "Pae", "Ha", "Ku", "Kum", "Chu", "Yon", "Kyong", "To", "Pong", "Ham", "Thak", "Phyon", "Phi", "Sung", "Sol",
    };

    // A capital, then small ASCII letters only.
    public static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || !char.IsAsciiLetterUpper(word[0])) return false;
        for (var i = 1; i < word.Length; i++)
            if (!char.IsAsciiLetterLower(word[i])) return false;
        return true;
    }
}
