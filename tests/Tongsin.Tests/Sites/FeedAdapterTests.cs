using Tongsin.Ingest;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

public class FeedAdapterTests
{
    private readonly FeedAdapter _site = new(new OutletCatalog(), FeedAdapter.MfaGovKp);

    [Fact]
    public void Rss_items_become_listing_items_and_full_items_articles()
    {
        var url = new Uri("http://www.mfa.gov.kp/en/feed/");
        var feed = _site.ReadFeed(SiteFixtures.Text("mfa.gov.kp", "feed-en.xml"), url);

        Assert.Equal(2, feed.Listing.Items.Count);
        Assert.Equal(new Uri("http://www.mfa.gov.kp/en/view/article/20001"), feed.Listing.Items[0].Url);
        Assert.Equal(new DateOnly(2022, 3, 10), feed.Listing.Items[0].Published);
        Assert.Equal(new DateOnly(2022, 3, 9), feed.Listing.Items[1].Published);
        var a = Assert.Single(feed.Articles);
        Assert.Equal("Press Statement of Spokesperson for Foreign Ministry", a.Title);
        Assert.Equal(["The spokesperson issued the following press statement on March 10:", "The DPRK will \u201Cfirmly\u201D defend its sovereignty."], a.Paragraphs);
        Assert.Equal("ministry-of-foreign-affairs", a.Source.Outlet.Slug);
        Assert.Equal("en", a.Source.Language);
        Assert.Equal("http://www.mfa.gov.kp/en/view/article/20001", a.Url);
        Assert.Equal(feed.Listing.Items, _site.ReadListing(SiteFixtures.Text("mfa.gov.kp", "feed-en.xml"), url).Items);
    }

    [Fact]
    public void Atom_entries_read_the_same_way()
    {
        var feed = _site.ReadFeed(SiteFixtures.Text("mfa.gov.kp", "feed-atom.xml"), new Uri("http://www.mfa.gov.kp/zh/feed/atom/"));

        Assert.Equal(2, feed.Listing.Items.Count);
        Assert.Equal(new Uri("http://www.mfa.gov.kp/zh/view/article/30002"), feed.Listing.Items[1].Url);
        var a = Assert.Single(feed.Articles);
        Assert.Equal("外务省发言人谈话", a.Title);
        Assert.Equal(new DateOnly(2022, 3, 10), a.Published);
        Assert.Equal(["外务省发言人发表了谈话。", "朝鲜将坚决捍卫主权。"], a.Paragraphs);
        Assert.Equal("zh", a.Source.Language);
    }

    [Fact]
    public void An_article_page_reads_entry_title_content_and_published_time()
    {
        var url = new Uri("http://www.mfa.gov.kp/en/view/article/20001");
        var a = _site.ReadArticle(SiteFixtures.Text("mfa.gov.kp", "article.html"), url).Article!;

        Assert.Equal("Press Statement of Spokesperson for Foreign Ministry", a.Title);
        Assert.Equal(new DateOnly(2022, 3, 10), a.Published);
        Assert.Equal(2, a.Paragraphs.Count);
        Assert.Equal("en", a.Source.Language);
    }

    [Fact]
    public void Broken_xml_fails_clearly_with_its_line()
    {
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadFeed("<rss><channel>\n<item><title>x</item></channel></rss>", new Uri("http://www.mfa.gov.kp/en/feed/")));
        Assert.Equal(ImportFailureKind.Invalid, e.Kind);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Xml_that_is_not_a_feed_is_refused()
    {
        Assert.Throws<ImportFailureException>(() => _site.ReadFeed("<html><body/></html>", new Uri("http://www.mfa.gov.kp/en/feed/")));
    }

    [Fact]
    public void Entity_expansion_in_a_dtd_is_not_followed()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><rss><channel><item><title>&b;</title><link>http://www.mfa.gov.kp/en/x</link></item></channel></rss>";
        // The DTD is skipped, so its entities are unknown: the feed fails as invalid rather than expanding them.
        var e = Assert.Throws<ImportFailureException>(() => _site.ReadFeed(xml, new Uri("http://www.mfa.gov.kp/en/feed/")));
        Assert.Equal(ImportFailureKind.Invalid, e.Kind);
    }

    [Fact]
    public void A_feed_is_recognised_by_its_own_link_and_feeds_are_found_per_language()
    {
        Assert.True(_site.Recognises(SiteFixtures.Text("mfa.gov.kp", "feed-en.xml")));
        Assert.Equal("http://www.mfa.gov.kp/zh/feed/", _site.Listings(new Uri("http://www.mfa.gov.kp/"), "zh")[0].Url.ToString());
        Assert.Equal(ImportFailureKind.Listing,
            Assert.Throws<ImportFailureException>(() => _site.ReadArticle(SiteFixtures.Text("mfa.gov.kp", "feed-en.xml"), new Uri("http://www.mfa.gov.kp/en/feed/"))).Kind);
    }
}
