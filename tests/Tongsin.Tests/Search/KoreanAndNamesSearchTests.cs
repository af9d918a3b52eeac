using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

public abstract class KoreanAndNamesSearchContract : IDisposable
{
    private readonly ArchiveFixture _f;

    protected KoreanAndNamesSearchContract(Backend backend)
    {
        _f = new ArchiveFixture(backend);
        _f.Store(_f.Page(Fixtures.Text("rodong-ko.txt")), _f.Page(Fixtures.Text("mfa-press-statement.txt")));
        var kcna = new Source(_f.Outlets.Resolve("KCNA"), "en");
        using var s = _f.Archive.BeginImport();
        void Add(string title, params string[] body) => s.Store(new PageCapture(new ArticleCapture(kcna, title, new DateOnly(2025, 3, 1), null, null, body), []));
        Add("Leader Visits Farm", "Kim Jong-un visited a farm in P'yŏngyang's suburbs.");
        Add("Delegation Received", "KIM JONG UN received a delegation.");
        Add("Talks Held", "Rhee Son Gwon held talks with the visitors.");
        Add("Weather Report", "Rain is expected in the north of the country.");
        s.Commit();
    }

    public void Dispose() => _f.Dispose();

    private IReadOnlyList<string> Titles(string query, bool fold = true) =>
        _f.Archive.Search(new SearchRequest(query, Limit: 50, FoldKorean: fold)).Hits.Select(h => h.Title).ToList();

    [Theory]
    [InlineData("김정은", "경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다")]
    [InlineData("온실", "경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다")]
    [InlineData("통신", "조선중앙통신사 론평")]
    [InlineData("온", "경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다")]
    [InlineData("\"수산사업소에서 물고기잡이\"", "수산사업소에서 물고기잡이 성과")]
    public void Korean_words_are_found_inside_longer_words(string query, string title) => Assert.Contains(title, Titles(query));

    [Theory]
    [InlineData("노동자", "로동자들의 기술혁신운동")]
    [InlineData("여성동맹", "녀성동맹 회의 진행")]
    [InlineData("이과대학", "리과대학에서 과학토론회")]
    [InlineData("로동자", "로동자들의 기술혁신운동")]
    public void Northern_and_southern_spellings_find_each_other(string query, string title)
    {
        Assert.Contains(title, Titles(query));
        if (query[0] != title[0]) Assert.DoesNotContain(title, Titles(query, fold: false));
    }

    [Fact]
    public void A_one_syllable_query_does_not_match_everything()
    {
        Assert.Empty(Titles("뷁"));
        Assert.DoesNotContain("경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다", Titles("평"));
    }

    [Theory]
    [InlineData("Kim Jong Un")]
    [InlineData("Kim Jong-un")]
    [InlineData("kim jongun")]
    [InlineData("\"Kim Jong Un\"")]
    public void Spellings_of_a_name_find_each_other(string query)
    {
        var titles = Titles(query);
        Assert.Contains("Leader Visits Farm", titles);
        Assert.Contains("Delegation Received", titles);
    }

    [Fact]
    public void The_korean_name_finds_the_romanised_one_and_back()
    {
        var korean = Titles("김정은");
        Assert.Contains("Leader Visits Farm", korean);
        Assert.Contains("경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다", Titles("Kim Jong Un"));
    }

    [Fact]
    public void Surname_spellings_and_places_match()
    {
        Assert.Contains("Talks Held", Titles("Ri Son Gwon"));
        Assert.Contains("Talks Held", Titles("Lee Son-gwon"));
        Assert.Contains("Leader Visits Farm", Titles("Pyongyang"));
        Assert.DoesNotContain("Weather Report", Titles("Pyongyang"));
    }

    [Fact]
    public void Korean_snippets_mark_where_the_word_is()
    {
        var hit = _f.Archive.Search(new SearchRequest("동행하였다")).Hits.Single();
        Assert.Contains($"{Snippets.MatchStart}동행하였다{Snippets.MatchEnd}", hit.Snippet);
        var folded = _f.Archive.Search(new SearchRequest("노동자")).Hits.First(h => h.Title.StartsWith("로동자"));
        Assert.Contains($"{Snippets.MatchStart}로동자", folded.Snippet);
    }
}

public sealed class SqliteKoreanAndNamesSearch() : KoreanAndNamesSearchContract(Backend.Sqlite);

public sealed class PostgresKoreanAndNamesSearch() : KoreanAndNamesSearchContract(Backend.Postgres);
