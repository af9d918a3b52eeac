using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// A query as an FTS5 MATCH expression, and its phrases in the order FTS5 numbers them (the order
/// they stand in the expression), which ranking needs one document frequency each for.
/// </summary>
internal sealed record Fts5Match(string Expression, IReadOnlyList<string> Phrases);

/// <summary>
/// Writes a parsed query as an FTS5 MATCH expression over the index's columns: title, teaser and
/// body for words; ko or kof (Korean bigrams, as written or with initial sounds folded) for Korean;
/// names for the keys of romanised names. Every word and phrase goes in as an FTS5 string (double
/// quotes, inner quotes doubled), so no text a user types is ever FTS5 syntax. Each phrase is
/// noted as it is written, so the expression is never read back to find them.
/// </summary>
internal sealed class Fts5Query
{
    private const string Words = "{title teaser body}";

    private readonly bool _fold;
    private readonly List<string> _phrases = [];

    private Fts5Query(bool fold) => _fold = fold;

    public static Fts5Match From(QueryNode node, bool foldKorean)
    {
        var query = new Fts5Query(foldKorean);
        var expression = query.Write(node);
        return new Fts5Match(expression, query._phrases);
    }

    private string Write(QueryNode node) => node switch
    {
        WordNode w => Word(w),
        PhraseNode p => Phrase(p),
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(Write)) + ")",
        AndNode and => And(and),
        NotNode => throw new QueryException("NOT needs something to narrow"),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    // One phrase of the expression: its columns, its quoted text, and * for a prefix.
    private string Phrase(string columns, string text, bool prefix = false)
    {
        var phrase = $"{columns} : {Quote(text)}{(prefix ? "*" : "")}";
        _phrases.Add(phrase);
        return phrase;
    }

    private string Word(WordNode w)
    {
        if (w.Field is not null) return Phrase($"{{{w.Field}}}", w.Text, w.Prefix);
        if (w.Prefix) return Phrase(Words, w.Text, prefix: true);
        return Hangul.Contains(w.Text) ? Korean([w.Text]) : WithName(Phrase(Words, w.Text), [w.Text]);
    }

    private string Phrase(PhraseNode p)
    {
        if (p.Field is not null) return Phrase($"{{{p.Field}}}", p.Text);
        var words = p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Hangul.Contains(p.Text) ? Korean(words) : WithName(Phrase(Words, p.Text), words);
    }

    // Korean words become their bigrams, one phrase in the Korean column; a one-syllable word is a prefix.
    private string Korean(IReadOnlyList<string> words)
    {
        var (tokens, prefix) = Hangul.PhraseTokens(words, _fold);
        return WithName(Phrase(_fold ? "{kof}" : "{ko}", string.Join(' ', tokens), prefix), words);
    }

    // A name also matches its other spellings, through the key in the names column.
    private string WithName(string expression, IReadOnlyList<string> words) =>
        Romanisation.QueryKey(words) is { } key ? $"({expression} OR {Phrase("{names}", key)})" : expression;

    // FTS5's NOT is binary: (what must match) NOT (what must not), one exclusion at a time. Plain
    // words one after another that make a name (Kim Jong Un) also match the name however it is spelt.
    private string And(AndNode and)
    {
        var positive = NameRun.Translate(and.Parts.Where(p => p is not NotNode).ToList(), Write,
            name =>
            {
                var words = string.Join(" AND ", name.Words.Select(w => Phrase(Words, w)));
                return $"(({words}) OR {Phrase("{names}", name.Key)})";
            });
        var text = positive.Count == 1 ? positive[0] : "(" + string.Join(" AND ", positive) + ")";
        foreach (var not in and.Parts.OfType<NotNode>()) text = "(" + text + " NOT " + Write(not.Part) + ")";
        return text;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
