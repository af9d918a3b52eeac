using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// How an English report's sentence is read: whether a followed person is its subject, the verb
/// after him (and his appositive of titles), and the place or occasion the verb governs.
/// </summary>
public static partial class EnglishReading
{
    /// <summary>What a lead sentence says he did: the spelling of his name, the activity, its place and the words after the verb; or, <see cref="Excluded"/>, that he only sent or was sent something.</summary>
    public sealed record Reading(string Spelling, string Activity, string Place, string Sentence, bool Excluded, string Rest = "");

    // What may stand before the subject's name: his titles ("Supreme Commander of the Korean
    // People's Army", "The respected Comrade", "General Secretary"), and a day ("On May 5,").
    [GeneratedRegex(@"^(?:(?:On|on) [A-Z][a-z]+\.? \d{1,2},? )?(?:(?:\(?[A-Z][\w'’.-]*\)?|of|the|and|respected|dear|beloved|great|supreme|leader|comrade|marshal|general|secretary|chairman|premier|also|top|esteemed|first|vice|people|party|state|army|workers'|commander|president|eternal|chairman|the)\s+){0,16}$")]
    private static partial Regex Titles();

    // A headline's words before its subject's name, title-cased: only his titles ("Respected Comrade", "Premier").
    [GeneratedRegex(@"^(?:(?:supreme|leader|commander|marshal|respected|comrade|general|secretary|chairman|premier|dear|great|beloved|first|vice|president|top|of|the|and|kpa|wpk|dprk|korean|people's|army|workers'|party|korea|state|affairs|commission|national|defence|central|military|committee|cabinet|member|presidium|political|bureau|spa|assembly)\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"\b(?:in the presence of|(?<guidance>under the (?:direct |personal |on-the-spot |field )?guidance of)) (?:[\w'’.()-]+ ){0,14}?$")]
    private static partial Regex Presence();

    [GeneratedRegex(@"\b(?:meeting|session|plenum|plenary|conference|congress|consultative)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sitting();

    [GeneratedRegex(@"^(?<place>.+?) (?:was|were) (?:[\w-]+ ){0,3}?(?:held|performed|given|staged|played|conducted|launched|opened|made|presented|shown|unveiled|inaugurated|started)\b")]
    private static partial Regex PassiveSubject();

    [GeneratedRegex(@"\b(?:performance|concert|match|game|show|drill|firing|test|test-fire|test-firing|launch|parade|display|exercise|contest|competition|circus|film|play|opera|chorus)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Watchable();

    // The words that end the place a verb governs: a clause, a date, a purpose, a companion.
    private const string ClauseEnd = @"\s+(?:on|to|for|which|that|where|who|whom|amid|together|recently|yesterday|today|accompanied|along|when|while|after|before|as|in order|being|from (?:an?|the) (?:observation post|platform|stand|command post)|led by|headed by|with (?:his|the) (?:wife|party)|and (?:learned|looked|went|acquainted|praised|gave|said|was|expressed|watched|inspected|visited|had|met|received|made|took|saw|enjoyed|acquainted)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b";

    // Where the place a verb governs ends: those words, a comma, a full stop.
    [GeneratedRegex(ClauseEnd + @"|[,;:(]|(?<!\b(?:[Nn]os?|Mt|St|[A-Z]))\.(?:\s|$)|\s[-–—]")]
    private static partial Regex PlaceEnd();

    // The same ends but the comma: where a list of places ("the A, the B and the C") stops.
    [GeneratedRegex(ClauseEnd + @"|[;:(]|(?<!\b(?:[Nn]os?|Mt|St|[A-Z]))\.(?:\s|$)|\s[-–—]|, (?![Tt]he [A-Z]|[A-Z])")]
    private static partial Regex ListEnd();

    // The items of such a list: a comma; within an item, "and (then) (the)" before a capital, where what stands before it is a place (ends in a head word).
    [GeneratedRegex(@",\s+(?:and\s+)?(?:then\s+)?")]
    private static partial Regex ListComma();

    [GeneratedRegex(@"\s+and\s+(?:then\s+|also\s+)?(?=(?:the\s+)?[A-Z0-9])")]
    private static partial Regex ListAnd();

    // What a named place ends with, so that "Hwanghae Iron and Steel Complex" is one place and "the Ryongsong Machine Complex and the Hungnam Smeltery" two.
    [GeneratedRegex(@"(?:Factory|Factories|Complex|Mill|Farm|Plant|Works|Mine|Colliery|Station|Store|Shop|Restaurant|School|University|College|Hospital|Museum|Site|Rink|Park|Theatre|Theater|Hall|House|Institute|Enterprise|Smeltery|Refinery|Shipyard|Port|Centre|Center|Base|Dam|Bridge|Street|Farm No\.? ?\d+|(?:Unit|Units) (?:No\.? ?)?\d+|Company|Regiment|Division|Detachment|Kindergarten|Nursery|Orphanage|Home|Palace|Monument|Statue|Tower|Cemetery|Hotel|Stadium|Cooperative|Ranch|Fishery|Tilery|Plaza|Square)$")]
    private static partial Regex PlaceHead();

    // A place that only says where a round of several places went: "various units in Manpho City", "work in different fields of Janggang County".
    [GeneratedRegex(@"^(?:(?:the )?(?:[a-z][\w-]* ){0,2}(?:work|units|places|fields|domains|sectors|establishments|enterprises|factories|farms|projects|sites|facilities|objects|institutions) (?:in|of|at|under|across|along)\b|(?:various|different|several|many|a number of|some|major|a few|local|many other)\b)")]
    private static partial Regex RoundPlace();

    // What may open an object before the place itself: "met on the spot with those pilots".
    [GeneratedRegex(@"^(?:on the (?:spot|site)|personally|again|once again|together)\s+(?:with\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectOpening();

    // Where a meeting took place, after whom he met: "at the Mansudae Assembly Hall", "at the office building of the WPK Central Committee".
    [GeneratedRegex(@"\sat (?:the )?(?=[A-Z]|office building|headquarters|plaza|building|guest ?house|residence)")]
    private static partial Regex Venue();

    // A clause that describes the place rather than tells of the day ("which was commissioned in October last year").
    [GeneratedRegex(@"\b(?:which|that|who) (?:was|were|is|are|has|have|had)\b[^,;]*")]
    private static partial Regex Describing();

    // A pronoun for the event ("guided it on the spot") refers to what was watchable before it.
    [GeneratedRegex(@"\b(?:a|an|the) (?<p>(?:[\w'’-]+ ){0,6}?(?:performance|concert|match|game|drill|firing|test|launch|parade|exercise|contest|competition|training)s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WatchablePhrase();

    [GeneratedRegex(@"^(?:the|a|an) ", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    // "the Hungnam Fertilizer Complex and then the Ryongsong Machine Complex": two places, each named.
    [GeneratedRegex(@",? and (?:then |also )?(?=the [A-Z0-9])")]
    private static partial Regex PlaceJoin();

    [GeneratedRegex(@"\b(?:Recollect|Reminisc|Anecdote|Memories|Memory|Remembered|Looking Back|Years Ago|Legend|Tale|Story|Anniversary of (?:His |Leader's )?(?:Visit|Field Guidance|Inspection)|Relics?|History of)", RegexOptions.IgnoreCase)]
    private static partial Regex RecollectingTitle();

    [GeneratedRegex(@"\b(?:years? ago|decades? ago|once (?:visited|inspected|gave)|used to|had (?:visited|inspected|given|provided|watched|attended|received)|anniversary of (?:his|the leader's) (?:visit|field guidance|inspection|on-the-spot guidance)|in his lifetime|during his lifetime|when he was alive|the late\b|memory of|many times|several times|times in a year|every year|Juche \d|last (?:year|month|January|February|March|April|May|June|July|August|September|October|November|December)|in (?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?! \d))", RegexOptions.IgnoreCase)]
    private static partial Regex Recalling();

    /// <summary>Reads a sentence; null when no followed person is its subject.</summary>
    public static Reading? Read(string sentence, Regex name, Regex verb)
    {
        for (var m = name.Match(sentence); m.Success; m = m.NextMatch())
        {
            var before = sentence[..m.Index];
            var after = sentence[(m.Index + m.Length)..];
            if (Presence().IsMatch(before))
            {
                var passive = PassiveSubject().Match(before);
                var occasion = Article().Replace(passive.Success ? passive.Groups["place"].Value : before[..Presence().Match(before).Index].Trim(), "");
                if (occasion.Length == 0 || occasion.Length > 200) return null;
                // "under the guidance of" is his only when an event was held under it ("An enlarged meeting ... was held", "A test-fire ... was conducted"),
                // not when people advance or succeed under it.
                var guided = Presence().Match(before).Groups["guidance"].Success;
                if (guided && !(passive.Success && (Sitting().IsMatch(occasion) || Watchable().IsMatch(occasion)))) continue;
                var activity = guided && Sitting().IsMatch(occasion) ? AppearanceActivities.PresidedOver
                    : Watchable().IsMatch(occasion) ? AppearanceActivities.Watched : AppearanceActivities.Attended;
                return new Reading(m.Value, activity, occasion.Trim(), sentence, false);
            }
            if (!Titles().IsMatch(before)) continue;
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal)) return null;
            var v = verb.Match(after);
            while (v.Success && v.Groups["pass"].Success) v = v.NextMatch();
            if (!v.Success || v.Index > 600) return null;
            // Another subject came between: "Kim Jong Un, ..., and the delegation of ... watched" is still his; a full stop is not.
            if (v.Groups["no"].Success) return new Reading(m.Value, "", "", sentence, true);
            var index = 0;
            while (!v.Groups[$"a{index}"].Success) index++;
            var found = AppearanceActivities.English[index].Activity;
            var rest = after[(v.Index + v.Length)..];
            var place = Object(rest);
            if (place.Length == 0 || place is "it" or "them")
                place = WatchablePhrase().Match(sentence) is { Success: true } w ? w.Groups["p"].Value : place;
            else if (found is AppearanceActivities.Received or AppearanceActivities.Met or AppearanceActivities.TalkedWith or AppearanceActivities.Hosted
                     && Venue().Match(rest, Math.Min(rest.Length, place.Length)) is { Success: true } at && Object(rest[(at.Index + at.Length)..]) is { Length: > 0 } venue)
                place = $"{place} at {venue}";
            return new Reading(m.Value, found, place, sentence, false, rest);
        }
        return null;
    }

    /// <summary>Whether a title has the person as its subject: only his titles before his name, and no possessive after it ("Kim Jong Un Watches ...", not "Kim Jong Un's Works Published" or "Mosaics Depicting Kim Jong Il Erected").</summary>
    public static bool Heads(string title, Regex name, string spelling)
    {
        for (var m = name.Match(title); m.Success; m = m.NextMatch())
        {
            if (!string.Equals(m.Value, spelling, StringComparison.OrdinalIgnoreCase)) continue;
            var after = title[(m.Index + m.Length)..];
            if (TitleWords().IsMatch(title[..m.Index]) && !after.StartsWith("'s", StringComparison.Ordinal) && !after.StartsWith("’s", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The place or occasion at the start of <paramref name="text"/>, the words after a verb: up to where its clause ends, without its article.</summary>
    public static string Object(string text)
    {
        var t = ObjectOpening().Replace(text.TrimStart(), "");
        var end = PlaceEnd().Match(t);
        var place = (end.Success ? t[..end.Index] : t).Trim().TrimEnd('.');
        place = Article().Replace(place, "");
        return place.Length > 160 ? place[..160].TrimEnd() : place;
    }

    /// <summary>Whether a place is named (capitalised: "the Ryongsong Machine Complex") rather than described ("a room", "various places").</summary>
    public static bool Named(string place) => place.Length > 0 && char.IsUpper(place[0]);

    /// <summary>The places of one activity sentence: two named places joined by "and" are two activities; several workshops of one are one.</summary>
    public static IReadOnlyList<string> SplitPlaces(string activity, string place)
    {
        if (activity is not (AppearanceActivities.Inspected or AppearanceActivities.Visited or AppearanceActivities.FieldGuidance)) return [place];
        var parts = PlaceJoin().Split(place).Select(p => Article().Replace(p.Trim(), "")).Where(p => p.Length > 0).ToList();
        return parts.Count > 1 && parts.All(Named) ? parts : [place];
    }

    /// <summary>
    /// The places the words after a verb of visiting name: a list of named places ("the February 8
    /// Vinalon Complex, the Hungnam Fertilizer Complex and the Hungnam Smeltery") is one place each,
    /// each item ending in what it is (Factory, Complex, Unit 549); otherwise the place as
    /// <see cref="Object"/> and <see cref="SplitPlaces"/> read it.
    /// </summary>
    public static IReadOnlyList<string> Places(string activity, string text, string place)
    {
        var single = SplitPlaces(activity, place);
        if (activity is not (AppearanceActivities.Inspected or AppearanceActivities.Visited or AppearanceActivities.FieldGuidance)) return single;
        var t = ObjectOpening().Replace(text.TrimStart(), "");
        var end = ListEnd().Match(t);
        var list = (end.Success ? t[..end.Index] : t).Trim().TrimEnd('.', ',');
        var items = new List<string>();
        foreach (var item in ListComma().Split(list))
        {
            var current = "";
            foreach (var piece in ListAnd().Split(item))
            {
                current = current.Length == 0 ? piece : $"{current} and {piece}";
                if (PlaceHead().IsMatch(current.Trim())) { items.Add(current); current = ""; }
            }
            if (current.Length > 0) items.Add(current);
        }
        items = items.Select(p => Article().Replace(p.Trim(), "")).Where(p => p.Length > 0).ToList();
        if (items.Count < 2 || items.Count > 12) return single;
        return items.All(i => i.Any(char.IsUpper) && i.Contains(' ') && i.Length <= 120 && PlaceHead().IsMatch(i)) ? items : single;
    }

    /// <summary>Whether a place only names the round of a trip ("various units in Manpho City"), whose named places, when the report tells them, are the appearances.</summary>
    public static bool Round(string place) => RoundPlace().IsMatch(place);

    /// <summary>Whether a title says the article recalls (an anniversary of a visit, memories, anecdotes).</summary>
    public static bool Recollects(string title) => RecollectingTitle().IsMatch(title);

    /// <summary>Whether the sentence tells of the past rather than of the day ("thirty years ago he visited").</summary>
    public static bool Recalls(string sentence) => Recalling().IsMatch(Describing().Replace(sentence, ""));
}
