using System.Text;
using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class KcnaKpAdapterTests
{
    private readonly KcnaKpAdapter _site = new(new OutletCatalog());
    private static readonly Uri ListUrl = new("http://www.kcna.kp/en/article/list/6a47505ba5268fd7749c0fe11e4b24b4");
    private static readonly Uri DetailUrl = new("http://www.kcna.kp/en/article/detail/0a1b2c3d4e5f60718293a4b5c6d7e8f9");

    [Fact]
    public void List_reads_each_article_once_with_title_and_date()
    {
        var page = _site.ReadListing(SiteFixtures.Text("kcna.kp", "list-page1.html"), ListUrl);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(DetailUrl, page.Items[0].Url);
        Assert.Equal("Tideland Reclamation Project Completed", page.Items[0].Title);
        Assert.Equal(new DateOnly(2026, 7, 19), page.Items[0].Published);
        Assert.Equal(new DateOnly(2026, 7, 18), page.Items[1].Published);
        Assert.Equal(new Uri("http://www.kcna.kp/en/article/q/2c3d4e5f60718293a4b5c6d7e8f90a1b.kcmsf"), page.Items[2].Url);
        Assert.Equal(new DateOnly(2024, 10, 28), page.Items[2].Published);
    }

    [Fact]
    public void Next_page_is_a_post_with_the_csrf_token_and_page_number()
    {
        var next = _site.ReadListing(SiteFixtures.Text("kcna.kp", "list-page1.html"), ListUrl).Next;

        Assert.NotNull(next);
        Assert.True(next.IsPost);
        Assert.Equal(ListUrl, next.Url);
        Assert.Equal("5f0c-token-for-test", next.Form!["_csrf"]);
        Assert.Equal("2", next.Form["page_num"]);
        Assert.Equal("15", next.Form["cnt_per_page"]);
        Assert.Equal("", next.Form["keyword"]);
    }

    [Fact]
    public void The_last_page_has_no_next()
    {
        Assert.Null(_site.ReadListing(SiteFixtures.Text("kcna.kp", "list-last.html"), ListUrl).Next);
    }

    [Fact]
    public void More_pages_without_a_token_fail_clearly()
    {
        var html = SiteFixtures.Text("kcna.kp", "list-page1.html").Replace("name=\"_csrf\" value=\"5f0c-token-for-test\"", "name=\"other\" value=\"\"");
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadListing(html, ListUrl));
        Assert.Contains("_csrf", e.Message);
    }

    [Fact]
    public void Article_reads_the_title_date_and_top_level_paragraphs_only()
    {
        var reading = _site.ReadArticle(SiteFixtures.Text("kcna.kp", "article-detail.html"), DetailUrl);

        var a = reading.Article!;
        Assert.Equal("Tideland Reclamation Project Completed", a.Title);
        Assert.Equal(new DateOnly(2026, 7, 19), a.Published);
        Assert.Equal(
        [
            "Pyongyang, July 19 (KCNA) -- A tideland reclamation project was completed in North Phyongan Province.",
            "The new land will be used for farming. -0-",
        ], a.Paragraphs);
        Assert.Equal("korean-central-news-agency", a.Source.Outlet.Slug);
        Assert.Equal("en", a.Source.Language);
        Assert.Equal(DetailUrl.ToString(), a.Url);
        Assert.Null(a.Captured);
    }

    [Fact]
    public void The_older_kcmsf_layout_reads_its_juche_date()
    {
        var url = new Uri("http://www.kcna.kp/en/article/q/2c3d4e5f60718293a4b5c6d7e8f90a1b.kcmsf");
        var a = _site.ReadArticle(SiteFixtures.Text("kcna.kp", "article-kcmsf.html"), url).Article!;

        Assert.Equal("Meeting Held to Mark Day of Sun Anniversary", a.Title);
        Assert.Equal(new DateOnly(2024, 10, 28), a.Published);
        Assert.Equal(2, a.Paragraphs.Count);
    }

    [Fact]
    public void The_korean_edition_is_korean()
    {
        var a = _site.ReadArticle(SiteFixtures.Text("kcna.kp", "article-ko-detail.html"),
            new Uri("http://www.kcna.kp/kp/article/detail/3d4e5f60718293a4b5c6d7e8f90a1b2c")).Article!;
        Assert.Equal("ko", a.Source.Language);
        Assert.Equal("간석지건설 완공", a.Title);
    }

    [Fact]
    public void A_saved_euc_kr_page_decodes_and_reads_its_address_and_juche_date()
    {
        var text = PageText.Decode(File.ReadAllBytes(SiteFixtures.Path("kcna.kp", "saved-euc-kr.html")));
        var capture = new SavedPageReader(new SiteCatalog(new OutletCatalog())).Read(text);

        Assert.Equal("평양에서 체육경기 진행", capture.Article.Title);
        Assert.Equal(new DateOnly(2026, 7, 20), capture.Article.Published);
        Assert.Equal("ko", capture.Article.Source.Language);
        Assert.Equal("http://www.kcna.kp/kp/article/detail/4e5f60718293a4b5c6d7e8f90a1b2c3d", capture.Article.Url);
    }

    [Fact]
    public void Listings_go_to_each_edition()
    {
        var baseUrl = new Uri("http://www.kcna.kp/");
        Assert.All(_site.Listings(baseUrl, "en"), r => Assert.StartsWith("http://www.kcna.kp/en/article/list/", r.Url.ToString()));
        Assert.Equal("http://www.kcna.kp/jp/", _site.Listings(baseUrl, "ja")[0].Url.ToString());
        Assert.Equal("http://www.kcna.kp/cn/", _site.Listings(baseUrl, "zh")[0].Url.ToString());
        Assert.Equal("http://www.kcna.kp/kp/", _site.Listings(baseUrl, "ko")[0].Url.ToString());
        Assert.True(_site.Handles(DetailUrl));
        Assert.True(_site.Handles(ListUrl));
        Assert.False(_site.Handles(new Uri("http://www.kcna.kp/en/photo/x.jpg")));
    }

    [Fact]
    public void The_sites_own_not_found_page_is_gone()
    {
        Assert.Equal(ArticleState.Gone, _site.ReadArticle(SiteFixtures.Text("kcna.kp", "gone.html"), DetailUrl).State);
    }

    [Fact]
    public void A_list_given_as_an_article_is_a_listing()
    {
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadArticle(SiteFixtures.Text("kcna.kp", "list-page1.html"), ListUrl));
        Assert.Equal(ImportFailureKind.Listing, e.Kind);
    }

    [Theory]
    [InlineData("<main><article><div class=\"container\"><h1>Title</h1></div></article></main>")]
    [InlineData("<main><article><div class=\"container\"><h1>Title</h1><p>Body without any date.</p></div></article></main>")]
    [InlineData("<article><h1>Unclosed <p>para <div><p>nested")]
    [InlineData("<html><body><div>Some other page entirely, with enough words to not be an error page? no: it is short.</div><p>x</p></body></html>")]
    public void Malformed_articles_fail_clearly(string html)
    {
        var e = Assert.ThrowsAny<ImportFailureException>(() => _site.ReadArticle(html, DetailUrl));
        Assert.NotEmpty(e.Describe());
    }
}
