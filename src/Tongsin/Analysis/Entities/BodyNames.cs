namespace Tongsin.Analysis.Entities;

/// <summary>
/// Bodies the gazetteer lacks, found by the shape of their names: a run of capitalised words (small
/// "of", "for", "the", "and", "on", "in" allowed between them) with a word that names a kind of body
/// ("Ministry of Light Industry", "Korean Journalists Union", "Communist Party of Greece", "Embassy
/// of Mongolia", "Choong-Ang Daily"). The name runs from its first capitalised word to the last word
/// of the kind, or on through the "of ..." that follows it; an office before it ("Secretary of the
/// ...") is cut off. A run that is only the kind and general words ("the Ministry", "Provincial Party
/// Committee", "Chinese Party") names nothing, and a run that overlaps an organisation or person the
/// gazetteer or the name rules found is left to them.
/// </summary>
internal static class BodyNames
{
    // Compared lower case: the word that makes a run the name of a body.
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "ministry", "committee", "commission", "union", "federation", "association", "party", "front", "council",
        "institute", "academy", "university", "college", "conservatory", "newspaper", "daily", "times", "news", "herald",
        "journal", "tribune", "post", "embassy", "consulate", "mission", "agency", "bureau", "corporation", "group",
        "league", "society", "organization", "organisation", "foundation", "movement", "department", "fund", "bank",
        "court", "band", "troupe", "orchestra", "ensemble", "circus", "fleet", "radio", "television", "tv",
        "broadcasting", "broadcaster", "centre", "center", "alliance", "network", "congress", "parliament", "secretariat",
        "administration", "office", "presidium", "chorus",
    };

    /// <summary>A capitalised word that names a kind of body ("Union", "Committee", "Ministry").</summary>
    public static bool IsKind(ReadOnlySpan<char> word) =>
        word.Length > 1 && char.IsUpper(word[0]) && Kinds.Contains(word.ToString().ToLowerInvariant());

    // Words that do not tell one body of a kind from another: alone beside the kind they name nothing.
    private static readonly HashSet<string> General = new(StringComparer.Ordinal)
    {
        "central", "standing", "executive", "preparatory", "organizing", "organising", "provincial", "city", "county",
        "state", "national", "general", "permanent", "political", "special", "joint", "local", "regional", "party",
        "people's", "peoples", "the", "of", "for", "and", "on", "in", "supreme", "main", "new", "whole", "entire", "same",
        "relevant", "concerned", "branch", "sub", "art", "senior", "congratulatory", "visiting", "vice", "many", "some",
        "several", "various", "other", "each", "every", "trade", "foreign", "international", "world", "our", "its", "their", "this", "that", "these",
        "ruling", "opposition", "conservative", "puppet", "reactionary", "workers",
        "press", "media", "news", "daily", "times", "group", "union", "office", "centre", "center", "department", "bureau",
        "secretariat", "presidium", "administration", "ministry", "committee", "commission", "council", "a", "an",
    };

    // An office or a group of people before a body: "Secretary of the ...", "Members of the ...".
    private static readonly HashSet<string> Offices = new(StringComparer.Ordinal)
    {
        "secretary", "secretaries", "chairman", "chairwoman", "chairperson", "vice-chairman", "minister", "ministers",
        "director", "director-general", "president", "vice-president", "member", "members", "head", "heads", "delegation",
        "spokesman", "spokeswoman", "spokesperson", "officials", "official", "ambassador", "premier", "vice-premier",
        "deputy", "department", "general", "marshal", "vice-marshal", "commander", "chief", "premier", "envoy", "leader",
        "representative", "representatives", "editor", "editor-in-chief", "correspondent", "staff", "delegates", "delegate",
        "team", "mission", "embassy", "consul", "counsellor", "charge", "affaires", "first", "senior", "executive",
        "honorary", "acting", "former", "prime", "foreign", "dear", "respected", "esteemed", "comrade", "comrades", "on",
        "in", "at", "by", "to", "from", "with", "under", "within", "as", "and",
    };

    // A heading's verbs, after which a body's name begins ("DPRK Foreign Minister Meets British Foreign Office Delegation").
    private static readonly HashSet<string> HeadingVerbs = new(StringComparer.Ordinal)
    {
        "meets", "meet", "visits", "visit", "sends", "send", "receives", "receive", "hosts", "host", "gives", "give",
        "calls", "leaves", "arrives", "greets", "thanks", "hails", "denounces", "slams", "condemns", "urges", "marks",
        "holds", "held", "opens", "issues", "releases", "praises", "supports", "blasts", "accuses", "accused", "rejects",
        "demands", "welcomes", "congratulates", "expresses", "refers", "says", "warns", "inspects", "attends", "protests",
        "formed", "founded", "established", "marked", "observed", "published", "presented", "staged", "donates", "by",
        "to", "from", "with", "at", "on", "against", "over", "about", "between", "after", "before", "as", "is", "are",
        "was", "were", "has", "have", "had", "will", "to", "talks", "reception", "banquet", "message", "letter", "greetings",
    };

    // The small words a body's name carries between capitalised ones.
    // "on" is left out: "the Ministry of Culture on Tuesday". "with" only in a name that has had its "for"
    // ("Committee for Solidarity with the World People").
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal) { "of", "for", "the", "and", "in", "with", "de", "du", "des", "del", "la" };

    // A day or a month after a body ("the Ministry of Culture Tuesday") is the date, not the name.
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    // What a body's name may be followed by in running text: its people ("the Korean Journalists Union
    // Delegation"). Any other capitalised word after the kind makes the run the name of something else
    // ("Asian Circus Gymnastic Championships").
    private static readonly HashSet<string> Parts = new(StringComparer.Ordinal)
    {
        "delegation", "delegations", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chairperson",
        "vice-chairman", "secretary", "member", "members", "delegate", "delegates", "director", "officials", "official",
        "president", "vice-president", "head", "team", "leader", "leaders", "representative", "representatives", "minister",
        "vice-minister", "ambassador", "premier", "general", "secretary-general", "director-general", "staff", "building",
    };

    /// <summary>
    /// The names found in <paramref name="text"/> past <paramref name="from"/>, as spans and names:
    /// a run stops at a person's name (<paramref name="person"/>), and a name that overlaps a body
    /// already found (<paramref name="taken"/>) is left to it. <paramref name="country"/> tells a
    /// country's name or adjective.
    /// </summary>
    public static List<(int Start, int End, string Name)> Find(string text, int from, Func<int, int, bool> person, Func<int, int, bool> taken, Func<int, int, bool> country, Func<string, int, bool> korean)
    {
        var found = new List<(int, int, string)>();
        if (TextWords.IsInCapitals(text, from)) return found;
        var words = TextWords.Of(text, from);
        var heading = TextWords.IsHeading(text, words);
        var w = 0;
        while (w < words.Count)
        {
            if (!words[w].IsNameLike(text) || Stops(text, words[w], person)) { w++; continue; }
            // Right after a person's name the run is KCNA's word for his regime or men ("the Yoon Group", "the Biden Administration").
            var afterPerson = w > 0 && words[w - 1].SpaceBefore(text, words[w]) && person(words[w - 1].Start, words[w - 1].End);
            // The run: capitalised words, with joins between them, one space apart; "the" only after a join ("of the").
            var end = w;
            var since = w; // where the name now read began: the run's start, or its last "and"
            for (var k = w + 1; k < words.Count; k++)
            {
                if (!words[k - 1].SpaceBefore(text, words[k]) || SentenceEnds(text, words[k - 1])) break;
                if (words[k].IsNameLike(text))
                {
                    // A Korean name after a body is its official's: "member of the Academy of Sciences Kim Chol";
                    // before the kind it is the name the body bears ("Choe Hui Suk Teachers Training College").
                    if (Stops(text, words[k], person) || (korean(text, words[k].Start) && HasKind(text, words, since, k - 1))) break;
                    end = k;
                    continue;
                }
                var join = words[k].Text(text).ToString();
                if (join == "and") since = k + 1;
                if (!Joins.Contains(join) || (join == "the" && !Joins.Contains(words[k - 1].Text(text).ToString()))) break;
                if (join == "with" && !Enumerable.Range(w, k - w).Any(i => words[i].Text(text) is "for")) break;
            }
            if (afterPerson) { w = end + 1; continue; }
            foreach (var name in Names(text, words, w, end, heading, country))
                if (!taken(words[name.Start].Start, words[name.End].End))
                {
                    var stop = words[name.End].End;
                    // "the Japan Defence Agency's attempt": the body without its possessive.
                    if (stop - 2 > words[name.End].Start && text[stop - 1] == 's' && text[stop - 2] is '\'' or '’') stop -= 2;
                    found.Add((words[name.Start].Start, stop, text[words[name.Start].Start..stop]));
                }
            w = end + 1;
        }
        return found;
    }

    private static bool Stops(string text, TextWord word, Func<int, int, bool> person) =>
        Dates.Contains(word.Lower(text)) || person(word.Start, word.End);

    private static bool SentenceEnds(string text, TextWord word) =>
        word.End < text.Length && text[word.End] is '.' or ',' or ';' or ':' or '(' or ')' or '"' or '“' or '”' && !(word.End - word.Start == 2 && text[word.End - 1] == '.');

    // The bodies named in the run of words[from..to]: split at "and" where a body's name stands on both sides.
    private static IEnumerable<(int Start, int End)> Names(string text, List<TextWord> words, int from, int to, bool heading, Func<int, int, bool> country)
    {
        var start = from;
        for (var k = from; k <= to + 1; k++)
        {
            if (k <= to && words[k].Text(text) is not "and") continue;
            if (k <= to && !(HasKind(text, words, start, k - 1) && HasKind(text, words, k + 1, to))) continue;
            if (Name(text, words, start, k - 1, heading, country) is { } name) yield return name;
            start = k + 1;
        }
    }

    private static bool HasKind(string text, List<TextWord> words, int from, int to)
    {
        for (var k = from; k <= to; k++) if (Kinds.Contains(Kind(text, words[k]))) return true;
        return false;
    }

    // "Union's" is of the kind "union".
    private static string Kind(string text, TextWord word)
    {
        var lower = word.Lower(text);
        return lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal) ? lower[..^2] : lower;
    }

    private static (int Start, int End)? Name(string text, List<TextWord> words, int from, int to, bool heading, Func<int, int, bool> country)
    {
        // Leading small words, and an office with its "of": "Secretary of the Central Committee of ...".
        var start = from;
        while (start <= to)
        {
            var lower = words[start].Lower(text);
            if (Joins.Contains(lower) || lower == "the") { start++; continue; }
            if (Offices.Contains(lower))
            {
                var k = start + 1;
                while (k <= to && Offices.Contains(words[k].Lower(text))) k++;
                if (k <= to && words[k].Lower(text) is "of" or "for") { start = k + 1; continue; }
                if (lower is "on" or "in" or "at" or "by" or "to" or "from" or "with" or "under" or "within" or "as" or "and" or "dear" or "respected" or "esteemed") { start++; continue; }
            }
            break;
        }
        // The name begins with the first part (between "of", "for" and "and") that holds a kind: "Alexandr
        // Iliyev of the Sofia Strategy Institute" names the institute, "World Cup and the Asian Circus" nothing before "Asian".
        var part = start;
        for (var k = start; k <= to; k++)
        {
            var lower = words[k].Lower(text);
            if (lower is "of" or "for" || (lower is "and" && k < to && words[k + 1].Lower(text) is "the")) part = k + 1;
            else if (Kinds.Contains(Kind(text, words[k]))) { start = part; break; }
        }
        if (heading)
            for (var k = to; k > start; k--)
            {
                var lower = words[k - 1].Lower(text);
                if (!HeadingVerbs.Contains(lower) && !Offices.Contains(lower)) continue;
                // Only when a kind comes after it: "... Meets British Foreign Office" starts at "British".
                if (Enumerable.Range(k, to - k + 1).Any(i => Kinds.Contains(Kind(text, words[i])))) { start = k; break; }
            }
        while (start <= to && (Joins.Contains(words[start].Lower(text)) || words[start].Lower(text) is "a" or "an" || char.IsDigit(text[words[start].Start]))) start++;
        // The last word of a kind; the name ends there, or on through its "of ..." in running text.
        var kind = -1;
        for (var k = to; k >= start; k--)
            if (Kinds.Contains(Kind(text, words[k]))) { kind = k; break; }
        if (kind < 0) return null;
        var end = kind;
        if (kind < to && words[kind + 1].Lower(text) is "of" or "for" or "in")
        {
            end = to;
            // A heading goes on past the name: "Union of Agricultural Workers Meets ..." ends before the verb.
            if (heading)
                for (var k = kind + 2; k <= to; k++)
                    if (HeadingVerbs.Contains(words[k].Lower(text)) || Offices.Contains(words[k].Lower(text))) { end = k - 1; break; }
            // "the Chinese Embassy in Pyongyang and the Chinese ...": "and the" begins another thing.
            for (var k = kind + 1; k < to; k++)
                if (words[k].Text(text) is "and" && words[k + 1].Text(text) is "the") { end = k - 1; break; }
        }
        else if (!heading && kind < to && words[kind + 1].IsNameLike(text) && !Parts.Contains(words[kind + 1].Lower(text))) return null;
        while (end > kind && !words[end].IsNameLike(text)) end--;
        // "Embassy in" is followed by a place, not the rest of a sentence.
        if (start > end) return null;
        // The words besides the kinds and the general ones must tell this body from others; a
        // country alone does so only for an embassy or a mission ("Chinese Embassy", not "Chinese Party").
        var telling = 0;
        var countries = 0;
        for (var k = start; k <= end; k++)
        {
            var lower = words[k].Lower(text);
            if (General.Contains(lower) || Kinds.Contains(Kind(text, words[k]))) continue;
            // A country after the kind tells it ("Socialist Party of Peru"); before it, only an embassy's.
            if (country(words[k].Start, words[k].End) && k < kind) countries++;
            else telling++;
        }
        // "X Group" is KCNA's word for a clique as often as a body's name: a group wants its "for ..." or two words.
        if (words[kind].Lower(text) is "group" && end == kind && telling < 2) return null;
        if (telling == 0 && !(countries > 0 && words[kind].Lower(text) is "embassy" or "consulate" or "mission")) return null;
        if (!char.IsUpper(text[words[start].Start]) && !char.IsDigit(text[words[start].Start])) return null;
        return (start, end);
    }
}
