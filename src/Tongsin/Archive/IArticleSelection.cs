using System.Data.Common;

namespace Tongsin.Archive;

/// <summary>
/// A backend's WHERE clause over articles (a) and sources (s) with its parameters, applied alike
/// to every command that needs it: a count and the page it counts, or an export.
/// </summary>
internal interface IArticleSelection
{
    /// <summary>The clause, empty when it selects everything.</summary>
    string Where { get; }

    /// <summary>Only these sources; none given means every source.</summary>
    void Sources(IReadOnlyList<string>? slugs);

    /// <summary>Published on or after <paramref name="from"/> and on or before <paramref name="to"/>, where given.</summary>
    void Published(DateOnly? from, DateOnly? to);

    /// <summary>Every article but this one.</summary>
    void Except(long articleId);

    /// <summary>A command on the connection with this SQL and the clause's parameters.</summary>
    DbCommand Command(DbConnection c, string sql);
}
