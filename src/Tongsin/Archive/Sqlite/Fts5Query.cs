using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Writes a parsed query as an FTS5 MATCH expression over the index's columns: title, teaser and
/// body for words; ko or kof (Korean bigrams, as written or with initial sounds folded) for Korean;
/// names for the keys of romanised names. Every word and phrase goes in as an FTS5 string (double
/// quotes, inner quotes doubled), so no text a user types is ever FTS5 syntax.
/// </summary>
internal static class Fts5Query
{
    private const string Words = "{title teaser body}";

    public static string From(QueryNode node, bool foldKorean) => node switch
    {
        WordNode w => Word(w, foldKorean),
        PhraseNode p => Phrase(p, foldKorean),
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(p => From(p, foldKorean))) + ")",
        AndNode and => And(and, foldKorean),
        NotNode => throw new QueryException("NOT needs something to narrow"),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Word(WordNode w, bool fold)
    {
        if (w.Field is not null) return $"{{{w.Field}}} : {Quote(w.Text)}{(w.Prefix ? "*" : "")}";
        if (w.Prefix) return $"{Words} : {Quote(w.Text)}*";
        return Hangul.Contains(w.Text) ? Korean([w.Text], fold) : WithName($"{Words} : {Quote(w.Text)}", [w.Text]);
    }

    private static string Phrase(PhraseNode p, bool fold)
    {
        if (p.Field is not null) return $"{{{p.Field}}} : {Quote(p.Text)}";
        var words = p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Hangul.Contains(p.Text) ? Korean(words, fold) : WithName($"{Words} : {Quote(p.Text)}", words);
    }

    // Korean words become their bigrams, one phrase in the Korean column; a one-syllable word is a prefix.
    private static string Korean(IReadOnlyList<string> words, bool fold)
    {
        var (tokens, prefix) = Hangul.PhraseTokens(words, fold);
        var column = fold ? "kof" : "ko";
        return WithName($"{{{column}}} : {Quote(string.Join(' ', tokens))}{(prefix ? "*" : "")}", words);
    }

    // A name also matches its other spellings, through the key in the names column.
    private static string WithName(string expression, IReadOnlyList<string> words) =>
        Romanisation.QueryKey(words) is { } key ? $"({expression} OR {{names}} : {Quote(key)})" : expression;

    // FTS5's NOT is binary: (what must match) NOT (what must not), one exclusion at a time. Plain
    // words one after another that make a name (Kim Jong Un) also match the name however it is spelt.
    private static string And(AndNode and, bool fold)
    {
        var positive = NameRun.Translate(and.Parts.Where(p => p is not NotNode).ToList(), p => From(p, fold),
            name => $"(({string.Join(" AND ", name.Words.Select(w => $"{Words} : {Quote(w)}"))}) OR {{names}} : {Quote(name.Key)})");
        var text = positive.Count == 1 ? positive[0] : "(" + string.Join(" AND ", positive) + ")";
        foreach (var not in and.Parts.OfType<NotNode>()) text = "(" + text + " NOT " + From(not.Part, fold) + ")";
        return text;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
