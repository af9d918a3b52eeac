using System.Globalization;

namespace Tongsin.Search;

/// <summary>
/// What one search may cost: how long it may run, and how many words of the index one prefix
/// (word*) may stand for. A prefix of one or two letters stands for thousands of words, and a
/// search over all their articles would hold a core for seconds; past the bound it is refused
/// before anything is searched. Past the budget the search is stopped where it is.
/// </summary>
public sealed record SearchBounds(TimeSpan Budget, int PrefixTerms)
{
    /// <summary>The web's bounds, and the command line's unless it asks for more.</summary>
    public static readonly SearchBounds Default = new(TimeSpan.FromSeconds(5), 1000);

    /// <summary>No bound at all: for a user who asks for it on the command line.</summary>
    public static readonly SearchBounds None = new(Timeout.InfiniteTimeSpan, int.MaxValue);
}

/// <summary>
/// A search stopped because it ran past its time budget, or (<paramref name="busy"/>) could not
/// start within it because the server was busy with other searches.
/// </summary>
public sealed class SearchBudgetException(TimeSpan budget, bool busy = false)
    : Exception(busy
        ? $"the server is busy with other searches and could not start this one within {Seconds(budget)} s; try again in a moment"
        : $"the search ran past its budget of {Seconds(budget)} s; narrow it with more words, a source or a date range")
{
    private static string Seconds(TimeSpan budget) => budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    public TimeSpan Budget { get; } = budget;
}

/// <summary>
/// The clock of one search: a token that ends when the caller gives up or the budget runs out.
/// A backend stops its database work when <see cref="Token"/> ends and calls <see cref="Stopped"/>
/// for the exception to throw.
/// </summary>
public sealed class SearchBudget : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _budget;

    private SearchBudget(TimeSpan budget, CancellationToken caller)
    {
        _budget = budget;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (budget == Timeout.InfiniteTimeSpan) return;
        // Under a millisecond the timer would round to nothing and fire late: the budget is spent already.
        if (budget < TimeSpan.FromMilliseconds(1)) _source.Cancel();
        else _source.CancelAfter(budget);
    }

    public static SearchBudget Start(SearchBounds bounds, CancellationToken caller) => new(bounds.Budget, caller);

    /// <summary>Ends when the caller gives up or the budget runs out.</summary>
    public CancellationToken Token => _source.Token;

    public bool Ended => _source.IsCancellationRequested;

    /// <summary>Throws when the search must stop: <see cref="OperationCanceledException"/> for a caller who gave up, else <see cref="SearchBudgetException"/>.</summary>
    public void Check()
    {
        if (Ended) throw Stopped();
    }

    /// <summary>Why the search stopped: the caller gave up, or the budget ran out.</summary>
    public Exception Stopped() => _caller.IsCancellationRequested
        ? new OperationCanceledException("the search was abandoned", _caller)
        : new SearchBudgetException(_budget);

    /// <summary>
    /// Runs a search's work; an exception that <paramref name="stoppedHere"/> says the database
    /// threw because this budget stopped it becomes the reason it stopped (<see cref="Stopped"/>).
    /// </summary>
    public T Run<T>(Func<T> work, Func<Exception, bool> stoppedHere)
    {
        try { return work(); }
        catch (Exception e) when (stoppedHere(e)) { throw Stopped(); }
    }

    public void Dispose() => _source.Dispose();
}

/// <summary>Refuses a query whose prefixes stand for more words of the index than its bounds allow.</summary>
public static class PrefixBound
{
    /// <summary>
    /// Throws a <see cref="QueryException"/> for the first prefix that stands for more than
    /// <paramref name="most"/> words. <paramref name="wordsBeginning"/> counts the index's words
    /// that begin with a (lower-case) prefix, up to the limit it is given.
    /// </summary>
    public static void Check(QueryNode? node, int most, Func<string, int, long> wordsBeginning)
    {
        if (node is null || most == int.MaxValue) return;
        foreach (var prefix in Prefixes(node).Distinct())
        {
            var words = wordsBeginning(prefix, most + 1);
            if (words > most)
                throw new QueryException($"{prefix}* matches too many words (more than {most.ToString("N0", CultureInfo.InvariantCulture)}); add letters");
        }
    }

    /// <summary>The prefixes of a query, lower-cased as the index keeps its words.</summary>
    public static IEnumerable<string> Prefixes(QueryNode node) => node switch
    {
        WordNode { Prefix: true } w => [w.Text.ToLowerInvariant()],
        AndNode a => a.Parts.SelectMany(Prefixes),
        OrNode o => o.Parts.SelectMany(Prefixes),
        NotNode n => Prefixes(n.Part),
        _ => [],
    };
}
