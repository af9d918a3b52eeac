using NpgsqlTypes;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// Writes a parsed query as a condition over article_search (x): each word or phrase is a tsquery
/// made by a function from a parameter (phraseto_tsquery for words and phrases, to_tsquery for
/// prefixes and the archive's own Korean and name tokens) matched against one column: words (title,
/// teaser, body), title for title:, ko or kof for Korean, names for the keys of romanised names.
/// AND, OR and NOT become the SQL operators around those matches. The SQL text holds only the
/// query's shape; what the user typed reaches the server as parameter values, never as SQL.
/// It follows the SQLite translation (Fts5Query) case by case, so both find the same articles.
/// The tsqueries of the positive parts are gathered per column for ranking and snippets.
/// </summary>
internal sealed class TsQueryBuilder(PgFilter parameters, bool foldKorean)
{
    private const string Config = PostgresSearchRow.Config;

    public List<string> WordQueries { get; } = [];
    public List<string> KoreanQueries { get; } = [];
    public List<string> NameQueries { get; } = [];

    private bool _negated;

    public string Condition(QueryNode node) => node switch
    {
        AndNode or OrNode when WordsOnly(node) => Match("x.words", "(" + WordsQuery(node) + ")", []),
        WordNode w => Word(w),
        PhraseNode p => Phrase(p),
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(Condition)) + ")",
        AndNode and => And(and),
        NotNode => throw new QueryException("NOT needs something to narrow"),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private string Word(WordNode w)
    {
        if (w.Field is not null) return Match("x.title", w.Prefix ? Prefix(w.Text) : Words(w.Text), WordQueries);
        if (w.Prefix) return Match("x.words", Prefix(w.Text), WordQueries);
        return Hangul.Contains(w.Text) ? Korean([w.Text]) : WithName(Match("x.words", Words(w.Text), WordQueries), [w.Text]);
    }

    private string Phrase(PhraseNode p)
    {
        if (p.Field is not null) return Match("x.title", Words(p.Text), WordQueries);
        var words = p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Hangul.Contains(p.Text) ? Korean(words) : WithName(Match("x.words", Words(p.Text), WordQueries), words);
    }

    /// <summary>
    /// Whether the node is plain words, phrases and prefixes in the words column alone (no title:, no
    /// Korean, no name that other spellings also match), with AND, OR and NOT. Such a query becomes
    /// one tsquery, so that the index answers the NOT as well (GIN knows which rows hold the word
    /// left out) rather than the text of every match being read to test it.
    /// </summary>
    private static bool WordsOnly(QueryNode node) => node switch
    {
        WordNode { Field: null } w => !Hangul.Contains(w.Text) && (w.Prefix || Romanisation.QueryKey([w.Text]) is null),
        PhraseNode { Field: null } p => !Hangul.Contains(p.Text) && Romanisation.QueryKey(p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) is null,
        OrNode or => or.Parts.All(WordsOnly),
        AndNode and => and.Parts.Any(p => p is not NotNode) && and.Parts.All(p => WordsOnly(p is NotNode n ? n.Part : p))
            && !NameRun.Any(and.Parts.Where(p => p is not NotNode).ToList()),
        _ => false,
    };

    // The tsquery of a node that is WordsOnly; the positive words are gathered for ranking and snippets.
    private string WordsQuery(QueryNode node)
    {
        switch (node)
        {
            case WordNode w:
                return Gather(w.Prefix ? Prefix(w.Text) : Words(w.Text));
            case PhraseNode p:
                return Gather(Words(p.Text));
            case OrNode or:
                return "(" + string.Join(" || ", or.Parts.Select(WordsQuery)) + ")";
            case AndNode and:
                var parts = and.Parts.Where(p => p is not NotNode).Select(WordsQuery).ToList();
                var was = _negated;
                _negated = true;
                parts.AddRange(and.Parts.OfType<NotNode>().Select(n => "!!" + WordsQuery(n.Part)));
                _negated = was;
                return "(" + string.Join(" && ", parts) + ")";
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    private string Gather(string tsquery)
    {
        if (!_negated) WordQueries.Add(tsquery);
        return tsquery;
    }

    // Words one after another, stemmed as the index stems them: a word of several parts (Jong-un) is a phrase of them.
    private string Words(string text) => $"phraseto_tsquery('{Config}', {parameters.Parameter(text)})";

    // A prefix query of the word's letters and digits: the last part is the prefix, the parts before it a phrase.
    private string Prefix(string text)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0) { parts.Add(text[start..i]); start = -1; }
        }
        if (parts.Count == 0) throw new QueryException($"'{text}*' has no letters or digits before the '*'");
        return $"to_tsquery('{Config}', {parameters.Parameter(TsText.Phrase(parts, prefix: true))})";
    }

    // Korean words become their bigrams, one phrase in the Korean column; a one-syllable word is a prefix.
    private string Korean(IReadOnlyList<string> words)
    {
        var (tokens, prefix) = Hangul.PhraseTokens(words, foldKorean);
        var column = foldKorean ? "x.kof" : "x.ko";
        return WithName(Match(column, Tokens(TsText.Phrase(tokens, prefix)), KoreanQueries), words);
    }

    // The archive's own tokens, written out as a tsquery and read as one: no dictionary changes them.
    private string Tokens(string tsquery) => $"{parameters.Parameter(tsquery)}::tsquery";

    // A name also matches its other spellings, through the key in the names column.
    private string WithName(string condition, IReadOnlyList<string> words) =>
        Romanisation.QueryKey(words) is { } key ? $"({condition} OR {Match("x.names", Tokens(TsText.Phrase([key], false)), NameQueries)})" : condition;

    private string Match(string column, string tsquery, List<string> gathered)
    {
        if (!_negated) gathered.Add(tsquery);
        return $"{column} @@ {tsquery}";
    }

    // Plain words one after another that make a name (Kim Jong Un) also match the name however it is spelt.
    private string And(AndNode and)
    {
        var positive = NameRun.Translate(and.Parts.Where(p => p is not NotNode).ToList(), Condition, name =>
        {
            var each = string.Join(" AND ", name.Words.Select(w => Match("x.words", Words(w), WordQueries)));
            return $"(({each}) OR {Match("x.names", Tokens(TsText.Phrase([name.Key], false)), NameQueries)})";
        });
        var text = positive.Count == 1 ? positive[0] : "(" + string.Join(" AND ", positive) + ")";
        foreach (var not in and.Parts.OfType<NotNode>())
        {
            var was = _negated;
            _negated = true;
            text = "(" + text + " AND NOT " + Condition(not.Part) + ")";
            _negated = was;
        }
        return text;
    }
}

