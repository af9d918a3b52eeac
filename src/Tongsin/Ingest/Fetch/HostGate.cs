namespace Tongsin.Ingest.Fetch;

/// <summary>
/// Spaces the requests to one host: no more than <see cref="HostPolicy.Concurrency"/> at once, and
/// a request starts at least <see cref="HostPolicy.Delay"/> after the previous one started and after
/// the previous one ended, so the gaps the host sees are never shorter than the delay, however long
/// a connection took to set up. Spacing runs on the monotonic clock, so a wall clock that jumps
/// cannot shorten it. While the host's circuit is open, nothing starts before it closes.
/// </summary>
internal sealed class HostGate(HostPolicy policy, TimeProvider clock)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, policy.Concurrency));
    private readonly Lock _lock = new();
    private long _nextStart = long.MinValue;
    private DateTimeOffset _closedUntil = DateTimeOffset.MinValue;
    private int _failures;

    public HostPolicy Policy => policy;

    /// <summary>When the circuit closes again; in the past when it is closed.</summary>
    public DateTimeOffset OpenUntil { get { lock (_lock) return _closedUntil; } }

    /// <summary>
    /// Waits for the host's turn. Null when the circuit is open: a request queued behind a refusal
    /// goes back to the crawl queue rather than waiting out a ban of minutes.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    if (_closedUntil > clock.GetUtcNow())
                    {
                        _slots.Release();
                        return null;
                    }
                    var now = clock.GetTimestamp();
                    wait = _nextStart == long.MinValue || now >= _nextStart ? TimeSpan.Zero : clock.GetElapsedTime(now, _nextStart);
                    if (wait <= TimeSpan.Zero)
                    {
                        _nextStart = now + Ticks(policy.Delay);
                        return new Slot(this);
                    }
                }
                await Task.Delay(wait, clock, cancel);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Succeeded()
    {
        lock (_lock) _failures = 0;
    }

    /// <summary>A failure; the circuit opens after enough of them in a row.</summary>
    public void Failed()
    {
        lock (_lock)
        {
            if (++_failures >= policy.FailuresToOpen) OpenFor(policy.Cooldown);
        }
    }

    /// <summary>The host refused us (403, 429) or named a time to come back: back off at once.</summary>
    public void Refused(TimeSpan? retryAfter)
    {
        lock (_lock) OpenFor(retryAfter ?? policy.Cooldown);
    }

    private void OpenFor(TimeSpan span)
    {
        var until = clock.GetUtcNow() + span;
        if (until > _closedUntil) _closedUntil = until;
        _failures = 0;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    private void Release()
    {
        lock (_lock)
        {
            var after = clock.GetTimestamp() + Ticks(policy.Delay);
            if (after > _nextStart) _nextStart = after;
        }
        _slots.Release();
    }

    private sealed class Slot(HostGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
