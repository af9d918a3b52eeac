using Tongsin.Analysis.Entities;

namespace Tongsin.Tests.Entities;

/// <summary>
/// The recogniser against the rules of docs/mentions.md, on sentences written for the tests in
/// KCNA's manner (not taken from the corpora), with the built-in gazetteer.
/// </summary>
public class MentionRecogniserTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Load();
    private static readonly MentionRecogniser Recogniser = new(Gazetteer);

    private static IReadOnlyList<RecognisedMention> Find(string title, params string[] paragraphs) => Recogniser.Recognise(title, paragraphs, 2016);

    private static List<string> Keys(string title, params string[] paragraphs) => Find(title, paragraphs).Select(m => m.Key).ToList();

    [Fact]
    public void Titles_and_honorifics_are_stripped_and_the_person_is_named_once_with_a_count()
    {
        var found = Find("Premier Pak Pong Ju Inspects Fertilizer Complex",
            "The respected Comrade Kim Jong Un, chairman of the State Affairs Commission, and Vice-Marshal Choe Ryong Hae watched the parade.",
            "Marshal Kim Jong Un waved back to the cheering crowd.");
        Assert.Equal(["pak-pong-ju", "kim-jong-un", "state-affairs-commission", "choe-ryong-hae"], found.Select(m => m.Key).ToList());
        var leader = found.Single(m => m.Key == "kim-jong-un");
        Assert.Equal(2, leader.Count);
        Assert.Equal(EntityKind.Person, leader.Kind);
        Assert.Equal("Kim Jong Un", leader.Name);
        // The title, a newline, then the paragraph: "The respected Comrade " comes before the name.
        Assert.Equal("Premier Pak Pong Ju Inspects Fertilizer Complex".Length + 1 + "The respected Comrade ".Length, leader.FirstPosition);
    }

    [Fact]
    public void A_possessive_names_the_person()
    {
        Assert.Contains("kim-jong-il", Keys("Kim Jong Il's Revolutionary Activities Recalled", "His exploits will shine forever."));
        Assert.Contains("kim-il-sung", Keys("Meeting Held", "The meeting recalled Kim Il Sung’s feats."));
    }

    [Fact]
    public void Names_glued_to_the_words_beside_them_are_found()
    {
        var keys = Keys("Flowers Laid",
            "A floral basket in the name of the respected ComradeKim Jong Unwas placed before the statue of PresidentKim Il Sungand Chairman Kim Jong Il.",
            "The message wishedKim Jong Ungood health and thanked HEKim Jong Un, president of the State Affairs.");
        Assert.Equal(["kim-jong-un", "kim-il-sung", "kim-jong-il"], keys);
        // "HE" (His Excellency) glued before the name: no "Jong Un" found by shape.
        Assert.Equal(2, Find("Thanks", "The message thanked HEKim Jong Un, president of the State Affairs.", "Kim Jong Un").Single().Count);
    }

    [Fact]
    public void A_leader_inside_the_name_of_something_else_is_no_mention_of_the_leader()
    {
        var keys = Keys("Students Visit Kim Il Sung Square",
            "Teachers of Kim Il Sung University laid Kimilsungia and Kimjongilia at Kim Il Sung Stadium, talking about Kim Jong Il's Patriotism.",
            "Students of Kim Chaek University of Technology went to Kimchaek City.");
        Assert.DoesNotContain("kim-il-sung", keys);
        Assert.DoesNotContain("kim-jong-il", keys);
        Assert.DoesNotContain("kim-chaek", keys);
        Assert.Contains("kim-il-sung-university", keys);
        Assert.Contains("kim-il-sung-square", keys);
        Assert.Contains("kimilsungia", keys);
        Assert.Contains("kim-jong-il-patriotism", keys);
        Assert.Contains("kim-chaek-university-of-technology", keys);
        Assert.Contains("kimchaek", keys);
    }

    [Fact]
    public void Kim_Chaek_the_general_and_Kimchaek_the_city_are_told_apart_by_the_space()
    {
        Assert.Equal(EntityKind.Person, Assert.Single(Find("Anniversary", "General Kim Chaek fought bravely.")).Kind);
        Assert.Equal(EntityKind.Place, Assert.Single(Find("New Houses", "New houses rose in Kimchaek.")).Kind);
    }

    [Fact]
    public void Country_adjectives_and_demonyms_count_as_the_country()
    {
        var keys = Keys("KCNA Commentary",
            "The U.S. imperialists and the Japanese reactionaries, joined by the south Korean puppets, are going hell-bent.",
            "American soldiers left. A Chinese delegation arrived from the People's Republic.");
        Assert.Contains("united-states", keys);
        Assert.Contains("japan", keys);
        Assert.Contains("south-korea", keys);
        Assert.Contains("china", keys);
    }

    [Fact]
    public void Korea_and_Korean_alone_name_the_nation_not_a_state()
    {
        var found = Find("Korean Nation Is One", "All the Korean people on the Korean peninsula remember the Korean War.", "Korea is one.");
        Assert.DoesNotContain(found, m => m.Kind == EntityKind.Country);
        var both = Keys("Talks", "North Korea and South Korea met; north Korean and south Korean officials spoke.");
        Assert.Equal(["dprk", "south-korea"], both);
    }

    [Fact]
    public void Case_tells_an_abbreviation_from_a_word()
    {
        Assert.DoesNotContain("united-states", Keys("Let Us Go Forward", "Let us advance, the editorial said."));
        Assert.Contains("united-states", Keys("Talks", "The US side refused."));
    }

    [Fact]
    public void The_dateline_is_not_read()
    {
        var keys = Keys("Fertilizer Produced", "Pyongyang, May 5 (KCNA) -- Workers of the complex produced more fertilizer.");
        Assert.DoesNotContain("kcna", keys);
        Assert.DoesNotContain("pyongyang", keys);
        Assert.Contains("kcna", Keys("Fertilizer Produced", "Pyongyang, May 5 (KCNA) -- KCNA learned that workers produced more."));
    }

    [Fact]
    public void Companions_in_a_list_are_found_by_the_shape_of_their_names()
    {
        var found = Find("Factory Inspected",
            "He was accompanied by Ryang Chol Bom, Kang Su Dok and Hyon Pok Sil, officials of the ministry.",
            "He was greeted on the spot by Director Paek Kum Sun.");
        Assert.Equal(["person:ryang-chol-bom", "person:kang-su-dok", "person:hyon-pok-sil", "person:paek-kum-sun"], found.Select(m => m.Key).ToList());
        Assert.All(found, m => Assert.Null(m.Entity));
        Assert.Equal("Kang Su Dok", found[1].Name);
    }

    [Fact]
    public void An_unknown_name_is_taken_before_an_apposition_and_after_a_glued_title()
    {
        Assert.Equal(["person:ryang-chol-bom"], Keys("Speech Made", "Ryang Chol Bom, chairman of the committee, made a speech."));
        Assert.Equal(["person:ryang-chol-bom"], Keys("Visit", "The respected ComradeRyang Chol Bomvisited the farm."));
    }

    [Fact]
    public void A_surname_with_capitalised_words_is_no_name_outside_the_places_names_stand()
    {
        Assert.Empty(Find("So Far So Good", "Kim said nothing. Mr. Kim left. The Kim family in Song Do ate."));
        Assert.Empty(Find("Minister Visits", "Minister Kim Square was no name, nor was Director Kim Met."));
        // A run of three and more capitalised syllables is a heading in capitals, not a name.
        Assert.DoesNotContain(Find("Remarks", "Secretary Kim Pak Song Hun Ri spoke."), m => m.Key == "person:kim-pak-song");
    }

    [Fact]
    public void A_shared_name_is_given_to_the_one_who_held_a_post_that_year()
    {
        Assert.Equal("ri-yong-ho-foreign", Assert.Single(Recogniser.Recognise("Talks", ["Foreign Minister Ri Yong Ho met the delegation."], 2017)).Key);
        Assert.Equal("ri-yong-ho-army", Assert.Single(Recogniser.Recognise("Drill", ["Chief of the General Staff Ri Yong Ho watched the drill."], 2011)).Key);
    }

    [Fact]
    public void A_foreign_name_the_gazetteer_lacks_is_taken_after_a_title()
    {
        var found = Find("Talks Held",
            "Talks were held between Ambassador Valery Oleinik and President Joao Bernardo de Miranda of the republic, and Dr. Ernesto Sabato spoke.");
        Assert.Equal(["person:valery-oleinik", "person:joao-bernardo-de-miranda", "person:ernesto-sabato"],
            found.Where(m => m.Kind == EntityKind.Person).Select(m => m.Key).ToList());
        Assert.Equal("Joao Bernardo de Miranda", found[1].Name);
        // A possessive names the person: "King Osorkon's tomb".
        Assert.Contains("person:osorkon", Keys("Tomb", "Visitors came to King Osorkon's tomb."));
        // Initials belong to the name: "Chairman V. A. Petrov".
        Assert.Contains("person:v-a-petrov", Keys("Meeting", "Chairman V. A. Petrov addressed the meeting."));
    }

    [Fact]
    public void A_title_before_no_name_finds_no_foreign_person()
    {
        // A heading in capitals: the title is followed by a verb.
        Assert.DoesNotContain(Find("Ambassador Hosts Reception", "A reception was given."), m => m.Kind == EntityKind.Person);
        // A body, a day, a Korean surname left to the shape rule, the end of a sentence.
        Assert.DoesNotContain(Find("Visit",
            "The President Tuesday met the Premier. Minister Kim Met nobody. He saw the Minister of the Republic.",
            "The delegation of the Secretary General Assembly left."), m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void A_foreign_name_before_the_post_given_in_apposition_is_taken()
    {
        Assert.Contains("person:jan-erik-solberg", Keys("Message",
            "Jan Erik Solberg, chairman of the Norwegian Group for the Study of the Juche Idea, sent a message."));
        Assert.Contains("person:idriss-malouf", Keys("Greetings", "A message was sent to Idriss Malouf, president of the republic."));
        // Not after a place, nor a single word that could open any sentence.
        Assert.DoesNotContain(Find("Forum", "Moscow, capital of Russia, hosted it. Meanwhile, chairman of the forum spoke."), m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void A_body_the_gazetteer_lacks_is_found_by_its_name_and_kind()
    {
        var keys = Keys("Meeting",
            "The Ministry of Light Industry, the Korean Journalists Union and the Communist Party of Bohemia and Moravia met at the Mongolian Embassy in Pyongyang.",
            "The Central Committee of the Korean Agricultural Scientists Union also took part.");
        Assert.Subset(keys.ToHashSet(), new HashSet<string>
        {
            "organisation:ministry-of-light-industry", "organisation:korean-journalists-union",
            "organisation:communist-party-of-bohemia-and-moravia", "organisation:mongolian-embassy-in-pyongyang", "mongolia",
        });
        // A Korean name before the kind is the name the body bears; after it, its official's.
        Assert.Contains("organisation:hamhung-choe-hui-suk-teachers-training-college",
            Keys("Graduates", "Graduates of Hamhung Choe Hui Suk Teachers Training College left."));
        Assert.Contains("organisation:academy-of-social-sciences",
            Keys("Present", "Present was the first vice-president of the Academy of Social Sciences Ryang Chol Bom."));
        // The most specific body: the central committee, not also the union.
        Assert.Contains("organisation:central-committee-of-the-korean-agricultural-scientists-union", keys);
        Assert.DoesNotContain("organisation:korean-agricultural-scientists-union", keys);
    }

    [Fact]
    public void A_generic_body_an_office_or_a_heading_verb_is_no_name_of_a_body()
    {
        var found = Find("Officials Meet",
            "Officials of the ministry concerned, the Chinese Party and government delegation and the Provincial Party Committee met on Tuesday.",
            "Secretary of the Korean Journalists Union Ri Chol Ho spoke at the Asian Circus Gymnastic Championships.");
        var bodies = found.Where(m => m.Kind == EntityKind.Organisation).Select(m => m.Key).ToList();
        Assert.Equal(["organisation:korean-journalists-union"], bodies);
        Assert.Contains("person:ri-chol-ho", found.Select(m => m.Key));
        // A body the gazetteer knows is its entity, never a name by shape.
        Assert.Equal(["ministry-of-foreign-affairs"], Find("Statement", "The Ministry of Foreign Affairs of the DPRK issued a statement.")
            .Where(m => m.Kind == EntityKind.Organisation).Select(m => m.Key).ToList());
        // Right after a person's name: KCNA's word for the person's regime.
        Assert.DoesNotContain(Find("Clique", "The Biden Administration and the Yoon Group were denounced."), m => m.Kind == EntityKind.Organisation);
        Assert.Equal(["organisation:korean-journalists-union"], Find("Korean Journalists Union Delegation Leaves for China", "It left.")
            .Where(m => m.Kind == EntityKind.Organisation).Select(m => m.Key).ToList());
    }

    [Fact]
    public void A_person_whose_name_a_school_a_mill_or_a_works_bears_is_not_mentioned_by_it()
    {
        var keys = Keys("Mangyongdae and Kang Pan Sok Revolutionary Schools Mark Anniversary",
            "Pupils of the Kang Pan Sok Revolutionary School and workers of the Kim Chaek Iron and Steel Complex met.",
            "Weavers of the Kim Jong Suk Pyongyang Textile Mill and of the Kang Pan SokSilk Mill joined them.");
        Assert.DoesNotContain("kang-pan-sok", keys);
        Assert.DoesNotContain("kim-chaek", keys);
        Assert.DoesNotContain("kim-jong-suk", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("person:", StringComparison.Ordinal));
        // The person herself, or a heading's verb after a name, is a mention.
        Assert.Contains("kang-pan-sok", Keys("Kang Pan Sok's Life Recalled", "Her life is an example."));
        Assert.Contains("kim-jong-un", Keys("Kim Jong Un Visits Silk Mill", "He looked round the mill."));
        Assert.Contains("kim-chaek", Keys("Meeting", "The meeting recalled Kim Chaek, a hero of the war, and Kim Chaek Street was decorated."));
    }

    [Fact]
    public void An_official_named_right_after_the_body_is_a_person()
    {
        var found = Find("Exhibition Opens",
            "Among those present were Vice-Chairman of the C.C., the Korean Photographers Union Pak Chol Nam and chairwoman of the Korean Democratic Women's Union Ho Sun Ok.");
        var people = found.Where(m => m.Kind == EntityKind.Person).Select(m => m.Key).ToList();
        Assert.Equal(["person:pak-chol-nam", "person:ho-sun-ok"], people);
        // A surname and syllables after a body's name but before its kind are still the name it bears.
        Assert.DoesNotContain(Keys("Graduates", "Graduates of the Union Ri Su Bok Youth League Hall left."), k => k == "person:ri-su-bok");
    }

    [Fact]
    public void A_title_with_the_place_of_its_post_comes_before_a_foreign_name()
    {
        var people = Find("Reception",
            "Present were new Czech Ambassador to Korea Milan Dvorak, the Cuban Ambassador to the DPRK Jose Luis Fernandez and Charge d'Affaires ad Interim Pavel Orlov of the embassy.",
            "Ambassador of Mongolia to the DPRK Batbold Gansukh also came.")
            .Where(m => m.Kind == EntityKind.Person).Select(m => m.Key).ToList();
        Assert.Equal(["person:milan-dvorak", "person:jose-luis-fernandez", "person:pavel-orlov", "person:batbold-gansukh"], people);
        // A title before a name and a place further on is no title of the place: "Prime Minister X at the U.N. General Assembly Session".
        Assert.DoesNotContain("person:session", Keys("Speech", "Prime Minister Taro Sato at the U.N. General Assembly Session spoke."));
        // Nor a Korean name between the place and the word after it: "Ambassador to Vietnam Ri Chang Il".
        Assert.DoesNotContain("person:il", Keys("Present", "Present was DPRK Ambassador to Vietnam Ri Chang Il."));
    }

    [Fact]
    public void A_foreign_name_before_a_country_adjective_and_a_post_and_a_kings_number_are_read()
    {
        Assert.Contains("person:oumar-diallo", Keys("Talks", "The minister had a talk with Oumar Diallo, Malian ambassador e.p. to the DPRK."));
        Assert.Contains("person:haakon-ix", Keys("Greetings", "A message of greeting was sent to Haakon IX, Norwegian king, on the national day."));
        Assert.Contains("person:lars-berg", Keys("Credentials", "Credentials were received from Lars Berg, new Swedish ambassador to the DPRK."));
        // Two words or more after "by", the sentence going on in small letters or ending.
        Assert.Contains("person:reinhold-brauer", Keys("Book", "The book was written by Reinhold Brauer and published in Vienna."));
        Assert.DoesNotContain(Find("Smear", "The campaign launched by Tokyo Shimbun and the cafe run by Haebang Joint Venture Company were named by Merited Artiste Lev Orlov."),
            m => m.Kind == EntityKind.Person && m.Key != "person:lev-orlov");
        // A heading's words after "by" are no name.
        Assert.DoesNotContain(Find("Let Us Advance by Giving Full Play to the Spirit of Self-Reliance", "It was published."), m => m.Kind == EntityKind.Person);
        // A Chinese name after a title: a Korean surname, but no Korean given name after it.
        Assert.Contains("person:wang-zhiming", Keys("Party", "Chinese Ambassador to the DPRK Wang Zhiming gave a party."));
        // A place and an adjective before no post: no person.
        Assert.DoesNotContain(Find("Visit", "He went to Havana, Cuban capital city, and to Lima, Peruvian port."), m => m.Kind == EntityKind.Person);
    }
}
