using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Model;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Ingest;

public class KcnaWatchPageReaderTests
{
    private readonly KcnaWatchPageReader _reader = new(new OutletCatalog());

    private PageCapture Read(string text) => _reader.Read(text);

    [Fact]
    public void Reads_every_part_of_a_page()
    {
        var page = Read(Fixtures.Text("mfa-press-statement.txt"));
        var a = page.Article;
        Assert.Equal("Spokesman for DPRK Foreign Ministry Slams U.S. Sanctions Move", a.Title);
        Assert.Equal(new DateOnly(2024, 11, 14), a.Published);
        Assert.Equal(new DateOnly(2026, 2, 3), a.Captured);
        Assert.Equal("Ministry of Foreign Affairs (EN)", a.Source.Label);
        Assert.Equal("Ministry of Foreign Affairs", a.Source.Outlet.Name);
        Assert.Equal("외무성", a.Source.Outlet.NameKo);
        Assert.Equal("en", a.Source.Language);
        Assert.Null(a.Url);
        Assert.Equal(7, a.Paragraphs.Count);
        Assert.StartsWith("The spokesman for the Ministry", a.Paragraphs[0]);
        Assert.EndsWith("consequences of its reckless acts.", a.Paragraphs[^1]);
        Assert.Contains("“human rights”", a.Paragraphs[4]);

        Assert.Equal(12, page.Cards.Count);
        var first = page.Cards[0];
        Assert.Equal("Spring Sowing Begins on Cooperative Farms", first.Title);
        Assert.Equal(new DateOnly(2026, 2, 3), first.Published);
        Assert.StartsWith("Farmers across the country", first.Teaser);
        Assert.All(page.Cards, c => Assert.Equal(a.Source, c.Source));
        Assert.Equal("Korean Women’s Union Holds Meeting", page.Cards[^1].Title);
        Assert.Equal(new DateOnly(2026, 1, 14), page.Cards[^1].Published);
    }

    [Fact]
    public void A_card_may_share_the_article_title_under_another_date()
    {
        var page = Read(Fixtures.Text("mfa-press-statement.txt"));
        var twin = Assert.Single(page.Cards, c => c.Title == page.Article.Title);
        Assert.Equal(new DateOnly(2026, 1, 30), twin.Published);
        Assert.NotEqual(page.Article.Published, twin.Published);
    }

    [Fact]
    public void Copes_with_crlf_bom_pipes_spaces_and_trailing_blank_lines()
    {
        var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Fixtures.Page("vok-crlf-bom.txt")));
        var page = Read(PageText.Decode(File.ReadAllBytes(Fixtures.Page("vok-crlf-bom.txt"))));
        Assert.Contains('\r', text);
        var a = page.Article;
        Assert.Equal("Korean Revolution | National Meeting Reviews First Quarter", a.Title);
        Assert.Equal("Voice of Korea (EN)", a.Source.Label);
        Assert.Equal(new DateOnly(2026, 4, 1), a.Published);
        Assert.Equal(new DateOnly(2026, 4, 2), a.Captured);
        Assert.Equal(6, a.Paragraphs.Count);
        Assert.Equal("The participants pledged to redouble their efforts for the fulfilment of this year’s plan.", a.Paragraphs[4]);
        Assert.All(a.Paragraphs, p => Assert.DoesNotContain('\r', p));
        Assert.Equal(13, page.Cards.Count);
    }

    [Fact]
    public void Body_paragraphs_beginning_with_Date_or_More_from_stay_in_the_body()
    {
        var page = Read(Fixtures.Text("vok-crlf-bom.txt").TrimStart('\uFEFF'));
        Assert.StartsWith("Date: 1 April was chosen", page.Article.Paragraphs[1]);
        Assert.StartsWith("More from the fields of the country", page.Article.Paragraphs[3]);
        var odd = Assert.Single(page.Cards, c => c.Title.StartsWith("Date:"));
        Assert.Equal(new DateOnly(2026, 4, 1), odd.Published);
    }

    [Fact]
    public void Reads_a_korean_page()
    {
        var page = Read(Fixtures.Text("rodong-ko.txt"));
        Assert.Equal("ko", page.Article.Source.Language);
        Assert.Equal("Rodong Sinmun (KO)", page.Article.Source.Label);
        Assert.Equal("rodong-sinmun-ko", page.Article.Source.Slug);
        Assert.Equal("경애하는 김정은동지께서 새로 건설된 온실농장을 현지지도하시였다", page.Article.Title);
        Assert.Equal(4, page.Article.Paragraphs.Count);
        Assert.Equal(12, page.Cards.Count);
        Assert.Equal("온실농장에서 첫 수확", page.Cards[1].Title);
    }

    [Fact]
    public void A_page_without_related_block_has_no_cards()
    {
        var page = Read(Fixtures.Text("kcna-no-related.txt"));
        Assert.Empty(page.Cards);
        Assert.Equal(3, page.Article.Paragraphs.Count);
        Assert.Equal("Korean Central News Agency", page.Article.Source.Outlet.Name);

        var noEnd = new PageBuilder(Cards: [], EndMarker: false).ToString();
        Assert.Equal(3, Read(noEnd).Article.Paragraphs.Count);
    }

    [Fact]
    public void Date_line_without_link_part_is_read()
    {
        var page = Read(new PageBuilder(ReadOriginal: false).ToString());
        Assert.Equal("Korean Central News Agency (EN)", page.Article.Source.Label);
        Assert.Equal(new DateOnly(2025, 2, 12), page.Article.Published);
    }

    [Fact]
    public void More_From_another_source_is_body_text()
    {
        var text = new PageBuilder(Cards: []).ToString().Replace("More Articles",
            "More From Rodong Sinmun (EN)\n\nA closing line of the article.\n\nMore Articles");
        var page = Read(text);
        Assert.Empty(page.Cards);
        Assert.Contains("More From Rodong Sinmun (EN)", page.Article.Paragraphs);
    }

    [Fact]
    public void Single_newlines_read_the_same_as_blank_lines()
    {
        var blank = new PageBuilder().ToString();
        var single = blank.Replace("\n\n", "\n");
        Assert.Equal(Read(blank).Article.Paragraphs, Read(single).Article.Paragraphs);
        Assert.Equal(Read(blank).Cards, Read(single).Cards);
    }

    [Theory]
    [InlineData("Some notes about the weather\n\nIt rained.", ImportFailureKind.NotAPage)]
    [InlineData("January 29, 2026Jan 29, 2026\nKCNA Voice of Korea (EN)\n\nA title\n\nno date line here\n\nbody\n\nbody\n\nbody\n\nbody\n\nbody\n\nbody\n\nbody", ImportFailureKind.NotAPage)]
    [InlineData("January 29, 2026Jan 29, 2026\nKCNA Voice of Korea (EN)\n\nA title", ImportFailureKind.Truncated)]
    [InlineData("January 29, 2026Jan 29, 2026\nKCNA Voice of Korea (EN)\n\nA title\n\nDate: 31/02/2024 | Source: Voice of Korea (EN)\n\nText.\n\nMore Articles", ImportFailureKind.Invalid)]
    [InlineData("January 29, 2026Jan 29, 2026\nKCNA Voice of Korea (EN)\n\nA title\n\nDate: 2024-02-02 | Source: Voice of Korea (EN)\n\nText.\n\nMore Articles", ImportFailureKind.Invalid)]
    public void Pages_that_are_not_pages_fail_with_their_kind(string text, ImportFailureKind kind)
    {
        var e = Assert.Throws<ImportFailureException>(() => Read(text));
        Assert.Equal(kind, e.Kind);
        Assert.DoesNotContain('\n', e.Describe());
    }

    [Fact]
    public void A_page_cut_anywhere_after_its_header_is_truncated_or_shorter_but_never_wrong()
    {
        var full = new PageBuilder(Cards: PageBuilder.DefaultCards.Concat(PageBuilder.DefaultCards.Select(c => (c.Item1 + " Again", c.Item2, c.Item3))).ToList()).ToString();
        var whole = Read(full);
        var dateLineEnd = full.IndexOf("at source", StringComparison.Ordinal) + 9;
        for (var cut = dateLineEnd; cut < full.Length - "More Articles".Length; cut += 7)
        {
            var text = full[..cut];
            PageCapture page;
            try { page = Read(text); }
            catch (ImportFailureException e)
            {
                Assert.Equal(ImportFailureKind.Truncated, e.Kind);
                continue;
            }
            // What a cut page yields must be a faithful prefix of the whole page.
            Assert.Equal(whole.Article.Title, page.Article.Title);
            Assert.True(page.Cards.Count <= whole.Cards.Count);
            for (var i = 0; i < page.Cards.Count; i++)
            {
                Assert.Equal(whole.Cards[i].Title, page.Cards[i].Title);
                Assert.Equal(whole.Cards[i].Published, page.Cards[i].Published);
            }
            if (page.Cards.Count == 0) Assert.Equal(whole.Article.Paragraphs.Take(page.Article.Paragraphs.Count), page.Article.Paragraphs);
        }
    }

    [Fact]
    public void A_page_cut_in_its_body_is_truncated()
    {
        var full = new PageBuilder().ToString();
        var cut = full[..(full.IndexOf("by the vice-minister", StringComparison.Ordinal) + 5)];
        Assert.Equal(ImportFailureKind.Truncated, Assert.Throws<ImportFailureException>(() => Read(cut)).Kind);
    }

    [Fact]
    public void A_page_cut_in_its_cards_is_truncated()
    {
        var full = new PageBuilder().ToString();
        var cut = full[..(full.LastIndexOf("Exhibition of Paintings", StringComparison.Ordinal) + 30)];
        var e = Assert.Throws<ImportFailureException>(() => Read(cut));
        Assert.Equal(ImportFailureKind.Truncated, e.Kind);
        Assert.Contains("card", e.Message);
    }

    [Fact]
    public void Unknown_outlets_are_kept_under_their_own_name()
    {
        var page = Read(new PageBuilder(Source: "Kumsusan Memorial News (EN)").ToString());
        Assert.Equal("Kumsusan Memorial News", page.Article.Source.Outlet.Name);
        Assert.Equal("kumsusan-memorial-news-en", page.Article.Source.Slug);
    }

    [Theory]
    [InlineData("KCNA (EN)", "Korean Central News Agency", "en")]
    [InlineData("Minju Choson (KR)", "Minju Joson", "ko")]
    [InlineData("The Pyongyang Times (EN)", "Pyongyang Times", "en")]
    [InlineData("Voice of Korea (CN)", "Voice of Korea", "zh")]
    public void Source_labels_resolve_aliases_and_language_codes(string label, string outlet, string language)
    {
        var source = Source.FromLabel(label, new OutletCatalog());
        Assert.Equal(outlet, source.Outlet.Name);
        Assert.Equal(language, source.Language);
    }
}
