using Tongsin.Ingest;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class RodongRepKpAdapterTests
{
    private readonly RodongRepKpAdapter _site = new(new OutletCatalog());
    private static readonly Uri ArticleUrl = new("http://www.rodong.rep.kp/en/index.php?strPageID=SF01_02_01&newsID=2022-03-10-0002");

    [Fact]
    public void Old_article_reads_title_date_and_body_without_pictures_spacers_or_signature()
    {
        var reading = _site.ReadArticle(SiteFixtures.Text("rodong.rep.kp", "article-2022.html"), ArticleUrl);

        Assert.Equal(ArticleState.Found, reading.State);
        var a = reading.Article!;
        Assert.Equal("Orchard Workers' Spring Pruning Brisk", a.Title);
        Assert.Equal(new DateOnly(2022, 3, 10), a.Published);
        Assert.Equal(
        [
            "Pruning of fruit trees is in full swing at orchards across the country.",
            "Workers of the Kwail County orchard, who learnt from Kim Il Sung's teaching, finished the first round \"ahead of schedule\".",
            "Technicians explain the new methods\u2019 worth to every work team.",
        ], a.Paragraphs);
        Assert.Equal("rodong-sinmun", a.Source.Outlet.Slug);
        Assert.Equal("en", a.Source.Language);
        Assert.Null(a.Captured);
        Assert.Equal(ArticleUrl.ToString(), a.Url);
    }

    [Fact]
    public void Saved_old_article_without_address_takes_its_language_from_the_header_images()
    {
        var reading = _site.ReadArticle(SiteFixtures.Text("rodong.rep.kp", "article-2022.html"), new Uri("http://rodong.rep.kp/"));
        Assert.Equal("en", reading.Article!.Source.Language);
    }

    [Fact]
    public void Old_list_reads_items_with_titles_dates_and_article_addresses()
    {
        var page = _site.ReadListing(SiteFixtures.Text("rodong.rep.kp", "list-2022.html"),
            new Uri("http://www.rodong.rep.kp/en/index.php?strPageID=SF01_01_02&iMenuID=2"));

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(new Uri("http://www.rodong.rep.kp/en/index.php?strPageID=SF01_02_01&newsID=2022-03-11-0004"), page.Items[0].Url);
        Assert.Equal("Orchard Workers' Spring Pruning Brisk", page.Items[0].Title);
        Assert.Equal(new DateOnly(2022, 3, 11), page.Items[0].Published);
        Assert.Equal("Respected Comrade Kim Jong Un Sends Greetings", page.Items[1].Title);
        Assert.Equal("Irrigation Preparations Brisk", page.Items[2].Title);
        Assert.Null(page.Next);
    }

    [Fact]
    public void A_list_given_as_an_article_is_refused_as_a_listing()
    {
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadArticle(SiteFixtures.Text("rodong.rep.kp", "list-2022.html"), ArticleUrl));
        Assert.Equal(ImportFailureKind.Listing, e.Kind);
        Assert.StartsWith("a listing page, not an article: ", e.Describe());
    }

    [Fact]
    public void Current_layout_reads_title_p_and_text_p()
    {
        var url = new Uri("http://www.rodong.rep.kp/en/index.php?MTJAMjAyNi0wMi0xOS0wMDNAMUAxQEAwQDhA==");
        var a = _site.ReadArticle(SiteFixtures.Text("rodong.rep.kp", "article-current.html"), url).Article!;

        Assert.Equal("New Greenhouse Farm Goes into Operation", a.Title);
        Assert.Equal(new DateOnly(2026, 2, 19), a.Published);
        Assert.Equal(2, a.Paragraphs.Count);
        Assert.Equal("Its vegetables will reach the county's families from next month.", a.Paragraphs[1]);
        Assert.Equal("en", a.Source.Language);
    }

    [Fact]
    public void Current_layout_list_links_carry_their_day_in_the_base64_key()
    {
        const string html = """
            <html><body><ul>
            <li><a href="index.php?MTJAMjAyNi0wMi0xOS0wMDNAMUAxQEAwQDhA==">New Greenhouse Farm Goes into Operation</a></li>
            <li><a href="index.php?MTJAMjAyNi0wMi0xOS0wMDNAMUAxQEAwQDhA==">New Greenhouse Farm Goes into Operation</a></li>
            <li><a href="/en/">English</a></li>
            </ul></body></html>
            """;
        var page = _site.ReadListing(html, new Uri("http://www.rodong.rep.kp/en/"));

        var item = Assert.Single(page.Items);
        Assert.Equal(new DateOnly(2026, 2, 19), item.Published);
        Assert.Equal("http://www.rodong.rep.kp/en/index.php?MTJAMjAyNi0wMi0xOS0wMDNAMUAxQEAwQDhA==", item.Url.ToString());
    }

    [Fact]
    public void An_empty_article_page_of_the_site_is_gone()
    {
        Assert.Equal(ArticleState.Gone, _site.ReadArticle(SiteFixtures.Text("rodong.rep.kp", "gone-2022.html"), ArticleUrl).State);
    }

    [Theory]
    [InlineData("<html><body><p class=\"ArticleContent\">Title only <b>broken")]
    [InlineData("<<<>>><p class='ArticleContent'></p></table></td>")]
    [InlineData("")]
    public void Malformed_pages_fail_clearly(string html)
    {
        var e = Assert.ThrowsAny<ImportFailureException>(() => _site.ReadArticle(html, ArticleUrl));
        Assert.NotEmpty(e.Message);
    }

    [Fact]
    public void Addresses_of_both_layouts_are_handled()
    {
        Assert.True(_site.Handles(ArticleUrl));
        Assert.True(_site.Handles(new Uri("http://www.rodong.rep.kp/en/index.php?MTJAMjAyNi0wMi0xOS0wMDNAMUAxQEAwQDhA==")));
        Assert.False(_site.Handles(new Uri("http://www.rodong.rep.kp/en/css/global.css?v=1")));
        Assert.Equal(["ko", "en", "zh"], _site.Languages);
        Assert.Equal("http://www.rodong.rep.kp/cn/", _site.Listings(new Uri("http://www.rodong.rep.kp/"), "zh")[0].Url.ToString());
    }
}
