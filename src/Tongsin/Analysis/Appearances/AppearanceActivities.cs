using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// The verbs KCNA reports an activity with, each with the activity it is stored as
/// (docs/appearances.md, "Fields"), and the verbs of what he sent or was sent, which are no
/// appearance. Kept as data: a new turn of KCNA's prose is a new line here.
/// </summary>
public static partial class AppearanceActivities
{
    public const string Inspected = "inspected";
    public const string FieldGuidance = "gave field guidance";
    public const string Visited = "visited";
    public const string Attended = "attended";
    public const string Watched = "watched";
    public const string Received = "received";
    public const string Met = "met";
    public const string TalkedWith = "talked with";
    public const string PresidedOver = "presided over";
    public const string SpokeAt = "spoke at";
    public const string Hosted = "hosted";
    public const string PhotoSession = "had a photo session";

    /// <summary>English past tenses, tried in this order at each place of a sentence; the longest phrases first where two share a start.</summary>
    public static readonly IReadOnlyList<(string Activity, string Pattern)> English =
    [
        (FieldGuidance, @"(?:gave|provided|offered) (?:a |his )?(?:field|on-the-spot|on-site|on-the-site|personal)[ -]guidance(?: to| at| over| for)?"),
        (FieldGuidance, @"guided (?:the )?(?:work|construction|production) (?:of|at|for)"),
        // "issued an order to conduct a drill and guided it on the spot": a drill watched, named before the verb.
        (Watched, @"guided (?:it|them)(?= on the spot)"),
        (Inspected, @"inspected|examined"),
        (PhotoSession, @"(?:had|posed for) (?:a |commemorative |souvenir )*(?:photo(?:graph)?s?|pictures?)(?: session)?(?: taken)?(?: with)?"),
        (Visited, @"(?:paid|made) (?:a |an )?(?:congratulatory |courtesy |official |friendly |state |unofficial )?visit to|visited|toured|climbed|(?:personally )?came to(?= (?:the )?[A-Z])|called at|paid (?:a |an )?(?:condolence )?call (?:at|on|to)|looked round|looked around|went round|dropped in at|paid (?:high )?(?:tribute|homage|respects?) (?:to|at)"),
        (Attended, @"attended|was present at|participated in|took part in|appeared (?:at|in|on)"),
        (Watched, @"watched|enjoyed|appreciated(?= (?:a|an|the) (?:[\w-]+ ){0,3}?performance)|observed|oversaw|supervised|saw(?! to it)|guided (?:a |an |the )?(?:[\w""“”'’-]+ ){0,6}?(?i:drill|test|test-fire|test-firing|firing|launch|exercise|contest|training|competition|manoeuvre|maneuver|concert|performance|match|game|show|parade|tournament)s?"),
        (TalkedWith, @"(?:had|held) (?:a |an )?(?:\w+ ){0,2}?(?:talks?|conversation|summit|meeting) with|talked with|conversed with"),
        (Received, @"received|welcomed"),
        (Met, @"met(?: with)?"),
        (PresidedOver, @"presided over|chaired|convened|guided (?:the|a) (?:[\w-]+ ){0,4}?(?:meeting|session|plenum|conference|congress)"),
        (SpokeAt, @"(?:made|delivered|gave) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:speech|address|report)|spoke"),
        (Hosted, @"hosted|(?:gave|arranged|threw) (?:a |an )?(?:grand |state |luncheon |dinner )?(?:banquet|reception|dinner|luncheon|feast|party)"),
        // Last: "guided" with nothing the lines above know ("guided the work for nuclear weaponization on the spot").
        (FieldGuidance, @"guided(?! by)"),
    ];

    /// <summary>What he did without meeting anyone: a report whose verb is one of these is no appearance.</summary>
    public const string EnglishNotAppearance =
        @"sent|dispatched|conferred|awarded|thanked|congratulated|was (?:presented|awarded|elected|re-elected|conferred)|"
        + @"received (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:message|letter|greeting|reply|gift|present|basket|bouquet|card|telegram|congratulation|report|cable)s?";

    /// <summary>Verbs that decide nothing: "issued an order to conduct a firing drill and watched it" goes on to its next verb.</summary>
    public const string EnglishPassing = @"issued|wrote|published|extended|expressed|ordered|said|stressed|noted";

    /// <summary>Korean honorific verbs: 김정은동지께서 ... 현지지도하시였다.</summary>
    public static readonly IReadOnlyList<(string Activity, string Pattern)> Korean =
    [
        (FieldGuidance, "현지지도하(?:시였|셨)다"),
        (Inspected, "시찰하(?:시였|셨)다"),
        (Watched, "(?:참관|관람|감상)하(?:시였|셨)다"),
        (Visited, "(?:방문|찾)(?:하)?(?:시였|으시였|셨)다|돌아보(?:시였|셨)다"),
        (Attended, "참석하(?:시였|셨)다"),
        (Received, "접견하(?:시였|셨)다"),
        (TalkedWith, "회담하(?:시였|셨)다|담화하(?:시였|셨)다"),
        (Met, "만나(?:시였|셨)다"),
        (SpokeAt, "연설하(?:시였|셨)다|연설을 하(?:시였|셨)다"),
        (PresidedOver, "(?:회의|전원회의|협의회|대회)를 (?:사회|지도)하(?:시였|셨)다"),
        (PhotoSession, "기념사진을 찍으(?:시였|셨)다"),
    ];

    /// <summary>Korean verbs of what he sent or was sent (보내시였다, 받으시였다).</summary>
    public const string KoreanNotAppearance = "보내(?:시였|셨)다|받으(?:시였|셨)다|수여하(?:시였|셨)다";

    [GeneratedRegex(@"\b(?:message|letter|greetings?|reply|gift|present|basket|card|telegram|congratulations)\b", RegexOptions.IgnoreCase)]
    public static partial Regex SentThings();
}
