using Tongsin.Text;

namespace Tongsin.Tests.Text;

public class HangulTests
{
    [Theory]
    [InlineData("로동", "노동")]
    [InlineData("리", "이")]
    [InlineData("녀자", "여자")]
    [InlineData("력사", "역사")]
    [InlineData("량강도", "양강도")]
    [InlineData("래일", "내일")]
    [InlineData("김정은", "김정은")]
    public void Initial_sounds_fold_to_the_southern_spelling(string north, string south) =>
        Assert.Equal(south, string.Concat(north.Select(Hangul.FoldInitial)));

    [Fact]
    public void Runs_of_hangul_become_bigrams_and_their_last_syllable()
    {
        Assert.Equal("김정 정은 은동 동지 지께 께서 서는 는", Hangul.IndexTokens("김정은동지께서는", fold: false));
        Assert.Equal("온실 실농 농장 장 현지 지지 지도 도", Hangul.IndexTokens("온실농장 (KCNA) 현지지도", fold: false));
        Assert.Equal("", Hangul.IndexTokens("No Korean here", fold: false));
        Assert.Equal("노동 동 신문 문", Hangul.IndexTokens("로동 신문", fold: true));
    }

    [Fact]
    public void Query_words_match_inside_longer_words()
    {
        var index = Hangul.IndexTokens("조선중앙통신사 김정은동지께서는 온실농장을", fold: false).Split(' ');
        bool Finds(string word)
        {
            var (tokens, prefix) = Hangul.QueryTokens(word, fold: false);
            for (var i = 0; i + tokens.Count <= index.Length; i++)
            {
                var ok = true;
                for (var j = 0; j < tokens.Count && ok; j++)
                    ok = prefix && j == tokens.Count - 1 ? index[i + j].StartsWith(tokens[j], StringComparison.Ordinal) : index[i + j] == tokens[j];
                if (ok) return true;
            }
            return false;
        }
        Assert.True(Finds("김정은"));
        Assert.True(Finds("통신"));
        Assert.True(Finds("온실"));
        Assert.True(Finds("온"));
        Assert.True(Finds("을"));
        Assert.False(Finds("김정일"));
        Assert.False(Finds("평"));
    }

    [Fact]
    public void A_word_followed_by_another_ends_at_its_last_syllable()
    {
        Assert.Equal(["김정", "정은", "은"], Hangul.QueryTokens("김정은", false, endsWord: true).Tokens);
        Assert.Equal(["김정", "정은"], Hangul.QueryTokens("김정은", false).Tokens);
    }

    [Fact]
    public void A_phrase_is_the_tokens_of_its_korean_words_and_a_prefix_only_as_one_syllable()
    {
        var (tokens, prefix) = Hangul.PhraseTokens(["김정은", "Kim", "동지"], fold: false);
        Assert.Equal(["김정", "정은", "은", "동지"], tokens);
        Assert.False(prefix);
        Assert.True(Hangul.PhraseTokens(["온"], fold: false).Prefix);
        var (apart, apartPrefix) = Hangul.PhraseTokens(["온", "실"], fold: false);
        Assert.Equal(["온", "실"], apart);
        Assert.False(apartPrefix);
    }
}
