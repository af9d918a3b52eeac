using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// How an English report's sentence is read: whether a followed person is its subject, the verb
/// after him (and his appositive of titles), and the place or occasion the verb governs.
/// </summary>
public static partial class EnglishReading
{
    /// <summary>What a lead sentence says he did: the spelling of his name, the activity and its place; or, <see cref="Excluded"/>, that he only sent or was sent something.</summary>
    public sealed record Reading(string Spelling, string Activity, string Place, string Sentence, bool Excluded);

    // What may stand before the subject's name: his titles ("Supreme Commander of the Korean
    // People's Army", "The respected Comrade", "General Secretary"), and a day ("On May 5,").
    [GeneratedRegex(@"^(?:(?:On|on) [A-Z][a-z]+\.? \d{1,2},? )?(?:(?:\(?[A-Z][\w'’.-]*\)?|of|the|and|respected|dear|beloved|great|supreme|leader|comrade|marshal|general|secretary|chairman|premier|also|top|esteemed|first|vice)\s+){0,16}$")]
    private static partial Regex Titles();

    [GeneratedRegex(@"\bin the presence of (?:[\w'’.-]+ ){0,12}?$")]
    private static partial Regex Presence();

    [GeneratedRegex(@"^(?<place>.+?) (?:was|were) (?:[\w-]+ ){0,3}?(?:held|performed|given|staged|played|conducted|launched|opened|made|presented|shown|unveiled|inaugurated|started)\b")]
    private static partial Regex PassiveSubject();

    [GeneratedRegex(@"\b(?:performance|concert|match|game|show|drill|firing|test|launch|parade|display|exercise|contest|circus|film|play|opera|chorus)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Watchable();

    // Where the place a verb governs ends: a clause, a date, a purpose, a companion.
    [GeneratedRegex(@"\s+(?:on|to|for|which|that|where|who|whom|amid|together|recently|yesterday|today|accompanied|along|when|while|after|before|as|in order|being|led by|headed by|with (?:his|the) (?:wife|party)|and (?:learned|looked|went|acquainted|praised|gave|said|was|expressed|watched|inspected|visited|had|met|received|made|took|saw|enjoyed|acquainted)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|[,;:(]|\.(?:\s|$)|\s[-–—]")]
    private static partial Regex PlaceEnd();

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
                var place = Article().Replace(passive.Success ? passive.Groups["place"].Value : before[..Presence().Match(before).Index].Trim(), "");
                if (place.Length == 0 || place.Length > 200) return null;
                var activity = Watchable().IsMatch(place) ? AppearanceActivities.Watched : AppearanceActivities.Attended;
                return new Reading(m.Value, activity, place.Trim(), sentence, false);
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
            return new Reading(m.Value, found, Object(after[(v.Index + v.Length)..]), sentence, false);
        }
        return null;
    }

    /// <summary>The place or occasion at the start of <paramref name="text"/>, the words after a verb: up to where its clause ends, without its article.</summary>
    public static string Object(string text)
    {
        var t = text.TrimStart();
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

    /// <summary>Whether a title says the article recalls (an anniversary of a visit, memories, anecdotes).</summary>
    public static bool Recollects(string title) => RecollectingTitle().IsMatch(title);

    /// <summary>Whether the sentence tells of the past rather than of the day ("thirty years ago he visited").</summary>
    public static bool Recalls(string sentence) => Recalling().IsMatch(sentence);
}
