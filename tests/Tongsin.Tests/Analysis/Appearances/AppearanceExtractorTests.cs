using Tongsin.Analysis;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Model;

namespace Tongsin.Tests.Analysis.Appearances;

public class AppearanceExtractorTests
{
    private static readonly AppearanceExtractor Extractor = new(Gazetteer.Load());

    private static IReadOnlyList<AppearanceReport> Read(string title, string[] body, string published, string? dated = null, string language = "en")
    {
        var day = DateOnly.Parse(published);
        var dateline = dated is null ? null : new Dateline("Pyongyang", DateOnly.Parse(dated), "KCNA");
        return Extractor.Extract(new ArticleText(1, 1, "korean-central-news-agency-en", language, day, title, body, dateline));
    }

    [Fact]
    public void An_inspection_gives_its_person_stated_day_place_kind_and_companions_in_order()
    {
        var a = Assert.Single(Read(AppearanceTexts.InspectionTitle, AppearanceTexts.Inspection, "2025-05-06", "2025-05-06"));
        Assert.Equal("kim-jong-un", a.Person);
        Assert.Equal(new DateOnly(2025, 5, 5), a.Date);
        Assert.Equal(DateBasis.Stated, a.DateBasis);
        Assert.Equal(AppearanceActivities.Inspected, a.Activity);
        Assert.Equal("KPA Unit 1122", a.Place);
        Assert.Equal(AppearanceKind.Military, a.Kind);
        Assert.Equal(["Pak Jong Chon", "Jo Yong Won", "Ri Yong Gil"], a.Companions.Select(c => c.Name));
        Assert.Equal("jo-yong-won", a.Companions[1].Entity);
    }

    [Fact]
    public void A_report_saying_recently_is_dated_by_its_dateline_as_an_upper_bound()
    {
        var a = Assert.Single(Read("Kim Jong Un Gives Field Guidance to Ryongsong Machine Complex", AppearanceTexts.Recently, "2025-06-12", "2025-06-12"));
        Assert.Equal((new DateOnly(2025, 6, 12), DateBasis.Recently), (a.Date, a.DateBasis));
        Assert.Equal(AppearanceActivities.FieldGuidance, a.Activity);
        Assert.Equal(AppearanceKind.Economic, a.Kind);
    }

    [Fact]
    public void A_weekday_is_the_latest_such_day_of_the_dateline_and_yesterday_its_day_before()
    {
        var sunday = Assert.Single(Read("Kim Jong Il Visits Maternity Hospital", AppearanceTexts.Weekday, "2008-03-04", "2008-03-04"));
        Assert.Equal((new DateOnly(2008, 3, 2), DateBasis.Stated), (sunday.Date, sunday.DateBasis));
        Assert.Equal(AppearanceKind.SocialCultural, sunday.Kind);

        var reception = Assert.Single(Read("Kim Jong Un Receives Delegation", AppearanceTexts.Reception, "2025-04-02", "2025-04-02"));
        Assert.Equal((new DateOnly(2025, 4, 1), DateBasis.Dateline), (reception.Date, reception.DateBasis));
        Assert.Equal((AppearanceActivities.Received, AppearanceKind.Diplomatic), (reception.Activity, reception.Kind));
        Assert.Equal(["Choe Son Hui", "Kim Song Nam"], reception.Companions.Select(c => c.Name));
    }

    [Fact]
    public void Without_a_dateline_the_day_is_the_publication_day()
    {
        var a = Assert.Single(Read(AppearanceTexts.ReprintTitle, AppearanceTexts.Reprint, "2025-05-07"));
        Assert.Equal((new DateOnly(2025, 5, 7), DateBasis.Published), (a.Date, a.DateBasis));
    }

    [Theory]
    [InlineData("letter")]
    [InlineData("baskets")]
    [InlineData("honour")]
    [InlineData("recollection")]
    public void Letters_gifts_meetings_in_his_honour_and_recollections_are_no_appearance(string which)
    {
        var (title, body) = which switch
        {
            "letter" => ("Kim Jong Un Sends Congratulatory Message", AppearanceTexts.Letter),
            "baskets" => ("Floral Baskets to Kim Jong Un", AppearanceTexts.Baskets),
            "honour" => ("Seminar on Kim Jong Un's Activities Held", AppearanceTexts.InHonour),
            _ => ("Workers Recall Visit", AppearanceTexts.Recollection),
        };
        Assert.Empty(Read(title, body, "2025-05-10", "2025-05-10"));
    }

    [Fact]
    public void Names_glued_to_their_neighbours_are_read()
    {
        var a = Assert.Single(Read("Respected Comrade Kim Jong Un Watches Performance", AppearanceTexts.Glued, "2024-09-13", "2024-09-13"));
        Assert.Equal((AppearanceActivities.Watched, new DateOnly(2024, 9, 12)), (a.Activity, a.Date));
        Assert.Equal(AppearanceKind.SocialCultural, a.Kind);
        Assert.Equal(["Kim Yo Jong", "Hyon Song Wol"], a.Companions.Select(c => c.Name));
    }

    [Fact]
    public void Two_places_of_one_trip_are_two_appearances_with_the_same_companions()
    {
        var trip = Read("Kim Jong Un Inspects Industrial Establishments", AppearanceTexts.Trip, "2025-07-03", "2025-07-03");
        Assert.Equal(["Hungnam Fertilizer Complex", "Ryongsong Machine Complex", "Hamhung Grand Theatre"], trip.Select(a => a.Place));
        Assert.All(trip, a => Assert.Equal(new DateOnly(2025, 7, 1), a.Date));
        Assert.Equal([AppearanceKind.Economic, AppearanceKind.Economic, AppearanceKind.SocialCultural], trip.Select(a => a.Kind));
        Assert.All(trip, a => Assert.Equal(["Kim Tok Hun", "Jo Yong Won"], a.Companions.Select(c => c.Name)));
    }

    [Fact]
    public void A_korean_report_gives_its_activity_day_and_companions()
    {
        var a = Assert.Single(Read("김정은동지께서 흥남비료련합기업소를 현지지도하시였다", AppearanceTexts.Korean, "2026-05-06", "2026-05-06", "ko"));
        Assert.Equal(("kim-jong-un", AppearanceActivities.FieldGuidance), (a.Person, a.Activity));
        Assert.Equal((new DateOnly(2026, 5, 5), DateBasis.Stated), (a.Date, a.DateBasis));
        Assert.Equal("흥남비료련합기업소", a.Place);
        Assert.Equal(AppearanceKind.Economic, a.Kind);
        Assert.Equal(["조용원", "김덕훈"], a.Companions.Select(c => c.Name));
    }

    [Fact]
    public void An_activity_told_after_the_event_is_read_and_dated_by_the_day_told_before_him()
    {
        var a = Assert.Single(Read("Kim Jong Un Attends Opening of Fish Shop", AppearanceTexts.OpeningLater, "2026-04-26", "2026-04-26"));
        Assert.Equal(("kim-jong-un", AppearanceActivities.Attended, "shop"), (a.Person, a.Activity, a.Place));
        Assert.Equal((new DateOnly(2026, 4, 22), DateBasis.Stated), (a.Date, a.DateBasis));
    }

    [Fact]
    public void He_after_a_drill_conducted_by_his_order_is_him()
    {
        var a = Assert.Single(Read("Kim Jong Un Watches Firing Drill", AppearanceTexts.OrderedDrill, "2025-03-08", "2025-03-08"));
        Assert.Equal((AppearanceActivities.Watched, "firing drill", AppearanceKind.Military), (a.Activity, a.Place, a.Kind));
    }

    [Fact]
    public void An_activity_retold_further_down_an_article_on_something_else_is_no_appearance() =>
        Assert.Empty(Read("Paintings of Kim Jong Un Exhibited", AppearanceTexts.Feature, "2025-10-18", "2025-10-18"));

    [Fact]
    public void Each_place_of_a_list_and_each_leg_of_a_round_is_an_appearance()
    {
        var listed = Read("Kim Jong Un Gives Field Guidance to Factories in Hamhung", AppearanceTexts.Listed, "2025-10-16", "2025-10-16");
        Assert.Equal(["Hamhung Vinalon Complex", "Hungnam Fertilizer Complex", "Hamhung Spinning Mill"], listed.Select(a => a.Place));
        Assert.All(listed, a => Assert.Equal((AppearanceActivities.FieldGuidance, AppearanceKind.Economic), (a.Activity, a.Kind)));

        var legs = Read("Kim Jong Un Gives Field Guidance to Kilju County", AppearanceTexts.Legs, "2025-05-14", "2025-05-14");
        Assert.Equal(["Kilju Mushroom Farm", "Kilju Foodstuff Factory"], legs.Select(a => a.Place));
        Assert.All(legs, a => Assert.Equal(["Jo Yong Won"], a.Companions.Select(c => c.Name)));
    }

    [Fact]
    public void A_trip_of_several_days_is_dated_its_first_day()
    {
        var a = Assert.Single(Read("Kim Jong Un Gives Field Guidance in Jagang Province", AppearanceTexts.SeveralDays, "2025-09-16", "2025-09-16"));
        Assert.Equal((new DateOnly(2025, 9, 12), DateBasis.Stated), (a.Date, a.DateBasis));
    }

    [Fact]
    public void A_meeting_is_placed_by_whom_he_met_and_where()
    {
        var a = Assert.Single(Read("Kim Jong Un Meets Delegation", AppearanceTexts.Venue, "2025-06-06", "2025-06-06"));
        Assert.Equal("delegation of the Party of Friendship at Mansudae Assembly Hall", a.Place);
        Assert.Equal(new DateOnly(2025, 6, 5), a.Date);
        Assert.True(PlaceKey.Alike(a.Place, "Mansudae Assembly Hall"));
        Assert.Equal(AppearanceKind.Diplomatic, a.Kind);
    }

    [Fact]
    public void A_dateline_left_in_the_text_still_dates_the_report()
    {
        var a = Assert.Single(Read("Kim Jong Il Inspects KPA Unit", AppearanceTexts.LooseDateline, "2008-08-05"));
        Assert.Equal(("KPA Unit 549", new DateOnly(2008, 8, 4), DateBasis.Stated), (a.Place, a.Date, a.DateBasis));
    }

    [Fact]
    public void No_one_appears_after_his_last_post_ended()
    {
        Assert.Empty(Read("Kim Jong Il Inspects Machine Complex", AppearanceTexts.AfterHisTime, "2014-05-02", "2014-05-02"));
        Assert.Single(Read("Kim Jong Il Inspects Machine Complex", AppearanceTexts.AfterHisTime, "2009-05-02", "2009-05-02"));
    }

    [Fact]
    public void A_year_told_of_the_place_does_not_make_the_visit_a_recollection()
    {
        var a = Assert.Single(Read("Kim Jong Un Provides Field Guidance to Power Station", AppearanceTexts.Described, "2026-01-31", "2026-01-31"));
        Assert.Equal("Ryesong River Power Station", a.Place);
    }

    [Fact]
    public void A_meeting_held_under_his_guidance_is_presided_over_and_a_success_under_it_is_nothing()
    {
        var a = Assert.Single(Read("Kim Jong Un Guides Enlarged Meeting of CMC", AppearanceTexts.MeetingHeld, "2025-03-17", "2025-03-17"));
        Assert.Equal((AppearanceActivities.PresidedOver, AppearanceKind.Political), (a.Activity, a.Kind));
        Assert.StartsWith("enlarged meeting of the Central Military Commission", a.Place);
        Assert.Empty(Read("New Materials Made", AppearanceTexts.UnderHisGuidance, "2025-03-15", "2025-03-15"));
    }

    [Fact]
    public void Each_place_a_korean_report_of_a_trip_names_is_an_appearance()
    {
        var trip = Read("김정은동지께서 함흥시안의 여러 단위를 현지지도하시였다", AppearanceTexts.KoreanTrip, "2026-05-06", "2026-05-06", "ko");
        Assert.Equal(["함흥방직공장", "흥남비료련합기업소"], trip.Select(a => a.Place));
        Assert.Equal([AppearanceActivities.Visited, AppearanceActivities.Visited], trip.Select(a => a.Activity));
        Assert.All(trip, a => Assert.Equal((AppearanceKind.Economic, new DateOnly(2026, 5, 6)), (a.Kind, a.Date)));
        Assert.All(trip, a => Assert.Equal(["조용원"], a.Companions.Select(c => c.Name)));
    }

    [Theory]
    [InlineData(AppearanceActivities.Watched, "performance given by art squads of KPA units", AppearanceKind.SocialCultural)]
    [InlineData(AppearanceActivities.Inspected, "munitions factory", AppearanceKind.Military)]
    [InlineData(AppearanceActivities.Visited, "Kumsusan Palace of the Sun", AppearanceKind.Political)]
    [InlineData(AppearanceActivities.Met, "Song Tao", AppearanceKind.Diplomatic)]
    [InlineData(AppearanceActivities.PresidedOver, "", AppearanceKind.Political)]
    [InlineData(AppearanceActivities.FieldGuidance, "Pyongyang Cornstarch Factory", AppearanceKind.Economic)]
    public void A_place_takes_the_kind_of_its_first_word_of_a_kind(string activity, string place, string kind) =>
        Assert.Equal(kind, AppearanceKindRules.Of(activity, place, ""));
}
