using Tongsin.Analysis.Entities;
using Tongsin.Text;

namespace Tongsin.Tests.Entities;

public class GazetteerTests
{
    private static readonly Gazetteer BuiltIn = Gazetteer.Load();

    [Fact]
    public void The_built_in_gazetteer_loads_every_kind()
    {
        Assert.True(BuiltIn.OfKind(EntityKind.Person).Count() >= 150);
        Assert.True(BuiltIn.OfKind(EntityKind.Organisation).Count() >= 80);
        Assert.True(BuiltIn.OfKind(EntityKind.Place).Count() >= 50);
        Assert.NotEmpty(BuiltIn.OfKind(EntityKind.Idea));
        // The 193 member states of the United Nations, two observers and four former states.
        Assert.Equal(199, BuiltIn.OfKind(EntityKind.Country).Count());
    }

    [Fact]
    public void Every_person_of_the_dprk_has_a_korean_name() =>
        Assert.All(BuiltIn.Entities.Where(e => e.Source.File == "people-dprk.jsonl"), e => Assert.NotNull(e.Korean));

    // A person of the DPRK whose Hangul the rules romanise to another spelling is either one KCNA
    // keeps by convention or a mistake in the data: the list of exceptions stays short and known.
    [Fact]
    public void Dprk_people_are_spelt_as_their_hangul_romanises()
    {
        var differing = BuiltIn.Entities
            .Where(e => e.Source.File == "people-dprk.jsonl")
            .Where(e => KoreanRomaniser.Name(e.Korean!) != e.Name)
            .Select(e => $"{e.Name} {e.Korean} {KoreanRomaniser.Name(e.Korean!)}")
            .ToList();
        Assert.Empty(differing);
    }

    [Theory]
    [InlineData("Kim Jong Il", "kim-jong-il")]
    [InlineData("Kim Jong-il", "kim-jong-il")]
    [InlineData("KIM JONG IL", "kim-jong-il")]
    [InlineData("Kim Chŏng-il", "kim-jong-il")]
    [InlineData("김정일", "kim-jong-il")]
    [InlineData("Choe Ryong Hae", "choe-ryong-hae")]
    [InlineData("Ch'oe Ryong-hae", "choe-ryong-hae")]
    [InlineData("Lee Myung Bak", "lee-myung-bak")]
    [InlineData("Ri Myong Bak", "lee-myung-bak")]
    [InlineData("이명박", "lee-myung-bak")]
    [InlineData("U.S.", "united-states")]
    [InlineData("US", "united-states")]
    [InlineData("American", "united-states")]
    [InlineData("the United States", "united-states")]
    [InlineData("south Korea", "south-korea")]
    [InlineData("puppet south Korea", "south-korea")]
    [InlineData("Soviet", "soviet-union")]
    [InlineData("WPK", "wpk")]
    [InlineData("Workers' Party of Korea", "wpk")]
    [InlineData("로동당", "wpk")]
    [InlineData("노동당", "wpk")]
    [InlineData("KPA", "kpa")]
    [InlineData("UNSC", "un-security-council")]
    [InlineData("IAEA", "iaea")]
    [InlineData("Presidium of the Supreme People's Assembly", "spa-standing-committee")]
    [InlineData("Kim Il Sung University", "kim-il-sung-university")]
    [InlineData("Kim Jong Il's Patriotism", "kim-jong-il-patriotism")]
    [InlineData("Nyongbyon", "yongbyon")]
    [InlineData("Kim Jong Un's", "kim-jong-un")]
    [InlineData("Japan’s", "japan")]
    public void A_spelling_finds_its_entity(string spelling, string slug) =>
        Assert.Equal(slug, Assert.Single(BuiltIn.Find(spelling)).Slug);

    [Fact]
    public void An_ambiguous_spelling_finds_every_entity_that_claims_it()
    {
        Assert.Equal(["kim-yong-il-international", "kim-yong-il-premier"], BuiltIn.Find("Kim Yong Il").Select(e => e.Slug).Order());
        Assert.Equal(["ri-yong-ho-army", "ri-yong-ho-foreign"], BuiltIn.Find("Ri Yong Ho").Select(e => e.Slug).Order());
        // The Hangul tells the two Ri Yong Ho apart.
        Assert.Equal("ri-yong-ho-foreign", Assert.Single(BuiltIn.Find("리용호")).Slug);
        Assert.Equal("ri-yong-ho-army", Assert.Single(BuiltIn.Find("리영호")).Slug);
    }

    [Fact]
    public void An_unknown_spelling_finds_nothing() => Assert.Empty(BuiltIn.Find("Kim Nobody"));

    [Fact]
    public void A_romanisation_the_gazetteer_does_not_list_is_read_back_through_hangul()
    {
        Assert.Empty(BuiltIn.Find("Ri Byong-chol"));
        Assert.Contains(BuiltIn.FindByReading("Ri Byong-chol"), e => e.Slug == "ri-pyong-chol");
        Assert.Contains(BuiltIn.FindByReading("Jo Yongwon"), e => e.Slug == "jo-yong-won");
    }

    [Fact]
    public void Spellings_come_longest_first_so_a_longer_name_wins()
    {
        var spellings = BuiltIn.Spellings.Select(s => s.Text).ToList();
        Assert.True(spellings.IndexOf("Kim Il Sung University") < spellings.IndexOf("Kim Il Sung"));
        Assert.True(BuiltIn.Spellings.Single(s => s.Text == "Kim Yong Il" && s.Entity.Slug == "kim-yong-il-premier").Ambiguous);
        Assert.False(BuiltIn.Spellings.First(s => s.Text == "Kim Jong Un").Ambiguous);
    }

    [Fact]
    public void Followed_leaders_and_their_roles_by_year()
    {
        var followed = BuiltIn.Entities.Where(e => e.Followed).Select(e => e.Slug).ToList();
        Assert.Contains("kim-jong-un", followed);
        Assert.Contains("kim-yo-jong", followed);
        Assert.Contains("pak-pong-ju", followed);
        Assert.DoesNotContain("kim-il-sung", followed);
        var premiers2015 = BuiltIn.OfKind(EntityKind.Person).Where(e => e.RolesIn(2015).Any(r => r.Title == "Premier of the Cabinet")).Select(e => e.Slug);
        Assert.Equal(["pak-pong-ju"], premiers2015);
        var premiers2021 = BuiltIn.OfKind(EntityKind.Person).Where(e => e.RolesIn(2021).Any(r => r.Title == "Premier of the Cabinet")).Select(e => e.Slug);
        Assert.Equal(["kim-tok-hun"], premiers2021);
    }

    [Fact]
    public void Every_dprk_premier_from_1997_to_2024_is_followed()
    {
        for (var year = 1998; year <= 2024; year++)
        {
            var premiers = BuiltIn.OfKind(EntityKind.Person).Where(e => e.RolesIn(year).Any(r => r.Title == "Premier of the Cabinet")).ToList();
            Assert.NotEmpty(premiers);
            Assert.All(premiers, p => Assert.True(p.Followed, p.Slug));
        }
    }
}
