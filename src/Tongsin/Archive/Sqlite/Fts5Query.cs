using Tongsin.Search;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Writes a parsed query as an FTS5 MATCH expression. Every word and phrase goes in as an FTS5
/// string (double quotes, inner quotes doubled), so no text a user types is ever FTS5 syntax.
/// </summary>
internal static class Fts5Query
{
    public static string From(QueryNode node) => node switch
    {
        WordNode w => Field(w.Field, Quote(w.Text) + (w.Prefix ? "*" : "")),
        PhraseNode p => Field(p.Field, Quote(p.Text)),
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(From)) + ")",
        AndNode and => And(and),
        NotNode not => throw new QueryException("NOT needs something to narrow"),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    // FTS5's NOT is binary: (what must match) NOT (what must not), one exclusion at a time.
    private static string And(AndNode and)
    {
        var positive = and.Parts.Where(p => p is not NotNode).Select(From).ToList();
        var text = positive.Count == 1 ? positive[0] : "(" + string.Join(" AND ", positive) + ")";
        foreach (var not in and.Parts.OfType<NotNode>()) text = "(" + text + " NOT " + From(not.Part) + ")";
        return text;
    }

    private static string Field(string? field, string expression) => field is null ? expression : $"{{{field}}} : {expression}";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
