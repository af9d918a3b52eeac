using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class SiteCatalogTests
{
    private readonly SiteCatalog _sites = new(new OutletCatalog());

    [Theory]
    [InlineData("kcna.kp", "kcna.kp")]
    [InlineData("www.rodong.rep.kp", "rodong.rep.kp")]
    [InlineData("VOK.REP.KP", "vok.rep.kp")]
    [InlineData("mfa.gov.kp", "mfa.gov.kp")]
    [InlineData("kcnawatch.org", "kcnawatch.org")]
    public void Sites_are_found_by_name(string name, string site) => Assert.Equal(site, _sites.For(name)!.Site);

    [Fact]
    public void An_unknown_site_has_no_adapter() => Assert.Null(_sites.For("example.org"));

    [Theory]
    [InlineData("http://www.kcna.kp/en/article/detail/0a1b2c3d4e5f60718293a4b5c6d7e8f9", "kcna.kp")]
    [InlineData("http://rodong.rep.kp/en/index.php?strPageID=SF01_02_01&newsID=2022-03-10-0002", "rodong.rep.kp")]
    [InlineData("https://kcnawatch.org/newstream/1-2/a-title/", "kcnawatch.org")]
    [InlineData("http://mirror.example/index.php/detail_com/comde/ien261006002/18/en", "vok.rep.kp")]
    [InlineData("http://mirror.example/en/article/q/2c3d4e5f60718293a4b5c6d7e8f90a1b.kcmsf", "kcna.kp")]
    public void Addresses_find_their_site_and_mirrors_by_path(string address, string site) =>
        Assert.Equal(site, _sites.ForUrl(new Uri(address))!.Site);

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
