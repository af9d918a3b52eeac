namespace Tongsin.Analysis.Entities;

/// <summary>
/// Where KCNA writes a person's name, so that a surname and syllables there are taken for a name
/// the gazetteer does not know: after a title ("Premier", "Vice-Chairman", "Comrade", "member"), after
/// "by" ("accompanied by", "greeted by"), in a list after another name ("X, Y and Z"), and before a
/// title given after a comma ("Ri Chol Ho, minister of ..."). Elsewhere a surname and capitalised
/// syllables are too often something else (a title in capitals, a place, a ship) to be taken.
/// </summary>
internal static class NameContext
{
    // Compared lower case; a hyphenated title is read by its last word (Vice-Chairman, Vice-Marshal).
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "comrade", "comrades", "premier", "minister", "ministers", "chairman", "chairmen", "chairwoman", "chairperson",
        "director", "directors", "marshal", "general", "generals", "ambassador", "ambassadors", "president", "secretary",
        "secretaries", "member", "members", "deputy", "deputies", "mr", "mrs", "ms", "madame", "madam", "dr", "doctor",
        "professor", "hero", "heroine", "colonel", "lieutenant", "major", "captain", "admiral", "commander", "chief",
        "spokesman", "spokeswoman", "spokesperson", "counsellor", "counselor", "councillor", "consul", "envoy", "attache",
        "officer", "manager", "head", "leader", "premiers", "delegate", "representative", "correspondent", "reporter",
        "writer", "poet", "composer", "artiste", "artist", "actor", "actress", "singer", "player", "champion", "coach",
        "teacher", "student", "engineer", "scientist", "researcher", "academician", "worker", "soldier", "sergeant",
        "private", "veteran", "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "grandmother",
        "martyr", "patriot", "by", "were", "rev", "reverend", "prof", "pastor", "priest", "bishop", "dean", "rector", "principal", "president-elect", "premier-elect", "vice",
    };

    public static bool IsTitle(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 32)];
        if (word.Length > 32) return false;
        word.ToLowerInvariant(lower);
        return Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }

    /// <summary>Between two names of a list: a comma, "and", or both, and nothing else.</summary>
    public static bool IsListGap(ReadOnlySpan<char> gap)
    {
        var t = gap.Trim();
        if (t.Length == 0) return false;
        if (t is ",") return true;
        if (t.StartsWith(",")) t = t[1..].TrimStart();
        return t is "and";
    }

    /// <summary>
    /// After a name: a comma and a small word or a title ("Ri Chol Ho, minister of", "Kim Song, a
    /// worker", "Kim Song, Vice-Chairman"), or what a person does ("Kim Song said", "Kim Song was").
    /// </summary>
    public static bool IsApposition(string text, int end)
    {
        if (end >= text.Length) return false;
        var comma = text[end] == ',';
        if (!comma && text[end] != ' ') return false;
        var i = end + 1;
        while (i < text.Length && text[i] == ' ') i++;
        if (comma && i == end + 1) return false;
        var j = i;
        while (j < text.Length && char.IsLetter(text[j])) j++;
        var word = text.AsSpan(i, j - i);
        if (word.Length == 0) return false;
        if (!comma) return Deeds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
        return char.IsLower(word[0]) || IsTitle(word);
    }

    private static readonly HashSet<string> Deeds = new(StringComparer.Ordinal)
    {
        "said", "says", "was", "is", "who", "stressed", "noted", "expressed", "made", "delivered", "spoke", "added",
        "underlined", "emphasized", "pointed", "referred", "read", "had", "has", "received", "met",
    };

    // Words kcna.kp's lost spaces glue after a name ("Ri Chol Hoand", "Kim Song Namvisited"), for
    // splitting the last syllable from them; a run of small letters that is one of these, and only those.
    private static readonly HashSet<string> GluedWords = new(StringComparer.Ordinal)
    {
        "and", "was", "were", "with", "on", "in", "to", "of", "for", "at", "as", "who", "is", "had", "has", "have",
        "made", "said", "by", "from", "the", "inspected", "visited", "met", "gladly", "received", "sent", "gave",
        "noted", "stressed", "expressed", "also", "spoke", "delivered", "made", "took", "extended", "laid", "paid",
        "attended", "watched", "congratulated", "accompanied", "appreciated", "left", "arrived", "returned", "here",
    };

    public static bool IsGluedWord(ReadOnlySpan<char> rest) => GluedWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(rest);
}
