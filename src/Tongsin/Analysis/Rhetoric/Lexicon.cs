using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Rhetoric;

/// <summary>
/// The hostile terms of KCNA's English prose (Analysis/Rhetoric/lexicon.tsv, built into the engine;
/// docs/rhetoric.md says how it was made) and the search for them in a sentence: whole words, any
/// case, any whitespace between words, an open term's last word let go on.
/// </summary>
public sealed class Lexicon
{
    private const string Resource = "Tongsin.Rhetoric.lexicon.tsv";

    private readonly Regex pattern;
    private readonly string[] groups;

    public IReadOnlyList<LexiconTerm> Terms { get; }

    private Lexicon(IReadOnlyList<LexiconTerm> terms)
    {
        Terms = terms;
        groups = terms.Select((_, i) => $"t{i}").ToArray();
        // One capturing group a term, the longest first, so that "human scum" wins over "scum".
        var alternatives = terms.Select((t, i) => (t, i)).OrderByDescending(x => x.t.Stem.Length)
            .Select(x => $"(?<t{x.i}>{Words(x.t)})");
        pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join("|", alternatives)})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);
    }

    private static string Words(LexiconTerm term)
    {
        var sb = new StringBuilder();
        foreach (var c in term.Stem)
            sb.Append(c switch { ' ' => @"\s+", '’' or '\'' => "['’]", _ => Regex.Escape(c.ToString()) });
        sb.Append(term.Open ? @"\p{L}*" : "");
        sb.Append(@"(?![\p{L}\p{N}])");
        return sb.ToString();
    }

    /// <summary>The lexicon built into the engine.</summary>
    public static Lexicon Load()
    {
        var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"no resource {Resource}");
        return Read("lexicon.tsv", new StreamReader(stream));
    }

    /// <summary>A lexicon file of one's own.</summary>
    public static Lexicon Load(string path) =>
        File.Exists(path) ? Read(path, new StreamReader(path)) : throw new LexiconException([$"{path}: no such file"]);

    /// <summary>A lexicon from text at hand, named <paramref name="file"/> in its errors.</summary>
    public static Lexicon Read(string file, TextReader reader)
    {
        var errors = new List<string>();
        List<LexiconTerm> terms;
        using (reader) terms = LexiconFile.Read(file, reader, errors);
        LexiconFile.Check(terms, errors);
        if (terms.Count == 0 && errors.Count == 0) errors.Add($"{file}: no terms");
        if (errors.Count > 0) throw new LexiconException(errors);
        return new Lexicon(terms);
    }

    /// <summary>The terms a sentence carries, each once, in the order first met.</summary>
    public IReadOnlyList<LexiconTerm> Find(string sentence)
    {
        List<LexiconTerm>? found = null;
        for (var m = pattern.Match(sentence); m.Success; m = m.NextMatch())
        {
            var term = Terms[Group(m)];
            found ??= [];
            if (!found.Contains(term)) found.Add(term);
        }
        return found ?? (IReadOnlyList<LexiconTerm>)[];
    }

    /// <summary>Whether a sentence carries any term at all: the scorer's question, without the list.</summary>
    public bool Any(string sentence) => pattern.IsMatch(sentence);

    private int Group(Match m)
    {
        for (var i = 0; i < Terms.Count; i++)
            if (m.Groups[groups[i]].Success) return i;
        throw new InvalidOperationException("a lexicon match without its term");
    }
}
