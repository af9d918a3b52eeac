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
    [ThreadStatic] private static bool _skipped;

    /// <summary>
    /// Until disposed, the derived columns read empty on this thread. FTS5 reads a whole row of the
    /// view to cut a snippet from one column, and working out a long article's bigrams and name
    /// keys only to throw them away costs more than the snippet.
    /// </summary>
    public static IDisposable Skipped()
    {
        _skipped = true;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => _skipped = false;
    }

    public static void Register(SqliteConnection connection)
    {
        string? lastTitle = null, lastTeaser = null, lastBody = null;
        var last = SearchTerms.Empty;
        connection.CreateFunction("tongsin_terms", (string? title, string? teaser, string? body, long which) =>
        {
            if (_skipped) return "";
            if (!(title == lastTitle && teaser == lastTeaser && body == lastBody))
            {
                last = SearchTerms.Of(title, teaser, body);
                (lastTitle, lastTeaser, lastBody) = (title, teaser, body);
            }
            return which switch { 0 => last.Korean, 1 => last.KoreanFolded, _ => last.Names };
        }, isDeterministic: true);
    }
}
