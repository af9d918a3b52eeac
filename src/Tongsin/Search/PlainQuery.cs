namespace Tongsin.Search;

/// <summary>A word or a "quoted phrase" of a query; every term must match.</summary>
public sealed record QueryTerm(string Text, bool IsPhrase);

/// <summary>
/// Plain queries: words and "exact phrases", all of which must match. Quotes that are not closed
/// run to the end of the query. Terms without a letter or digit are dropped.
/// </summary>
public static class PlainQuery
{
    public static IReadOnlyList<QueryTerm> Parse(string query)
    {
        var terms = new List<QueryTerm>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            if (query[i] is '"' or '\u201C' or '\u201D')
            {
                var close = query.IndexOfAny(['"', '\u201C', '\u201D'], i + 1);
                var phrase = close < 0 ? query[(i + 1)..] : query[(i + 1)..close];
                Add(terms, phrase, isPhrase: true);
                i = close < 0 ? query.Length : close + 1;
                continue;
            }
            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('"' or '\u201C' or '\u201D')) i++;
            Add(terms, query[start..i], isPhrase: false);
        }
        if (terms.Count == 0)
            throw new QueryException(string.IsNullOrWhiteSpace(query) ? "the query is empty" : "the query has no words to search for");
        return terms;
    }

    private static void Add(List<QueryTerm> terms, string text, bool isPhrase)
    {
        var trimmed = text.Trim();
        if (trimmed.Any(char.IsLetterOrDigit)) terms.Add(new QueryTerm(trimmed, isPhrase));
    }
}
