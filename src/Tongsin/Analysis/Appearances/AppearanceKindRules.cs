using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// Which kind an activity is (docs/appearances.md, "kind"). The words of each kind are data; the
/// rule is that a place takes the kind of the word that comes first in it, which is its main place
/// ("a performance for KPA soldiers" is a performance; "a munitions factory" names munitions first).
/// Receiving, meeting and talks are diplomatic unless the place says otherwise; meetings presided
/// over and speeches are political. The words are matched as whole words or their plurals, so "unit" finds
/// "units" and not "community".
/// </summary>
public static class AppearanceKindRules
{
    public static readonly IReadOnlyList<(string Kind, string[] Words)> Words =
    [
        (AppearanceKind.Diplomatic, ["delegation", "ambassador", "envoy", "embassy", "president of", "premier of the state council", "prime minister", "secretary of state",
            "foreign minister", "minister of foreign affairs of", "summit", "state visit", "official visit", "friendship visit", "talks", "guests", "chinese", "russian", "vietnamese", "laotian", "cuban",
            "beijing", "moscow", "vladivostok", "singapore", "hanoi", "panmunjom", "xi jinping", "putin", "hu jintao", "jiang zemin", "trump", "moon jae", "koizumi", "kim dae jung", "roh moo hyun"]),
        (AppearanceKind.Military, ["kpa", "korean people's army", "army", "navy", "naval", "air force", "air and anti-aircraft", "anti-aircraft", "artillery", "sub-unit", "unit", "division", "regiment",
            "battalion", "company under", "company of", "detachment", "outpost", "defence post", "command post", "headquarters", "firing", "fire", "drill", "exercise", "launch", "missile",
            "rocket", "weapon", "munitions", "military", "soldier", "servicepersons", "servicemen", "combatants", "tank", "warship", "submarine", "pilots", "flight", "strategic force",
            "border guard", "coast guard", "frontline", "front-line", "armed force", "defence science", "defence", "sniper", "shooting", "guards", "security", "nuclear", "hydrogen bomb", "satellite",
            "parade", "marine", "troops", "combat", "war", "manoeuvres", "maneuvers", "islet", "observation post"]),
        (AppearanceKind.Political, ["meeting", "plenary", "plenum", "congress", "session", "political bureau", "politburo", "conference", "kumsusan", "mausoleum", "statue", "monument",
            "rally", "speech", "central committee", "supreme people's assembly", "assembly", "election", "polling", "cemetery", "revolutionary site", "revolutionary battle site", "memorial",
            "ceremony", "celebration", "mass games", "palace of the sun", "palace of sun", "party", "wpk", "tomb", "birthplace", "mangyongdae", "secretaries", "officials"]),
        (AppearanceKind.SocialCultural, ["performance", "concert", "circus", "film", "movie", "art", "exhibition", "sports", "match", "game", "football", "basketball", "volleyball",
            "school", "university", "college", "kindergarten", "nursery", "orphanage", "children", "baby home", "hospital", "clinic", "sanatorium", "maternity", "medical", "housing", "flats",
            "dwelling houses", "apartment", "street", "park", "zoo", "theatre", "theater", "museum", "library", "ski", "resort", "water park", "amusement", "pleasure ground", "stadium",
            "gymnasium", "sci-tech", "ensemble", "band", "troupe", "chorus", "bath", "bathhouse", "hairdressing", "leisure", "dance", "opera", "play", "bowling", "skating", "rink", "riding", "research",
            "academy", "institute", "studio", "newspaper", "broadcasting", "publishing", "hotel", "athletes", "team", "wedding", "new year", "youth", "students", "teachers", "pupils", "scientists", "artistes"]),
        (AppearanceKind.Economic, ["factory", "factories", "mill", "complex", "plant", "farm", "works", "mine", "colliery", "power station", "power plant", "hydropower", "construction", "building site",
            "project", "enterprise", "fishery", "fish", "greenhouse", "shop", "store", "department store", "restaurant", "foodstuff", "food", "chicken", "pig", "duck", "orchard",
            "cooperative", "smelter", "steel", "iron", "shipyard", "port", "railway", "bridge", "dam", "fertilizer", "fertiliser", "machine", "refinery", "vinalon", "textile", "service",
            "station", "salt", "mushroom", "tree nursery", "terraced", "land realignment", "realignment", "industrial", "industry", "mining", "coal", "electric", "cement", "chemical",
            "goat", "ostrich", "catfish", "soy", "tractor", "truck", "motor", "bus", "trolley", "ship", "vessel", "boat", "livestock", "stock", "agriculture", "agricultural", "irrigation", "waterway", "canal",
            "crop", "field", "site", "area", "county", "city", "province", "region", "town", "village"]),
    ];

    private static readonly Regex WordPattern = new(
        @"(?<!\w)(?<w>" + string.Join("|", Words.SelectMany(w => w.Words).OrderByDescending(w => w.Length).Select(Regex.Escape)) + @")(?:s|es)?(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Dictionary<string, string> KindOf = Words
        .SelectMany(w => w.Words.Select(word => (word, w.Kind)))
        .GroupBy(x => x.word).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind of an activity at <paramref name="place"/>; <paramref name="context"/> (the sentence, the title) decides when the place names no kind.</summary>
    public static string Of(string activity, string place, string context)
    {
        var first = FirstKind(place);
        if (activity is AppearanceActivities.Received or AppearanceActivities.Met or AppearanceActivities.TalkedWith)
            return first is null || first == AppearanceKind.Diplomatic || Mentions(place, AppearanceKind.Diplomatic) ? AppearanceKind.Diplomatic : first;
        if (first is not null) return first;
        if (activity is AppearanceActivities.PresidedOver or AppearanceActivities.SpokeAt) return AppearanceKind.Political;
        return FirstKind(context) ?? AppearanceKind.Political;
    }

    /// <summary>The kind of the first word of any kind in the text; null when it has none.</summary>
    public static string? FirstKind(string text)
    {
        var m = WordPattern.Match(text);
        return m.Success ? KindOf[m.Groups["w"].Value] : null;
    }

    private static bool Mentions(string text, string kind)
    {
        for (var m = WordPattern.Match(text); m.Success; m = m.NextMatch())
            if (KindOf[m.Groups["w"].Value] == kind) return true;
        return false;
    }
}
