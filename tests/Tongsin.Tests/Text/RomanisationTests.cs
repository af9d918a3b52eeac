using Tongsin.Text;

namespace Tongsin.Tests.Text;

public class RomanisationTests
{
    [Theory]
    [InlineData("Kim Jong Un")]
    [InlineData("Kim Jong-un")]
    [InlineData("Kim Jong-Un")]
    [InlineData("KIM JONG UN")]
    [InlineData("kim jong un")]
    [InlineData("Kim Jŏng-ŭn")]
    [InlineData("Kim Jongun")]
    [InlineData("김정은")]
    public void Spellings_of_one_name_share_a_key(string name) =>
        Assert.Equal("kimjongun", Romanisation.QueryKey(name.Split(' ')));

    [Theory]
    [InlineData("Kim Yo Jong", "kimyojong")]
    [InlineData("Kim Yo-jong", "kimyojong")]
    [InlineData("Ri Son Gwon", "risongwon")]
    [InlineData("Rhee Son Gwon", "risongwon")]
    [InlineData("Lee Son-gwon", "risongwon")]
    [InlineData("Pyongyang", "pyongyang")]
    [InlineData("P'yŏngyang", "pyongyang")]
    [InlineData("평양", "pyongyang")]
    [InlineData("Choi Son Hui", "choesonhui")]
    public void Variants_reduce_to_the_same_key(string name, string key) =>
        Assert.Equal(key, Romanisation.QueryKey(name.Split(' ')));

    [Theory]
    [InlineData("missile launch")]
    [InlineData("Kim Il Sung University")]
    [InlineData("Korea")]
    [InlineData("조선")]
    public void Other_words_are_not_names(string words) => Assert.Null(Romanisation.QueryKey(words.Split(' ')));

    [Fact]
    public void Text_yields_the_keys_of_the_names_in_it()
    {
        var keys = Romanisation.IndexKeys("Respected Comrade Kim Jong Un met Choe Son Hui in P'yŏngyang, Kim Il Sung University and Rhee Son-gwon attended.").Split(' ');
        Assert.Contains("kimjongun", keys);
        Assert.Contains("choesonhui", keys);
        Assert.Contains("pyongyang", keys);
        Assert.Contains("kimilsung", keys);
        Assert.Contains("risongwon", keys);
        Assert.DoesNotContain("kimilsunguniversity", keys);
        Assert.Contains("kimjongun", Romanisation.IndexKeys("경애하는 김정은동지께서 평양에서").Split(' '));
        Assert.Equal("", Romanisation.IndexKeys("the workers of the factory"));
    }
}
