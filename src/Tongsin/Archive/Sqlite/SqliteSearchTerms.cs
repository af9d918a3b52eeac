using Microsoft.Data.Sqlite;
using Tongsin.Search;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// The SQL function tongsin_terms(title, teaser, body, which) behind the full-text index's derived
/// columns: 0 the Korean bigrams, 1 the folded bigrams, 2 the name keys. Registered on each
/// connection; it remembers the last text it was given, because the index asks for the three
/// columns of one row one after another.
/// </summary>
internal static class SqliteSearchTerms
{
    public static void Register(SqliteConnection connection)
    {
        string? lastTitle = null, lastTeaser = null, lastBody = null;
        var last = SearchTerms.Empty;
        connection.CreateFunction("tongsin_terms", (string? title, string? teaser, string? body, long which) =>
        {
            if (!(title == lastTitle && teaser == lastTeaser && body == lastBody))
            {
                last = SearchTerms.Of(title, teaser, body);
                (lastTitle, lastTeaser, lastBody) = (title, teaser, body);
            }
            return which switch { 0 => last.Korean, 1 => last.KoreanFolded, _ => last.Names };
        }, isDeterministic: true);
    }
}
