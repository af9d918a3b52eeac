namespace Tongsin.Analysis.Entities;

/// <summary>
/// A person's name followed by the words of a thing named after the person: "Kang Pan Sok
/// Revolutionary Schools", "Kim Jong Suk Pyongyang Textile Mill", "Kim Chaek Iron and Steel
/// Complex", "Kim Il Sung Socialist Youth League". The gazetteer lists the best known of these
/// whole; this tells the others, so that their names mention no person (docs/mentions.md). The
/// words after the name must begin with a kind of thing or a word such names carry before their
/// kind, and a kind must come within four words: a heading's verb ("Kim Jong Un Visits Silk Mill")
/// starts no thing.
/// </summary>
internal static class NamesOfThings
{
    // Compared lower case: what is named after a person.
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "university", "univ", "universities", "square", "stadium", "prize", "prizes", "foundation", "library", "institute",
        "kindergarten", "kindergartens", "nursery", "academy", "college", "school", "schools", "league", "guard", "mill",
        "works", "complex", "order", "medal", "street", "county", "city", "hospital", "park", "bridge", "farm", "mine",
        "station", "museum", "plant", "factory", "award", "cup", "hall", "theatre", "theater",
        "conservatory", "orphanage", "orphanages",
    };

    // Words such names carry between the person and the kind.
    private static readonly HashSet<string> Before = new(StringComparer.Ordinal)
    {
        "socialist", "military", "political", "higher", "revolutionary", "naval", "pyongyang", "iron", "steel", "electric",
        "locomotive", "textile", "silk", "children", "children's", "medical", "agricultural", "memorial", "teachers",
        "teachers'", "party", "communist", "honor", "honour", "normal", "art", "arts", "technology", "technical",
        "mining", "machine", "tool", "and", "of", "women's", "girls'", "boys'", "primary", "middle", "senior", "junior",
        "secondary", "international", "youth", "sports", "physical", "education",
    };

    /// <summary>Whether the words from <paramref name="end"/>, where a person's name ends, make it the name of a thing.</summary>
    public static bool Follow(string text, int end)
    {
        var i = end;
        // A space, or none where kcna.kp lost it ("Kang Pan SokRevolutionary School"); never a possessive.
        if (i < text.Length && text[i] == ' ') i++;
        else if (!(i < text.Length && char.IsUpper(text[i]))) return false;
        Span<char> buffer = stackalloc char[32];
        for (var n = 0; n < 5; n++)
        {
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' && i > start))) i++;
            if (i == start) return false;
            var word = text.AsSpan(start, i - start);
            var small = word is "and" or "of";
            if (!small && !char.IsUpper(word[0])) return false;
            if (n == 0 && small) return false;
            if (word.Length > 32) return false;
            var lower = buffer[..word.Length];
            word.ToLowerInvariant(lower);
            lower.Replace('’', '\'');
            if (Kinds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower)) return true;
            if (!Before.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower)) return false;
            if (i >= text.Length || text[i] != ' ') return false;
            i++;
        }
        return false;
    }
}
