using System.Text;
using V = Tongsin.Bench.Generation.Vocabulary;
using K = Tongsin.Bench.Generation.KoreanVocabulary;

namespace Tongsin.Bench.Generation;

/// <summary>
/// Writes the title and paragraphs of one article from its own seed, so any article can be
/// written again on any thread without keeping its text in memory.
/// </summary>
internal static class ArticleText
{
    public static string Title(Random rng, bool korean) => korean ? KoreanTitle(rng) : Expand(rng, Pick(rng, V.Titles), title: true);

    /// <summary>The paragraphs of an article: 8 to 15, the first one the lead that cards cut into a teaser.</summary>
    public static List<string> Paragraphs(int seed, bool korean)
    {
        var rng = new Random(seed);
        var count = rng.Next(8, 16);
        var paragraphs = new List<string>(count);
        for (var i = 0; i < count; i++) paragraphs.Add(Paragraph(rng, korean, lead: i == 0));
        return paragraphs;
    }

    /// <summary>The same article with one paragraph (never the lead) written differently, as an outlet edits a story.</summary>
    public static List<string> Edited(int seed, bool korean)
    {
        var paragraphs = Paragraphs(seed, korean);
        var rng = new Random(seed ^ 0x5BD1E995);
        paragraphs[rng.Next(1, paragraphs.Count)] = Paragraph(rng, korean, lead: false);
        return paragraphs;
    }

    public static string Lead(int seed, bool korean)
    {
        var rng = new Random(seed);
        rng.Next(8, 16);
        return Paragraph(rng, korean, lead: true);
    }

    private static string Paragraph(Random rng, bool korean, bool lead)
    {
        var sentences = lead ? 1 : rng.Next(1, 5);
        var sb = new StringBuilder(400);
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(korean ? KoreanSentence(rng) : Expand(rng, Pick(rng, V.Sentences), title: false));
        }
        // Quoted phrases, as state media write them, with typographic quotes now and then.
        if (!korean && rng.Next(6) == 0)
            sb.Append(" This is the \u201C").Append(Pick(rng, V.Adjectives)).Append(' ').Append(Pick(rng, V.Nouns)).Append("\u201D of the DPRK\u2019s people.");
        return sb.ToString();
    }

    private static string Expand(Random rng, string template, bool title)
    {
        var sb = new StringBuilder(template.Length * 2);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            var value = Fill(rng, slot.ToLowerInvariant());
            if (title) value = Capitalise(value, everyWord: true, first: open == 0);
            else if (char.IsUpper(slot[0]) || open == 0) value = Capitalise(value, everyWord: false, first: true);
            sb.Append(value);
            i = close + 1;
        }
        return sb.ToString();
    }

    private static string Fill(Random rng, string slot) => slot switch
    {
        "leader" => Pick(rng, V.Leaders),
        "party" => Pick(rng, V.Party),
        "enemy" => Pick(rng, V.Enemies),
        "province" => rng.Next(3) == 0 ? Names.County(rng) : Pick(rng, V.Provinces),
        "city" => rng.Next(2) == 0 ? "Pyongyang" : Names.Place(rng) + " City",
        "place" => rng.Next(3) == 0 ? Names.Place(rng) + " " + Pick(rng, ["Middle School", "University", "Hotel", "Hall of Culture", "Revolutionary Site"]) : Pick(rng, V.Places),
        "works" => Names.Works(rng),
        "farm" => Names.Farm(rng),
        "person" => Names.Person(rng),
        "post" => Pick(rng, V.Posts),
        "country" => Pick(rng, V.Countries),
        "occasion" => Pick(rng, V.Occasions),
        "sector" => Pick(rng, V.Sectors),
        "adj" or "adj2" or "adjective" => Pick(rng, V.Adjectives),
        "noun" or "noun2" => Pick(rng, V.Nouns),
        "verb" => Pick(rng, V.VerbsPast),
        "n" or "n2" or "number" => Number(rng),
        "few" => rng.Next(2, 40).ToString(),
        "pct" => rng.Next(3) == 0 ? $"{rng.Next(1, 60)}.{rng.Next(10)}" : rng.Next(1, 300).ToString(),
        "year" => rng.Next(1945, 2026).ToString(),
        "ord" or "ordinal" => Ordinal(rng.Next(1, 90)),
        "month" => Pick(rng, V.Months),
        "day" => rng.Next(1, 29).ToString(),
        "crop" => Pick(rng, V.Crops).ToLowerInvariant(),
        "weapon" => Pick(rng, V.Weapons),
        "product" => Pick(rng, V.Products),
        "group" => Pick(rng, V.Groups),
        _ => throw new InvalidOperationException($"unknown slot {{{slot}}}"),
    };

    private static string Number(Random rng) => rng.Next(4) switch
    {
        0 => rng.Next(2, 20).ToString(),
        1 => rng.Next(20, 1000).ToString(),
        2 => rng.Next(1000, 100000).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        _ => rng.Next(100, 10000).ToString(),
    };

    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Capitalise(string value, bool everyWord, bool first)
    {
        if (value.Length == 0) return value;
        if (!everyWord) return char.ToUpperInvariant(value[0]) + value[1..];
        var words = value.Split(' ');
        for (var i = 0; i < words.Length; i++)
            if (words[i].Length > 0 && ((i == 0 && first) || words[i] is not ("of" or "the" or "and" or "for" or "in" or "on" or "to" or "against" or "by" or "with" or "at")))
                words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
        return string.Join(' ', words);
    }

    private static string KoreanTitle(Random rng) =>
        (Pick(rng, K.TitleHeads) + " " + (rng.Next(2) == 0 ? Pick(rng, K.Works) : Pick(rng, K.Provinces) + " " + Pick(rng, K.Objects)) + Pick(rng, K.TitleTails)).Trim();

    private static string KoreanSentence(Random rng) => rng.Next(4) switch
    {
        0 => $"{Pick(rng, K.Leaders)} {Pick(rng, K.Works)}{Pick(rng, ["을 현지지도하시였다.", "의 생산실태를 료해하시였다.", "에서 새로 건설한 생산공정을 돌아보시였다."])}",
        1 => $"{Pick(rng, K.Provinces)}의 {Pick(rng, K.Subjects)}은 {Pick(rng, K.Objects)}{Pick(rng, K.Verbs)}.",
        2 => $"{Pick(rng, K.Enemies)}{Pick(rng, K.Condemnations)}.",
        _ => $"{Pick(rng, K.Works)}에서는 올해 {rng.Next(2, 12)}월까지 계획을 {rng.Next(101, 180)}%로 넘쳐 수행하였다.",
    };

    internal static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
