namespace Tongsin.Analysis.Entities;

/// <summary>
/// People the gazetteer lacks whose names have no Korean shape, found where KCNA's prose says a
/// person is named: after a title ("President Yoweri Kaguta Museveni", "Ambassador Valery
/// Sukhinin", "Dr. Billy Graham") and before an apposition that gives the post ("Jan Ole Grevstad,
/// chairman of the ..."). A name is one to five capitalised words, with the small particles names
/// carry between them (de, van, bin, dos ...); it stops at a word no name has (the, Party,
/// Committee, Republic, a weekday ...). A surname of the Korean shape is left to <see cref="KoreanNameShape"/>,
/// and a heading in capitals ("Premier Makes Field Survey") is not read after a title.
/// </summary>
internal static class ForeignNames
{
    // Compared lower case, by the last word of the title: "Prime Minister", "Secretary-General" (general),
    // "Secretary of State" (state), "Charge d'Affaires" (affaires).
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "president", "premier", "minister", "chairman", "chairwoman", "chairperson", "secretary", "state",
        "ambassador", "affaires", "king", "queen", "emperor", "empress", "prince", "princess", "pope", "sheikh", "sultan",
        "emir", "mr", "mrs", "ms", "madame", "madam", "dr", "professor", "prof", "comrade", "envoy", "senator",
        "congressman", "congresswoman", "governor", "mayor", "marshal", "admiral", "colonel", "vice-president",
        "vice-chairman", "vice-premier", "his excellency", "excellency", "rev", "reverend", "father", "bishop", "archbishop",
        "leader", "counsellor", "consul", "spokesman", "spokeswoman", "spokesperson", "speaker", "director-general",
    };

    // The post given after a comma: "Jan Ole Grevstad, chairman of ..."; "a", "an" and "the" may come first.
    private static readonly HashSet<string> Posts = new(StringComparer.Ordinal)
    {
        "president", "vice-president", "chairman", "vice-chairman", "chairwoman", "chairperson", "co-chairman",
        "secretary", "secretary-general", "first", "general", "minister", "premier", "prime", "ambassador", "leader",
        "head", "director", "director-general", "chief", "founder", "professor", "spokesman", "spokeswoman", "editor",
        "editor-in-chief", "deputy", "representative", "member", "king", "queen", "emperor", "foreign", "defence",
        "defense", "former", "honorary", "executive", "senior", "charge", "envoy", "consul", "counsellor", "mayor",
        "governor", "commander", "senator", "lawmaker", "lawyer", "journalist", "writer", "author", "historian",
        "scholar", "researcher", "professor", "correspondent", "publisher", "pastor", "priest", "bishop",
    };

    private static readonly HashSet<string> RomanNumerals = new(StringComparer.Ordinal)
    {
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
    };

    // The titles that take a place after them before the name: "Ambassador to the DPRK", "Ambassador of
    // Cuba to the DPRK", "Representative in Pyongyang".
    private static readonly HashSet<string> PostedTitles = new(StringComparer.Ordinal)
    {
        "ambassador", "envoy", "representative", "consul", "consul-general", "affaires", "attache", "correspondent",
    };

    // Between the words of a name.
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "di", "du", "del", "della", "la", "le", "van", "von", "der", "den", "ter", "bin",
        "ben", "binti", "al", "el", "y", "e", "ibn", "abu", "wa",
    };

    // Capitalised words that are no part of a personal name: a body, a place's kind, a day, a month, a heading's verb.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "for", "to", "in", "on", "at", "a", "an", "his", "her", "their", "our", "this", "that",
        "party", "committee", "republic", "democratic", "korean", "korea", "people", "people's", "peoples", "workers'",
        "government", "state", "states", "united", "national", "central", "union", "federation", "association", "front",
        "council", "institute", "academy", "university", "college", "embassy", "ministry", "department", "bureau",
        "agency", "office", "assembly", "congress", "parliament", "army", "navy", "force", "forces", "league", "society",
        "foundation", "movement", "organization", "organisation", "group", "commission", "delegation", "mission",
        "newspaper", "daily", "times", "news", "radio", "television", "city", "province", "county", "district", "square",
        "street", "palace", "hall", "museum", "monument", "statue", "memorial", "mausoleum", "tomb", "island", "islands",
        "mountain", "mt", "river", "sea", "ocean", "kingdom", "empire", "dynasty", "federal", "socialist", "communist",
        "revolutionary", "revolution", "juche", "songun", "idea", "ideas", "day", "days", "year", "years", "week",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr",
        "president", "premier", "minister", "chairman", "secretary", "general", "ambassador", "king", "queen",
        "emperor", "prince", "comrade", "leader", "his", "excellency", "he", "she", "it", "they", "we", "you", "i",
        "foreign", "affairs", "defence", "defense", "prime", "vice", "deputy", "director", "chief", "head", "member",
        "members", "office", "house", "white", "who", "which", "whose", "as", "with", "by", "from", "ltd", "co", "inc",
        "message", "letter", "reception", "banquet", "speech", "talks", "visit", "visits", "meets", "met", "sends",
        "hosts", "gives", "calls", "receives", "leaves", "arrives", "greets", "thanks", "hopes", "refers", "vows",
        "accepted", "presents", "credentials", "gift", "gifts", "floral", "basket", "wreath", "award", "prize", "order",
        "medal", "title", "hero", "birthday", "anniversary", "condolences", "congratulations", "statement", "report",
        "north", "south", "east", "west", "asia", "europe", "africa", "america", "world", "international", "global",
        "senate", "court", "cabinet", "administration", "regime", "authorities", "puppet", "puppets", "imperialists",
        "all", "mrs.", "mr.", "dear", "respected", "great", "beloved", "esteemed", "supreme", "eternal", "heroic",
        "speaker", "director-general", "prefecture", "merited", "artiste", "ilbo", "sinbo", "sinmun", "shimbun", "company", "corporation", "enterprise", "venture",
    };

    /// <summary>The names found in <paramref name="text"/> past <paramref name="from"/> in the places above, as spans and names; none where <paramref name="taken"/> already holds a hit.</summary>
    public static List<(int Start, int End, string Name)> Find(string text, int from, Func<int, int, bool> taken, Func<string, int, bool> korean)
    {
        var found = new List<(int, int, string)>();
        if (TextWords.IsInCapitals(text, from)) return found;
        var words = TextWords.Of(text, from);
        var heading = TextWords.IsHeading(text, words);
        var after = -1;
        for (var w = 0; w < words.Count; w++)
        {
            // Every name here opens with a capitalised word; the rest cost nothing.
            if (w <= after || !words[w].IsCapitalised(text)) continue;
            var afterTitle = !heading && w > 0 && TitleGap(text, words[w - 1], words[w])
                && (IsTitle(text, words, w - 1) || IsPostedTitle(text, words, w - 1));
            // "led by", "written by", "seen by": two words or more after "by" name a person.
            var afterBy = !heading && w > 0 && words[w - 1].Text(text) is "by" && words[w - 1].SpaceBefore(text, words[w])
                && !IsTitle(text, words, w);
            if (!afterTitle && !afterBy && !StartsApposition(text, words, w)) continue;
            if (Name(text, words, w, taken, korean) is not { } name) continue;
            if (afterBy && !afterTitle && name.Last > w && ByEnds(text, words, name.Last)) afterTitle = true;
            if (!afterTitle && !IsApposition(text, words, name.Last)) continue;
            // After a title, a lone word that also stands in an apposition or a list is taken; five words need the title.
            if (!afterTitle && name.Last - w < 1) continue;
            // "King Tangun's mausoleum": the name without its possessive.
            var end = words[name.Last].End;
            var text1 = name.Text;
            if (text1.EndsWith("'s", StringComparison.Ordinal) || text1.EndsWith("’s", StringComparison.Ordinal)) { end -= 2; text1 = text1[..^2]; }
            found.Add((words[w].Start, end, text1));
            after = name.Last;
        }
        return found;
    }

    // After a name that "by" introduces: the end of the sentence, a comma, or a small word, but no
    // capitalised one ("by New York Times", where the name rule stops at "Times").
    private static bool ByEnds(string text, List<TextWord> words, int last)
    {
        var end = words[last].End;
        if (end >= text.Length || text[end] is '.' or ',' or ';' or ')' or '"' or '”') return true;
        // "by Giving Full Play to ...", "by Embodying Spirit of ...": a heading's words, not a name.
        return text[end] == ' ' && last + 1 < words.Count && char.IsLower(text[words[last + 1].Start])
            && words[last + 1].Text(text) is not ("to" or "of");
    }

    // One space between a title and the name, or "Dr. ", "Mr. ": the abbreviation's full stop and a space.
    private static bool TitleGap(string text, TextWord title, TextWord name)
    {
        if (title.SpaceBefore(text, name)) return true;
        return name.Start == title.End + 2 && text[title.End] == '.' && text[title.End + 1] == ' '
            && title.Lower(text) is "mr" or "mrs" or "ms" or "dr" or "prof" or "rev" or "st";
    }

    private static bool IsTitle(string text, List<TextWord> words, int w)
    {
        var t = words[w].Text(text).ToString();
        // "Mr." and "Dr." keep their full stop; "Minister." ends a sentence.
        if (t.EndsWith('.') && t.Length > 2) return false;
        var end = words[w].End;
        if (end < text.Length && text[end] == '.' && t.Length > 3) return false;
        var lower = t.ToLowerInvariant();
        // "State" only as the end of "Secretary of State": "State Planning Commission" is a body.
        if (lower == "state") return w >= 2 && words[w - 1].Lower(text) == "of" && words[w - 2].Lower(text) == "secretary";
        var dash = lower.LastIndexOf('-');
        // "Vice-Premier", "Secretary-General", "Ex-President": by the last part, or whole.
        if (Titles.Contains(lower)) return Capital(t) || lower is "mr" or "mrs" or "ms" or "dr";
        if (dash > 0 && Titles.Contains(lower[(dash + 1)..])) return true;
        // "Charge d'Affaires": by the part after the apostrophe.
        var mark = lower.LastIndexOf('\'');
        if (mark > 0 && Titles.Contains(lower[(mark + 1)..])) return true;
        return false;

        // "the president Kim" is rare; "the General Assembly" is no title. A title before a name is capitalised.
        static bool Capital(string s) => char.IsUpper(s[0]);
    }

    // "Ambassador to Korea Alexander Karich", "Ambassador of Cuba to the DPRK ...", "Charge d'Affaires ad
    // Interim Vladimir Topeha": a capitalised title, then where the post is held, then the name.
    private static bool IsPostedTitle(string text, List<TextWord> words, int w)
    {
        if (!words[w].IsNameLike(text)) return false;
        if (words[w].Text(text) is "Interim")
            return w >= 2 && words[w - 1].Text(text) is "ad" && words[w - 2].Lower(text).EndsWith("affaires", StringComparison.Ordinal);
        // The place is where the post is held: a country or a city, whose name begins "to"/"in" some words back.
        var near = false;
        for (var k = w - 1; k >= 0 && k > w - 6 && !near; k--) near = words[k].Text(text) is "to" or "in";
        if (!near) return false;
        var place = false;
        for (var k = w; k >= 0 && k > w - 9; k--)
        {
            var word = words[k].Text(text);
            if (k < w && words[k].End + 1 != words[k + 1].Start) return false;
            if (word is "to" or "in") { place = true; continue; }
            if (word is "the" or "of") continue;
            // "Ambassador to Vietnam Kim Chang Il": a name, not a place, stands before "Il".
            if (!words[k].IsNameLike(text) || KoreanNameShape.IsSurname(word)) return false;
            if (place && k < w && IsPostedTitleWord(word)) return char.IsUpper(word[0]);
        }
        return false;
    }

    // "Ambassador", "Consul-General", "d'Affaires": whole, or by the part after a hyphen or an apostrophe.
    private static bool IsPostedTitleWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 32) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        var titles = PostedTitles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (titles.Contains(lower)) return true;
        var cut = lower.LastIndexOfAny('-', '\'');
        return cut >= 0 && titles.Contains(lower[(cut + 1)..]);
    }

    // A name that opens a sentence or follows a small word, a comma or a bracket, for the apposition rule.
    private static bool StartsApposition(string text, List<TextWord> words, int w)
    {
        if (!words[w].IsCapitalised(text)) return false;
        if (w == 0) return true;
        var before = words[w - 1];
        return !before.IsNameLike(text) || !before.SpaceBefore(text, words[w]);
    }

    private static (int Last, string Text)? Name(string text, List<TextWord> words, int w, Func<int, int, bool> taken, Func<string, int, bool> korean)
    {
        var first = words[w];
        if (!first.IsCapitalised(text)) return null;
        // A Korean surname with a Korean given name is the shape rule's; with another ("Wang Yajun") it is a name of two words or more.
        var koreanSurname = KoreanNameShape.IsSurname(first.Text(text));
        if (koreanSurname && korean(text, first.Start)) return null;
        var last = -1;
        var k = w;
        for (; k < words.Count && k - w < 8; k++)
        {
            var word = words[k];
            if (k > w && !words[k - 1].SpaceBefore(text, word)) break;
            if (taken(word.Start, word.End)) break;
            var lower = word.Lower(text);
            if (Particles.Contains(lower) && k > w && !char.IsUpper(text[word.Start])) continue;
            var initial = word.End - word.Start == 2 && text[word.End - 1] == '.';
            // "Juan Carlos I", "Elizabeth II": a king's number ends the name.
            if (k > w && RomanNumerals.Contains(word.Text(text).ToString()) && last == k - 1) { last = k; k++; break; }
            if (!word.IsCapitalised(text) || (!initial && NotNames.Contains(lower))) break;
            last = k;
            // A full stop after a word that is not an initial ends the sentence, and the name.
            if (word.End < text.Length && text[word.End] == '.' && word.End - word.Start > 2) { k++; break; }
        }
        if (last < 0) return null;
        var count = 0;
        for (var i = w; i <= last; i++) if (words[i].IsCapitalised(text)) count++;
        // A longer run of capitalised words is a heading or a list of bodies, not a name.
        if (count > 5) return null;
        if (k < words.Count && k == last + 1 && words[last].SpaceBefore(text, words[k]) && words[k].IsCapitalised(text)
            && !NotNames.Contains(words[k].Lower(text)) && !taken(words[k].Start, words[k].End)) return null;
        // Initials alone ("V. V.") are no name.
        if (text[words[last].End - 1] == '.' && words[last].End - words[last].Start == 2) return null;
        if (koreanSurname && last == w) return null;
        return (last, text[words[w].Start..words[last].End]);
    }

    // ", chairman of", ", a lawyer", ", the president of": the post after the name.
    private static bool IsApposition(string text, List<TextWord> words, int last)
    {
        var end = words[last].End;
        if (end + 1 >= text.Length || text[end] != ',' || text[end + 1] != ' ' || last + 1 >= words.Count) return false;
        var next = last + 1;
        var lower = words[next].Lower(text);
        if (lower is "a" or "an" or "the" && next + 1 < words.Count) lower = words[++next].Lower(text);
        if (lower is "new" or "former" or "visiting" && next + 1 < words.Count) lower = words[++next].Lower(text);
        if (IsPost(lower)) return true;
        // ", Nigerian ambassador", ", Spanish king": a country's adjective or two, then the post.
        for (var n = 0; n < 2 && words[next].IsCapitalised(text) && next + 1 < words.Count && words[next].SpaceBefore(text, words[next + 1]); n++)
        {
            lower = words[++next].Lower(text);
            if (IsPost(lower)) return true;
        }
        return false;

        static bool IsPost(string lower) => Posts.Contains(lower) || Posts.Contains(lower.Split('-')[^1]);
    }
}
