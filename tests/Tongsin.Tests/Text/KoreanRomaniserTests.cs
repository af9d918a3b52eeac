using FsCheck;
using FsCheck.Fluent;
using Tongsin.Text;
using static Tongsin.Text.RomanisationSystem;

namespace Tongsin.Tests.Text;

public class KoreanRomaniserTests
{
    // Officials as KCNA spells them (counts of articles in the corpora are in the gazetteer's notes).
    [Theory]
    [InlineData("리병철", "Ri Pyong Chol")]
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("최룡해", "Choe Ryong Hae")]
    [InlineData("박봉주", "Pak Pong Ju")]
    [InlineData("김여정", "Kim Yo Jong")]
    [InlineData("조용원", "Jo Yong Won")]
    [InlineData("리선권", "Ri Son Gwon")]
    [InlineData("최선희", "Choe Son Hui")]
    [InlineData("김덕훈", "Kim Tok Hun")]
    [InlineData("박태성", "Pak Thae Song")]
    [InlineData("김계관", "Kim Kye Gwan")]
    [InlineData("곽범기", "Kwak Pom Gi")]
    [InlineData("최태복", "Choe Thae Bok")]
    [InlineData("김영대", "Kim Yong Dae")]
    [InlineData("김평해", "Kim Phyong Hae")]
    [InlineData("리영길", "Ri Yong Gil")]
    [InlineData("오진우", "O Jin U")]
    [InlineData("김일성", "Kim Il Sung")]   // spelt so before the rules, and kept
    [InlineData("김정숙", "Kim Jong Suk")]
    [InlineData("현송월", "Hyon Song Wol")]
    public void Dprk_names_are_spelt_as_KCNA_spells_them(string hangul, string kcna) =>
        Assert.Equal(kcna, KoreanRomaniser.Name(hangul));

    // KCNA voices ㄱ ㄷ ㅂ in a given name's second syllable even after a stop: Choe Ik Gyu, Kim Hyok Bong.
    [Theory]
    [InlineData("최익규", "Choe Ik Gyu")]
    [InlineData("김혁봉", "Kim Hyok Bong")]
    [InlineData("김기남", "Kim Ki Nam")]
    public void Dprk_voicing_follows_the_syllable_position(string hangul, string kcna) =>
        Assert.Equal(kcna, KoreanRomaniser.Name(hangul));

    [Theory]
    [InlineData("리병철", "Ri Pyŏng-ch'ŏl")]
    [InlineData("김정은", "Kim Chŏng-ŭn")]
    [InlineData("최룡해", "Ch'oe Ryong-hae")]
    [InlineData("리선권", "Ri Sŏn-gwŏn")]
    [InlineData("김대중", "Kim Tae-jung")]
    [InlineData("최익규", "Ch'oe Ik-kyu")]
    [InlineData("이승만", "Yi Sŭng-man")]
    public void McCune_Reischauer_names(string hangul, string expected) =>
        Assert.Equal(expected, KoreanRomaniser.Name(hangul, McCuneReischauer));

    [Theory]
    [InlineData("리병철", "Ri Byeong-cheol")]
    [InlineData("김정은", "Kim Jeong-eun")]
    [InlineData("박근혜", "Park Geun-hye")]
    [InlineData("최선희", "Choi Seon-hui")]
    [InlineData("윤석열", "Yoon Seok-yeol")]
    [InlineData("이명박", "Lee Myeong-bak")]
    public void Revised_romanization_names_with_conventional_surnames(string hangul, string expected) =>
        Assert.Equal(expected, KoreanRomaniser.Name(hangul, Revised));

    [Theory]
    [InlineData("평양", Dprk, "Pyongyang")]
    [InlineData("평양", McCuneReischauer, "P'yŏngyang")]
    [InlineData("평양", Revised, "Pyeongyang")]
    [InlineData("평성", Dprk, "Phyongsong")]
    [InlineData("함흥", Dprk, "Hamhung")]
    [InlineData("신의주", Dprk, "Sinuiju")]
    [InlineData("만경대", Dprk, "Mangyongdae")]
    [InlineData("백두", Dprk, "Paektu")]
    [InlineData("칠보", Dprk, "Chilbo")]
    [InlineData("압록", Dprk, "Amnok")]
    [InlineData("녕변", Dprk, "Nyongbyon")]
    [InlineData("신라", Revised, "Silla")]
    [InlineData("량강", Dprk, "Ryanggang")]
    public void Places_are_romanised_whole_with_sound_changes(string hangul, RomanisationSystem system, string expected) =>
        Assert.Equal(expected, KoreanRomaniser.Word(hangul, system));

    [Theory]
    [InlineData("Ri Pyong Chol", "리병철")]
    [InlineData("Ri Pyŏng-ch'ŏl", "리병철")]
    [InlineData("Ri Byeong-cheol", "리병철")]
    [InlineData("Kim Jong Un", "김정은")]
    [InlineData("Kim Jong-un", "김정은")]
    [InlineData("Kim Chŏng-ŭn", "김정은")]
    [InlineData("Kim Jeong-eun", "김정은")]
    [InlineData("KIM JONG UN", "김정은")]
    [InlineData("Kim Jong Un's", "김정은")]
    [InlineData("Choe Ryong Hae", "최룡해")]
    [InlineData("Choe Son Hui", "최선희")]
    [InlineData("Lee Myung-bak", "이명박")]
    [InlineData("Park Geun-hye", "박근혜")]
    [InlineData("Pyongyang", "평양")]
    [InlineData("Kim Yo Jong", "김여정")]
    public void Romanised_names_read_back_to_their_hangul(string romanised, string hangul) =>
        Assert.Contains(hangul, KoreanRomaniser.HangulCandidates(romanised, 16));

    [Fact]
    public void Readings_made_of_name_syllables_come_first() =>
        Assert.Equal("김정은", KoreanRomaniser.HangulCandidates("Kim Jong Un")[0]);

    [Theory]
    [InlineData("")]
    [InlineData("Xq Zz")]
    [InlineData("Москва")]
    public void Text_that_is_not_romanised_Korean_has_no_reading(string text) =>
        Assert.Empty(KoreanRomaniser.HangulCandidates(text));

    private static readonly Gen<char> AnySyllable = Gen.Choose(0xAC00, 0xD7A3).Select(c => (char)c);

    // Any name of three syllables, written as KCNA would, reads back to itself among its readings.
    [Fact]
    public void Dprk_spelling_reads_back_to_the_original_name() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(AnySyllable, 3).Select(s => new string(s))), name =>
                KoreanRomaniser.HangulCandidates(KoreanRomaniser.Name(name), 100_000).Contains(name))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void McCune_Reischauer_and_revised_spellings_read_back_too() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(AnySyllable, 3).Select(s => new string(s))), name =>
                KoreanRomaniser.HangulCandidates(KoreanRomaniser.Name(name, McCuneReischauer), 100_000).Contains(name)
                && KoreanRomaniser.HangulCandidates(KoreanRomaniser.Name(name, Revised), 100_000).Contains(name))
            .QuickCheckThrowOnFailure();
}
