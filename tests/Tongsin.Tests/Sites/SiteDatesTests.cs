using Tongsin.Text;

namespace Tongsin.Tests.Sites;

public class SiteDatesTests
{
    [Theory]
    [InlineData("[2026.7.19.]", 2026, 7, 19)]
    [InlineData("2022.03.11", 2022, 3, 11)]
    [InlineData("(2026.10.4)", 2026, 10, 4)]
    [InlineData("[Juche113.10.28.]", 2024, 10, 28)]
    [InlineData("www.kcna.kp (Juche108.12.10.)", 2019, 12, 10)]
    [InlineData("[주체115.7.20.]", 2026, 7, 20)]
    [InlineData("Juche 1.4.15", 1912, 4, 15)]
    public void Dotted_dates(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Dates.FindDotted(text));

    [Theory]
    [InlineData("[2026.2.30.]")]
    [InlineData("version 1.2.3")]
    [InlineData("")]
    public void Not_dotted_dates(string text) => Assert.Null(Dates.FindDotted(text));

    [Theory]
    [InlineData("Mar. 10,\u00A0Juche 111 (2022)\u00A0\u00A0Thursday", 2022, 3, 10)]
    [InlineData("Feb. 11, Juche 111 (2022) Friday", 2022, 2, 11)]
    [InlineData("Sept. 3, Juche 114", 2025, 9, 3)]
    [InlineData("December 31, Juche 100 (2011)", 2011, 12, 31)]
    public void Juche_written_dates(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Dates.FindJucheWritten(text));

    [Fact]
    public void The_juche_year_counts_from_1912() => Assert.Equal(2022, Dates.JucheToGregorian(111));

    [Theory]
    [InlineData("Thu, 10 Mar 2022 09:30:00 +0900", 2022, 3, 10)]
    [InlineData("Wed, 09 Mar 2022 18:00:00 GMT", 2022, 3, 9)]
    [InlineData("Wed, 9 Mar 2022 23:30:00 KST", 2022, 3, 9)]
    [InlineData("2022-03-10T01:30:00+09:00", 2022, 3, 10)]
    [InlineData("2022-03-09T10:00:00Z", 2022, 3, 9)]
    [InlineData("2022-03-09", 2022, 3, 9)]
    public void Feed_dates_keep_the_publishers_day(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Dates.ParseFeedDate(text));

    [Fact]
    public void A_feed_date_that_is_not_one() => Assert.Null(Dates.ParseFeedDate("yesterday"));
}
