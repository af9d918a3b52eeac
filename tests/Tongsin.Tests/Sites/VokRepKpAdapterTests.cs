using Tongsin.Ingest;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class VokRepKpAdapterTests
{
    private readonly VokRepKpAdapter _site = new(new OutletCatalog());
    private static readonly Uri MainUrl = new("http://vok.rep.kp/index.php/home/main/en");

    [Fact]
    public void Listing_items_take_their_date_from_the_end_of_the_title()
    {
        var page = _site.ReadListing(SiteFixtures.Text("vok.rep.kp", "main-en.html"), MainUrl);

        Assert.Equal(5, page.Items.Count);
        Assert.Equal("Strategic drill conducted in eastern region", page.Items[0].Title);
        Assert.Equal(new DateOnly(2026, 10, 4), page.Items[0].Published);
        Assert.Equal(new Uri("http://vok.rep.kp/index.php/revo_de/getDetail/ien261003020/en"), page.Items[0].Url);
        Assert.Equal(new Uri("http://vok.rep.kp/index.php/detail_com/vi_video/ien261005004"), page.Items[3].Url);
        Assert.Equal("Answer: About Famous Libraries in the DPRK", page.Items[4].Title);
        Assert.DoesNotContain(page.Items, i => i.Url.AbsolutePath.Contains("home/main"));
        Assert.Null(page.Next);
    }

    [Fact]
    public void Article_reads_title_date_and_its_own_paragraphs()
    {
        var url = new Uri("http://vok.rep.kp/index.php/detail_com/comde/ien261006002/18/en");
        var a = _site.ReadArticle(SiteFixtures.Text("vok.rep.kp", "article-comde.html"), url).Article!;

        Assert.Equal("Successes made in construction of minor power stations", a.Title);
        Assert.Equal(new DateOnly(2026, 10, 7), a.Published);
        Assert.Equal(
        [
            "Minor power stations were built one after another in different provinces.",
            "They will supply electricity to local factories and homes.",
        ], a.Paragraphs);
        Assert.Equal("voice-of-korea", a.Source.Outlet.Slug);
        Assert.Equal("en", a.Source.Language);
    }

    [Theory]
    [InlineData("http://vok.rep.kp/index.php/detail_com/comde/iee260910011/57/ge", "de")]
    [InlineData("http://vok.rep.kp/index.php/detail_com/comde/iee260910011/57/sp", "es")]
    [InlineData("http://vok.rep.kp/index.php/detail_com/comde/iee260910011/57/ch", "zh")]
    [InlineData("http://vok.rep.kp/index.php/revo_de/getDetail/ien261003020/ar", "ar")]
    [InlineData("http://vok.rep.kp/index.php/detail_com/vi_video/ije220917004", "ja")]
    public void The_language_comes_from_the_address(string address, string language)
    {
        var a = _site.ReadArticle(SiteFixtures.Text("vok.rep.kp", "article-comde.html"), new Uri(address)).Article!;
        Assert.Equal(language, a.Source.Language);
    }

    [Fact]
    public void A_broadcast_page_reads_its_title_with_the_date_cut_off()
    {
        var a = _site.ReadArticle(SiteFixtures.Text("vok.rep.kp", "article-video.html"),
            new Uri("http://vok.rep.kp/index.php/detail_com/vi_video/ien261005004")).Article!;
        Assert.Equal("Scientific symposium held", a.Title);
        Assert.Equal(new DateOnly(2026, 10, 7), a.Published);
        Assert.Equal("en", a.Source.Language);
    }

    [Fact]
    public void Nine_editions_and_their_front_pages()
    {
        Assert.Equal(9, _site.Languages.Count);
        Assert.Equal("http://vok.rep.kp/index.php/home/main/ge", _site.Listings(new Uri("http://vok.rep.kp/"), "de")[0].Url.ToString());
        Assert.Equal("http://vok.rep.kp/index.php/home/main/sp", _site.Listings(new Uri("http://vok.rep.kp/"), "es")[0].Url.ToString());
        Assert.True(_site.Handles(new Uri("http://vok.rep.kp/index.php/detail_com/gude/iee260729009/95/en")));
        Assert.True(_site.Handles(MainUrl));
    }

    [Fact]
    public void Not_found_is_gone_and_a_list_is_a_listing()
    {
        var url = new Uri("http://vok.rep.kp/index.php/detail_com/comde/ien000000000/18/en");
        Assert.Equal(ArticleState.Gone, _site.ReadArticle(SiteFixtures.Text("vok.rep.kp", "gone.html"), url).State);
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadArticle(SiteFixtures.Text("vok.rep.kp", "main-en.html"), MainUrl));
        Assert.Equal(ImportFailureKind.Listing, e.Kind);
    }

    [Theory]
    [InlineData("<h3>Title without date</h3><div><p>Body text here.</p></div>")]
    [InlineData("<div><p>text only")]
    [InlineData("</div></div><h3>")]
    public void Malformed_pages_fail_clearly(string html)
    {
        Assert.ThrowsAny<ImportFailureException>(() => _site.ReadArticle(html, new Uri("http://vok.rep.kp/index.php/detail_com/comde/ien261006002/18/en")));
    }
}
