using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Statements;

namespace Tongsin.Tests.Analysis.Statements;

/// <summary>Which articles carry a statement, of what kind, by whom and against whom; fixtures written in KCNA's manner.</summary>
public sealed class StatementExtractorTests
{
    private static readonly Lazy<StatementExtractor> Extractor = new(() => new StatementExtractor(new MentionRecogniser(Gazetteer.Load())));

    private static readonly DateOnly Day = new(2024, 3, 12);

    private static Statement? Read(string title, params string[] paragraphs) => Extractor.Value.Extract(title, paragraphs, Day);

    [Theory]
    [InlineData("Press Statement of Kim Yo Jong, Vice Department Director of WPK Central Committee", StatementKind.PressStatement)]
    [InlineData("Statement of DPRK Government", StatementKind.Statement)]
    [InlineData("Answer of Spokesman for DPRK Foreign Ministry to Question Raised by KCNA", StatementKind.Answer)]
    [InlineData("Harbour Plan Is Dangerous Gamble: KCNA Commentary", StatementKind.Commentary)]
    [InlineData("Sanctions Racket Will Never Work = KCNA Commentary =", StatementKind.Commentary)]
    [InlineData("Arms Buildup Means Confrontation: Rodong Sinmun", StatementKind.Commentary)]
    [InlineData("Memorandum of DPRK Foreign Ministry", StatementKind.Memorandum)]
    [InlineData("Open Letter of Central Committee of Korean Children's Union", StatementKind.Letter)]
    [InlineData("Press Release of North Preparatory Committee for Joint Meeting", StatementKind.PressRelease)]
    public void Each_kind_is_told_by_its_title(string title, StatementKind kind) =>
        Assert.Equal(kind, Read(title, "Pyongyang, March 12 (KCNA) -- The text follows.")?.Kind);

    [Theory]
    [InlineData("DPRK FM Statement Supported")]
    [InlineData("Press Statement of Kim Yo Jong Hailed in Africa")]
    [InlineData("Letter relay continues")]
    [InlineData("Floral Basket and Congratulatory Letter to Kim Jong Un")]
    [InlineData("Farmers Finish Spring Sowing")]
    public void A_report_about_statements_is_not_one(string title) =>
        Assert.Null(Read(title, "Pyongyang, March 12 (KCNA) -- A statement of the DPRK Foreign Ministry was supported by a committee of Peru."));

    [Fact]
    public void A_person_and_the_office_are_the_issuer_linked_to_the_gazetteer()
    {
        var s = Read("Press Statement of Kim Yo Jong, Vice Department Director of WPK Central Committee",
            "Pyongyang, March 11 (KCNA) -- Kim Yo Jong, vice department director of the WPK Central Committee, issued the following press statement on Monday:",
            "The U.S. and Japan staged another war drill. The U.S. will pay dearly for it.")!;
        Assert.Equal("Kim Yo Jong", s.Issuer);
        Assert.Equal("kim-yo-jong", s.IssuerSlug);
        Assert.Equal("Vice Department Director of WPK Central Committee", s.Office);
        Assert.Equal("wpk-central-committee", s.OfficeSlug);
        Assert.True(s.Dprk);
        Assert.Equal(new DateOnly(2024, 3, 11), s.Published);
    }

    [Fact]
    public void A_spokesperson_is_an_office_of_the_ministry()
    {
        var s = Read("Answer of Spokesman for DPRK Foreign Ministry to Question Raised by KCNA",
            "Pyongyang, March 12 (KCNA) -- A spokesman for the DPRK Foreign Ministry gave the following answer to a question raised by KCNA.")!;
        Assert.Null(s.Issuer);
        Assert.Equal("Spokesman for DPRK Foreign Ministry", s.Office);
        Assert.Equal("ministry-of-foreign-affairs", s.OfficeSlug);
    }

    [Fact]
    public void A_title_that_names_no_body_takes_the_spokesperson_from_the_first_paragraph()
    {
        var s = Read("FM Spokesman on Sea Boundary Issue",
            "Pyongyang, March 12 (KCNA) -- A spokesman for the DPRK Foreign Ministry answered a question raised by KCNA as regards the sea boundary.")!;
        Assert.Equal(StatementKind.Answer, s.Kind);
        Assert.Equal("ministry-of-foreign-affairs", s.OfficeSlug);
    }

    [Fact]
    public void A_foreign_statement_is_kept_and_marked_foreign()
    {
        var s = Read("Chinese FM Spokesperson on Situation in Middle East", "Beijing, March 11 (Xinhua) -- A spokesperson for the Chinese Foreign Ministry said the sides should show restraint.")!;
        Assert.Equal(StatementKind.Statement, s.Kind);
        Assert.False(s.Dprk);
    }

    [Fact]
    public void Targets_are_the_countries_and_organisations_of_the_title_without_the_dprk_and_the_issuer()
    {
        var s = Read("Press Statement of Spokesman for DPRK Foreign Ministry on U.S. and Japan",
            "Pyongyang, March 12 (KCNA) -- The DPRK Foreign Ministry denounces the U.S. and Japan, and the UN keeps silent. The UN should speak.")!;
        Assert.Equal(["united-states", "japan"], s.Targets);
    }

    [Fact]
    public void Without_any_in_the_title_targets_are_those_named_twice_in_the_text()
    {
        var s = Read("Statement of DPRK Government",
            "Pyongyang, March 12 (KCNA) -- The DPRK Government issued a statement. Japan is reckless, and the UN once named it.",
            "Japan will face the consequences.")!;
        Assert.Equal(["japan"], s.Targets);
    }

    [Fact]
    public void Without_a_dateline_the_date_is_the_publication()
    {
        Assert.Equal(Day, Read("Statement of DPRK Government", "The DPRK Government issued a statement.")!.Published);
        Assert.Equal(new DateOnly(2023, 12, 30), StatementExtractor.Dated(["Pyongyang, December 30 (KCNA) -- Text."], new DateOnly(2024, 1, 2)));
    }
}
