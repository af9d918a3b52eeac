using System.Collections.Concurrent;

namespace Tongsin.App.Web;

/// <summary>
/// A fixed window of requests for each client address, starting at its first request. The
/// framework's fixed-window limiter tells a refused client the whole window as Retry-After, late
/// in the window too; this one knows when each client's window ends.
/// </summary>
internal sealed class RateLimit(int permits, TimeSpan window, TimeProvider clock)
{
    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _nextSweep;

    public int Permits => permits;

    public TimeSpan Length => window;

    /// <summary>Counts a request of the client: null when it may go on, else how long until its window ends.</summary>
    public TimeSpan? Take(string client)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var w = _windows.GetOrAdd(client, static (_, start) => new Window(start), now);
        lock (w)
        {
            if (now - w.Start >= window)
            {
                w.Start = now;
                w.Count = 0;
            }
            if (w.Count >= permits) return w.Start + window - now;
            w.Count++;
            return null;
        }
    }

    // At most once a window, forgets the clients whose window has ended, so the table holds only recent ones.
    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + window).UtcTicks, due) != due) return;
        foreach (var (client, w) in _windows)
        {
            bool ended;
            lock (w) ended = now - w.Start >= window;
            if (ended) _windows.TryRemove(new KeyValuePair<string, Window>(client, w));
        }
    }
}
