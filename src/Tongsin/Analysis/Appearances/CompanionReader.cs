using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Tongsin.Analysis.Entities;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// The people a report says were with him: "He was accompanied by X, Y and Z", "Present there
/// were ...", "He was greeted on the spot by ...", in Korean "... 동지가 동행하였다". Names are read
/// in the order written, titles left out: a Korean name is a known surname and one or two
/// syllables ("KPA General Ri Myong Su" gives Ri Myong Su); any other is a person the gazetteer
/// knows. A name that opens a longer proper name ("Kim Il Sung University") is no one. Each is
/// linked to its gazetteer entity when the spelling names one person (or one holding a post that
/// year).
/// </summary>
public sealed partial class CompanionReader(Gazetteer gazetteer)
{
    private readonly IReadOnlyList<EntitySpelling> _people = gazetteer.Spellings
        .Where(s => s.Entity.Kind == EntityKind.Person && s.Text.Length >= 6 && s.Text.Contains(' ') && !Hangul.IsMatch(s.Text)).ToList();

    // The surnames of the DPRK as KCNA writes them: a name must open with one.
    private static readonly FrozenSet<string> Surnames = new[]
    {
        "Kim", "Ri", "Pak", "Choe", "Jo", "Jang", "Jong", "Hwang", "Hyon", "Hyong", "O", "Ryu", "Ju", "Mun", "So", "Han", "Kang", "Jon", "Yun", "Hong",
        "Ryom", "Thae", "Pyon", "Paek", "Kwak", "Yang", "Chae", "Ko", "Song", "No", "Ho", "Ma", "Sin", "Tong", "An", "Chon", "Cha", "Jin", "Kye", "Rim",
        "Nam", "Om", "Won", "Wang", "Sim", "Min", "Ryang", "Pang", "Ra", "Yu", "Kwon", "Sok", "Ok", "Yon", "Son", "Chang", "Kil", "Ryo", "Cho", "Phyo",
        "Pae", "Chu", "Ji", "Tae", "Yo", "Pong", "Kung", "Chi", "Mo", "Kong", "U", "Chong", "Maeng", "Pyo",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?:[KTPSJC]h?|Kk|Tt|Pp|Ss|Jj|[NMRLHGDBYW])?[yw]?(?:a|ae|e|i|o|oe|u|ui|eu|wa|wo|wae|we|wi)(?:ng|n|m|l|k|p|t|r)?$")]
    private static partial Regex Syllable();

    [GeneratedRegex(@"\p{IsHangulSyllables}")]
    private static partial Regex HangulPattern();

    private static readonly Regex Hangul = HangulPattern();

    [GeneratedRegex(@"\b[A-Z][a-z]*\b")]
    private static partial Regex Capitalised();

    /// <summary>The list of names a companion sentence gives, or null when the sentence gives none.</summary>
    [GeneratedRegex(@"(?:^|\b)(?:(?:He|She|Kim Jong Un|Kim Jong Il|the (?:supreme )?leader|the Supreme Leader|[A-Z][\w ’']{0,40}?) (?:was|were) (?:also )?(?:accompanied|greeted|welcomed|met)(?: (?:there|on the spot|at the [\w ]{1,40}?|on arrival|upon arrival|on his arrival|on the inspection|on the visit|in the field|warmly))* by (?<list>.+)$)|^(?:Accompanying (?:him|them)|Present(?: there| at [^,]{1,60}?| on the occasion)?|Also present|Among (?:those present|the audience|the spectators|the guests|them)) (?:were|was) (?:also )?(?<list>.+)$|^(?<list>.+?) (?:were|was) (?:also )?(?:present|on hand)\b|^(?<list>.+?) accompanied (?:him|Kim Jong \w+)\b")]
    private static partial Regex CompanionSentence();

    /// <summary>The companions named in <paramref name="sentence"/>, or none when it is not a sentence about companions; <paramref name="subject"/> (the person himself) is left out.</summary>
    public IReadOnlyList<Companion> Read(string sentence, string subject, int year)
    {
        var m = CompanionSentence().Match(sentence.TrimEnd('.', ' '));
        if (!m.Success) return [];
        var list = m.Groups["list"].Value;
        var found = new List<(int At, int Length, string Name)>();
        // Korean names, each checked syllable by syllable.
        var words = Capitalised().Matches(list);
        for (var i = 0; i < words.Count; i++)
        {
            if (!Surnames.Contains(words[i].Value)) continue;
            var end = i;
            while (end + 1 < words.Count && end - i < 2 && Adjacent(list, words[end], words[end + 1]) && Syllable().IsMatch(words[end + 1].Value)) end++;
            if (end == i) continue;
            // A longer proper name goes on: "Kim Il Sung University", "Kim Jong Suk Pyongyang Silk Mill".
            if (end + 1 < words.Count && Adjacent(list, words[end], words[end + 1])) { i = end; continue; }
            var at = words[i].Index;
            var length = words[end].Index + words[end].Length - at;
            if (at + length < list.Length && (list[at + length] is '\'' or '’')) { i = end; continue; }
            found.Add((at, length, list.Substring(at, length)));
            i = end;
        }
        // Others the gazetteer knows (hosts abroad, foreign guests present).
        foreach (var spelling in _people)
        {
            var at = list.IndexOf(spelling.Text, StringComparison.Ordinal);
            if (at < 0 || found.Any(f => at < f.At + f.Length && f.At < at + spelling.Text.Length)) continue;
            var after = at + spelling.Text.Length;
            if ((at > 0 && char.IsLetter(list[at - 1])) || (after < list.Length && char.IsLetter(list[after]))) continue;
            found.Add((at, spelling.Text.Length, spelling.Text));
        }
        var subjectKey = SpellingKey.Of(subject);
        return found.OrderBy(f => f.At)
            .Select(f => f.Name)
            .Where(n => SpellingKey.Of(n) != subjectKey)
            .Distinct(StringComparer.Ordinal)
            .Select(n => new Companion(n, Link(n, year)))
            .ToList();
    }

    // Two words one space apart: a name does not run over a comma or a line.
    private static bool Adjacent(string text, Match a, Match b) =>
        b.Index == a.Index + a.Length + 1 && text[a.Index + a.Length] == ' ';

    /// <summary>The slug of the one person this name is, or of the one holding a post that year; null when unknown or ambiguous.</summary>
    public string? Link(string name, int year)
    {
        var people = gazetteer.Find(name).Where(e => e.Kind == EntityKind.Person).ToList();
        if (people.Count == 1) return people[0].Slug;
        var holding = people.Where(p => p.RolesIn(year).Any()).ToList();
        return holding.Count == 1 ? holding[0].Slug : null;
    }

    [GeneratedRegex(@"(?<name>\p{IsHangulSyllables}{2,3})\s*동지(?:가|들이|를|께서)?")]
    private static partial Regex KoreanComrade();

    [GeneratedRegex(@"동행하였다|동행하였습니다|맞이하였다|참가하였다|함께 하였다|참석하였다")]
    private static partial Regex KoreanCompanionVerb();

    /// <summary>The companions of a Korean sentence ("리병철동지, 조용원동지가 동행하였다"): each name before 동지, the last word of its title-and-name run.</summary>
    public IReadOnlyList<Companion> ReadKorean(string sentence, string subject, int year)
    {
        if (!KoreanCompanionVerb().IsMatch(sentence)) return [];
        var subjectKey = SpellingKey.Of(subject);
        return KoreanComrade().Matches(sentence)
            .Select(m => m.Groups["name"].Value)
            .Where(n => SpellingKey.Of(n) != subjectKey && !n.EndsWith("김정은", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(n => new Companion(n, Link(n, year)))
            .ToList();
    }
}
