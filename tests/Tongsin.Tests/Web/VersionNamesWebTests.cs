using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>The article page says which names an outlet's edit took out or put in.</summary>
public sealed class VersionNamesWebTests() : ServedArchive(Edited())
{
    private const string Title = "Kim Jong Un Inspects Construction Site";

    private static ArchiveFixture Edited()
    {
        var f = new ArchiveFixture();
        PageBuilder Page(string captured, params string[] body) =>
            new(Title: Title, Published: "01/09/2013", Captured: captured, Body: body, Cards: []);
        f.Store(f.Page(Page("September 2, 2013Sep 2, 2013",
            "Pyongyang, September 1 (KCNA) -- Kim Jong Un inspected the construction site of a housing district.",
            "He was accompanied by Jang Song Thaek and Choe Ryong Hae.").ToString()));
        f.Store(f.Page(Page("December 20, 2013Dec 20, 2013",
            "Pyongyang, September 1 (KCNA) -- Kim Jong Un inspected the construction site of a housing district.",
            "He was accompanied by Choe Ryong Hae.").ToString()));
        return f;
    }

    [Fact]
    public async Task The_versions_list_and_the_comparison_name_the_official_an_edit_dropped()
    {
        var id = Archive.All().Single(a => a.Article.Title == Title).Article.Id;
        var page = await Client.GetStringAsync($"/articles/{id}");
        Assert.Contains("<span class=\"vnum\">Version 2</span>", page);
        Assert.Contains("<span class=\"name-changes\">Names <span class=\"names-dropped\">dropped: <a href=\"/entities/jang-song-thaek\">Jang Song Thaek</a>.</span>", page);

        var diff = await Client.GetStringAsync($"/articles/{id}?diff=1..2");
        Assert.Contains("<p class=\"name-changes\">Names this change touches: <span class=\"names-dropped\">dropped: <a href=\"/entities/jang-song-thaek\">Jang Song Thaek</a>.</span>", diff);
        Assert.DoesNotContain("names-added", diff);
        var back = await Client.GetStringAsync($"/articles/{id}?diff=2..1");
        Assert.Contains("<span class=\"names-added\">added: <a href=\"/entities/jang-song-thaek\">Jang Song Thaek</a>.</span>", back);
    }
}
