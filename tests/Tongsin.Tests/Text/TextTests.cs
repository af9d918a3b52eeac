using Tongsin.Text;

namespace Tongsin.Tests.Text;

public class TextTests
{
    [Theory]
    [InlineData("  two   spaces\tand tab  ", "two spaces and tab")]
    [InlineData("non\u00A0breaking\u2009thin", "non breaking thin")]
    [InlineData("zero\u200Bwidth\uFEFF", "zerowidth")]
    [InlineData("plain", "plain")]
    [InlineData("\u1100\u1161", "\uAC00")]
    public void Lines_are_cleaned_to_one_form(string input, string expected) =>
        Assert.Equal(expected, TextCleaner.CleanLine(input));

    [Fact]
    public void Title_keys_ignore_case_quotes_dashes_and_spacing()
    {
        Assert.Equal(TitleKey.From("Faithful Young Vanguards Guarantee Nation’s Future"), TitleKey.From("faithful  young vanguards guarantee nation's future"));
        Assert.Equal(TitleKey.From("Vice-Minister – Statement"), TitleKey.From("vice-minister - statement"));
        Assert.NotEqual(TitleKey.From("Statement of KCNA"), TitleKey.From("Statement of KCTV"));
    }

    [Theory]
    [InlineData("January 29, 2026", 2026, 1, 29)]
    [InlineData("Jan 9, 2026", 2026, 1, 9)]
    [InlineData("Sept. 3, 2024", 2024, 9, 3)]
    [InlineData("2026년 3월 5일", 2026, 3, 5)]
    [InlineData("2026-03-05", 2026, 3, 5)]
    [InlineData("05/03/2026", 2026, 3, 5)]
    public void Date_lines_in_every_form(string line, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), Dates.ParseDateLine(line));

    [Theory]
    [InlineData("February 30, 2026")]
    [InlineData("Brumaire 3, 2026")]
    [InlineData("The 24 of January")]
    [InlineData("31/02/2024")]
    public void Not_dates(string line) => Assert.Null(Dates.ParseDateLine(line));

    [Fact]
    public void Capture_line_long_and_short_forms_run_together()
    {
        Assert.Equal(new DateOnly(2026, 1, 29), Dates.ReadWrittenDate("January 29, 2026Jan 29, 2026", out var used));
        Assert.Equal("January 29, 2026".Length, used);
    }

    [Fact]
    public void Juche_years_start_in_1912()
    {
        Assert.Equal(1912, Dates.JucheToGregorian(1));
        Assert.Equal(2022, Dates.JucheToGregorian(111));
    }

    [Fact]
    public void Content_hash_depends_on_words_not_on_paragraph_breaks_inside_words()
    {
        var a = ContentHash.Of("T", ["one", "two"]);
        Assert.Equal(a, ContentHash.Of("T", ["one", "two"]));
        Assert.NotEqual(a, ContentHash.Of("T", ["one two"]));
        Assert.NotEqual(a, ContentHash.Of("T", ["one", "two."]));
        Assert.Equal(64, a.Length);
    }
}
