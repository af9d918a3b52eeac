using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Tests.Ingest;

public class DatelineReaderTests
{
    private static (Dateline? Dateline, List<string> Paragraphs) Take(DateOnly published, params string[] paragraphs)
    {
        var list = paragraphs.ToList();
        return (DatelineReader.Take(list, published), list);
    }

    [Fact]
    public void An_english_dateline_leaves_the_rest_of_its_paragraph()
    {
        var (d, rest) = Take(new DateOnly(2024, 3, 5), "Pyongyang, March 4 (KCNA) -- The month opened.", "More text.");
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(2024, 3, 4), "KCNA"), d);
        Assert.Equal(["The month opened.", "More text."], rest);
    }

    [Fact]
    public void A_spanish_dateline_reads_its_month()
    {
        var (d, _) = Take(new DateOnly(2013, 7, 16), "Pyongyang, 15 de julio (ATCC) -- La delegacion llego.");
        Assert.Equal(new Dateline("Pyongyang", new DateOnly(2013, 7, 15), "ATCC"), d);
    }

    [Fact]
    public void A_korean_dateline_is_a_paragraph_of_its_own()
    {
        var (d, rest) = Take(new DateOnly(2026, 8, 21), "(평양 8월 20일발 조선중앙통신)", "본문이다.");
        Assert.Equal(new Dateline("평양", new DateOnly(2026, 8, 20), "조선중앙통신"), d);
        Assert.Equal(["본문이다."], rest);
        Assert.True(DatelineReader.Opens("【평양 1월 2일발 조선중앙통신】"));
    }

    [Fact]
    public void A_december_dateline_published_in_january_is_of_the_year_before()
    {
        var (d, _) = Take(new DateOnly(2026, 1, 1), "(평양 12월 31일발 조선중앙통신)", "본문이다.");
        Assert.Equal(new DateOnly(2025, 12, 31), d!.Date);
    }

    [Fact]
    public void Without_a_dateline_nothing_changes()
    {
        var (d, rest) = Take(new DateOnly(2024, 3, 6), "One spring day in Juche 52 (1963), the President visited a farm.");
        Assert.Null(d);
        Assert.Equal(["One spring day in Juche 52 (1963), the President visited a farm."], rest);
    }
}
