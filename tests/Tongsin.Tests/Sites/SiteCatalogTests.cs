using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class SiteCatalogTests
{
    private readonly SiteCatalog _sites = new(new OutletCatalog());

    [Theory]
    [InlineData("rodong.rep.kp", "article-2022.html")]
    [InlineData("rodong.rep.kp", "list-2022.html")]
    [InlineData("rodong.rep.kp", "article-current.html")]
    [InlineData("kcna.kp", "article-detail.html")]
    [InlineData("kcna.kp", "article-kcmsf.html")]
    [InlineData("kcna.kp", "list-page1.html")]
    [InlineData("kcna.kp", "article-ko-detail.html")]
    [InlineData("vok.rep.kp", "main-en.html")]
    [InlineData("mfa.gov.kp", "article.html")]
    [InlineData("mfa.gov.kp", "feed-en.xml")]
    [InlineData("kcnawatch.org", "article.html")]
    [InlineData("kcnawatch.org", "article-no-link.html")]
    public void Saved_pages_are_recognised_from_the_page_itself(string site, string file) =>
        Assert.Equal(site, _sites.Recognise(SiteFixtures.Text(site, file))?.Site);

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>KCNA</body></html>")]
    [InlineData("<html><head><link rel=\"canonical\" href=\"https://example.org/a\"></head><body><p>Hello</p></body></html>")]
    public void Other_pages_are_not(string html) => Assert.Null(_sites.Recognise(html));

    [Fact]
    public void A_saved_from_note_names_the_site()
    {
        const string html = "<!-- saved from url=(0047)http://vok.rep.kp/index.php/home/main/en/x.html -->\n<html><body></body></html>";
        Assert.Equal("vok.rep.kp", _sites.Recognise(html)?.Site);
    }

    [Fact]
    public void Every_adapter_lists_its_languages_and_listings()
    {
        foreach (var adapter in _sites.All)
        {
            Assert.NotEmpty(adapter.Languages);
            foreach (var language in adapter.Languages)
                Assert.NotEmpty(adapter.Listings(new Uri($"http://{adapter.Site}/"), language));
        }
    }
}
