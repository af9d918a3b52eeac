namespace Tongsin.Tests.Analysis.Appearances;

/// <summary>Reports written for the tests in the agency's manner; none is taken from a corpus.</summary>
internal static class AppearanceTexts
{
    public const string InspectionTitle = "Kim Jong Un Inspects KPA Unit 1122";

    public static readonly string[] Inspection =
    [
        "Pyongyang, May 6 (KCNA) -- Kim Jong Un, general secretary of the Workers' Party of Korea and president of the State Affairs of the DPRK, inspected KPA Unit 1122 on May 5.",
        "He went round the barracks and the training ground of the unit and learned about its combat readiness.",
        "He was accompanied by Marshal Pak Jong Chon, secretary of the C.C., WPK, Jo Yong Won and Army General Ri Yong Gil, chief of the KPA General Staff.",
    ];

    public const string ReprintTitle = "Respected Comrade Kim Jong Un Inspects KPA Unit 1122";

    // The next day's reprint: no day stated, the same unit.
    public static readonly string[] Reprint =
    [
        "The respected Comrade Kim Jong Un inspected KPA Unit 1122.",
        "He was accompanied by Pak Jong Chon, Jo Yong Won and Ri Yong Gil.",
    ];

    public static readonly string[] Recently =
    [
        "Pyongyang, June 12 (KCNA) -- Kim Jong Un recently gave field guidance to the Ryongsong Machine Complex.",
        "He was greeted on the spot by officials of the complex.",
    ];

    public static readonly string[] Trip =
    [
        "Pyongyang, July 3 (KCNA) -- Kim Jong Un inspected the Hungnam Fertilizer Complex and then the Ryongsong Machine Complex on Tuesday.",
        "He also visited the Hamhung Grand Theatre.",
        "He was accompanied by Kim Tok Hun and Jo Yong Won.",
    ];

    public static readonly string[] Letter =
    [
        "Pyongyang, May 8 (KCNA) -- Kim Jong Un sent a congratulatory message to the President of the Republic of Nowhere on May 7.",
        "The message wished the president good health.",
    ];

    public static readonly string[] Baskets =
    [
        "Pyongyang, May 9 (KCNA) -- Kim Jong Un received floral baskets from friendly organizations of several countries.",
    ];

    public static readonly string[] InHonour =
    [
        "Pyongyang, May 10 (KCNA) -- A seminar on the revolutionary activities of Kim Jong Un was held in a foreign capital on May 4.",
        "Speakers said that Kim Jong Un visited many units.",
    ];

    public static readonly string[] Recollection =
    [
        "Pyongyang, May 11 (KCNA) -- Kim Jong Il visited the Taean Heavy Machine Complex in May 1998, thirty years ago.",
        "The workers recall his visit with emotion.",
    ];

    public static readonly string[] Glued =
    [
        "Pyongyang, September 13 (KCNA) --Kim Jong Un, general secretary of the Workers' Party of Korea, watched a performance of the Samjiyon Band on September 12.",
        "The respected ComradeKim Jong Unwas accompanied by Kim Yo Jong and Hyon Song Wol.",
    ];

    public static readonly string[] Weekday =
    [
        "Pyongyang, March 4 (KCNA) -- Kim Jong Il visited the Pyongyang Maternity Hospital on Sunday.",
    ];

    public static readonly string[] Reception =
    [
        "Pyongyang, April 2 (KCNA) -- Kim Jong Un received the delegation of a friendly party yesterday.",
        "Present there were Choe Son Hui and Kim Song Nam, director of the International Department of the C.C., WPK.",
    ];

    public static readonly string[] Korean =
    [
        "김정은동지께서 5일 흥남비료련합기업소를 현지지도하시였다.",
        "조용원동지, 김덕훈동지가 동행하였다.",
    ];

    // The activity told after the event: the first sentence is of the shop, the day is told before him.
    public static readonly string[] OpeningLater =
    [
        "Pyongyang, April 26 (KCNA) -- The Pothong Fish Shop built on the bank of the river opened on Wednesday.",
        "The two-storey shop has counters of fresh and frozen fish.",
        "The opening ceremony was held on Wednesday.",
        "The respected Kim Jong Un appeared at the shop to congratulate its opening.",
    ];

    // He is named only as the one who ordered the drill; the next paragraph's "He" is him.
    public static readonly string[] OrderedDrill =
    [
        "Pyongyang, March 8 (KCNA) -- A firing drill of long-range artillery sub-units was conducted by an order of Supreme Commander Kim Jong Un.",
        "He watched the firing drill from an observation post.",
    ];

    // A feature on something else that retells an activity further down.
    public static readonly string[] Feature =
    [
        "Pyongyang, October 18 (KCNA) -- Paintings of the leader were put on show in the county.",
        "Kim Jong Un inspected the county farm and praised its workers.",
    ];

    public static readonly string[] Listed =
    [
        "Pyongyang, October 16 (KCNA) -- Kim Jong Un gave field guidance to the Hamhung Vinalon Complex, the Hungnam Fertilizer Complex and the Hamhung Spinning Mill.",
    ];

    // A round of a county told leg by leg: the round itself is its legs.
    public static readonly string[] Legs =
    [
        "Pyongyang, May 14 (KCNA) -- Kim Jong Un gave field guidance to various units in Kilju County.",
        "The first leg of his guidance was the Kilju Mushroom Farm.",
        "Going round the farm, he learned about its production.",
        "The next leg of his guidance was the Kilju Foodstuff Factory.",
        "He was accompanied by Jo Yong Won.",
    ];

    public static readonly string[] SeveralDays =
    [
        "Pyongyang, September 16 (KCNA) -- Kim Jong Un gave field guidance to different fields of the economy in Jagang Province from September 12 to 14.",
    ];

    public static readonly string[] Venue =
    [
        "Pyongyang, June 6 (KCNA) -- Kim Jong Un met the delegation of the Party of Friendship, led by its chairman, at the Mansudae Assembly Hall on June 5.",
    ];

    // An older page's dateline without its comma, which the import leaves in the text.
    public static readonly string[] LooseDateline =
    [
        "Pyongyang August 4 (KCNA) - General Secretary Kim Jong Il inspected KPA Unit 549 on Monday.",
    ];

    public static readonly string[] AfterHisTime =
    [
        "Pyongyang, May 2 (KCNA) -- Kim Jong Il inspected the Taean Heavy Machine Complex.",
    ];

    // "last year" belongs to the station, not to the visit.
    public static readonly string[] Described =
    [
        "Pyongyang, January 31 (KCNA) -- Kim Jong Un provided field guidance to the Ryesong River Power Station which was commissioned in October last year.",
    ];

    public static readonly string[] MeetingHeld =
    [
        "Pyongyang, March 17 (KCNA) -- An enlarged meeting of the Central Military Commission of the Workers' Party of Korea was held under the guidance of Kim Jong Un, general secretary of the WPK.",
    ];

    public static readonly string[] UnderHisGuidance =
    [
        "Pyongyang, March 15 (KCNA) -- Scientists of the country succeeded in making new materials under the direct guidance of Kim Jong Un.",
    ];

    public static readonly string[] KoreanTrip =
    [
        "김정은동지께서 함흥시안의 여러 단위를 현지지도하시였다.",
        "김정은동지께서는 먼저 함흥방직공장을 돌아보시였다.",
        "공장의 생산공정들을 돌아보시였다.",
        "이어 흥남비료련합기업소를 찾으시였다.",
        "조용원동지가 동행하였다.",
    ];
}
