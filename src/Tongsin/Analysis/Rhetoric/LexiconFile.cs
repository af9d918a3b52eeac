using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Rhetoric;

/// <summary>
/// The lexicon's file: tab-separated lines of term, class, what the term stands for, note; # starts
/// a comment line. Every line is checked and every problem kept, so that a reviewer fixes them all
/// at once; a term another one already matches (war moves beside war move*) is a problem too,
/// because its counts would be read twice.
/// </summary>
internal static partial class LexiconFile
{
    // Lower-case words of letters, joined by single spaces, hyphens or apostrophes; an optional * at the end.
    [GeneratedRegex(@"^[a-z]+(?:['’-][a-z]+)*(?: [a-z]+(?:['’-][a-z]+)*)*\*?$")]
    private static partial Regex TermShape();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugShape();

    public static List<LexiconTerm> Read(string file, TextReader reader, List<string> errors)
    {
        var terms = new List<LexiconTerm>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart()[0] == '#') continue;
            var where = $"{file}:{number}";
            var fields = line.Split('\t');
            if (fields.Length is < 2 or > 4) { errors.Add($"{where}: a term line has 2 to 4 tab-separated fields (term, class, stands for, note), not {fields.Length}"); continue; }
            var text = fields[0].Trim();
            if (!TermShape().IsMatch(text)) { errors.Add($"{where}: '{text}' is not a term: lower-case words, single spaces, an optional * at the end"); continue; }
            if (!Enum.TryParse<HostileClass>(fields[1].Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || fields[1].Trim().Any(char.IsDigit))
            { errors.Add($"{where}: '{fields[1].Trim()}' is not a class; write insult, threat, accusation or demand"); continue; }
            var standsFor = fields.Length > 2 && fields[2].Trim().Length > 0 ? fields[2].Trim() : null;
            if (standsFor is not null && !SlugShape().IsMatch(standsFor)) { errors.Add($"{where}: '{standsFor}' is not a gazetteer slug"); continue; }
            var note = fields.Length > 3 && fields[3].Trim().Length > 0 ? fields[3].Trim() : null;
            terms.Add(new LexiconTerm(text, kind, standsFor, note, file, number));
        }
        return terms;
    }

    /// <summary>What needs every line at once: a term written twice, or one an open term already matches.</summary>
    public static void Check(IReadOnlyList<LexiconTerm> terms, List<string> errors)
    {
        var seen = new Dictionary<string, LexiconTerm>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (seen.TryGetValue(term.Text, out var first)) errors.Add($"{term.File}:{term.Line}: '{term.Text}' is written already at line {first.Line}");
            else seen[term.Text] = term;
        }
        foreach (var term in terms)
            foreach (var open in terms.Where(o => o.Open && !ReferenceEquals(o, term)))
                if (term.Stem.StartsWith(open.Stem, StringComparison.Ordinal) && term.Stem.Length >= open.Stem.Length
                    && !term.Stem[open.Stem.Length..].Contains(' ') && !(term.Open && term.Stem == open.Stem))
                    errors.Add($"{term.File}:{term.Line}: '{term.Text}' is matched already by '{open.Text}' at line {open.Line}");
    }
}
