using Tongsin.Ingest;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class KcnaWatchAdapterTests
{
    private readonly KcnaWatchAdapter _site = new(new OutletCatalog());
    private static readonly Uri PageUrl = new("https://kcnawatch.org/newstream/1679212345-123456789/press-statement-of-dprk-permanent-mission/");

    [Fact]
    public void Article_reads_title_date_source_body_and_the_original_address()
    {
        var a = _site.ReadArticle(SiteFixtures.Text("kcnawatch.org", "article.html"), PageUrl).Article!;

        Assert.Equal("Press Statement of DPRK Permanent Mission to UN", a.Title);
        Assert.Equal(new DateOnly(2023, 3, 19), a.Published);
        Assert.Equal("ministry-of-foreign-affairs", a.Source.Outlet.Slug);
        Assert.Equal("en", a.Source.Language);
        Assert.Equal("http://www.mfa.gov.kp/en/view/article/17114", a.Url);
        Assert.Equal(
        [
            "The permanent mission issued the following press statement on March 19:",
            "It rejects the \u201Chuman rights\u201D campaign.",
            "Date: this paragraph only starts like a date line.",
        ], a.Paragraphs);
        Assert.Null(a.Captured);
    }

    [Fact]
    public void Without_a_link_to_the_original_the_page_keeps_its_own_address()
    {
        var a = _site.ReadArticle(SiteFixtures.Text("kcnawatch.org", "article-no-link.html"), PageUrl).Article!;
        Assert.Equal(PageUrl.ToString(), a.Url);
        Assert.Equal("voice-of-korea", a.Source.Outlet.Slug);
        Assert.Equal("ko", a.Source.Language);
    }

    [Fact]
    public void A_page_without_the_date_line_fails_clearly()
    {
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadArticle("<html><body><h1>Title</h1><p>Text.</p></body></html>", PageUrl));
        Assert.Contains("Date:", e.Message);
    }

    [Fact]
    public void An_impossible_date_is_invalid()
    {
        var html = SiteFixtures.Text("kcnawatch.org", "article.html").Replace("19/03/2023", "31/02/2023");
        Assert.Equal(ImportFailureKind.Invalid, Assert.Throws<ImportFailureException>(() => _site.ReadArticle(html, PageUrl)).Kind);
    }

    [Fact]
    public void Listing_links_its_own_articles()
    {
        var page = _site.ReadListing(SiteFixtures.Text("kcnawatch.org", "article.html"), PageUrl);
        var item = Assert.Single(page.Items);
        Assert.Equal("Yearly Transformations of Socialist Countryside", item.Title);
    }
}
