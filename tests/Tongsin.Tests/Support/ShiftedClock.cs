namespace Tongsin.Tests.Support;

/// <summary>The real clock moved forward by an amount a test sets, so a crawl can be run "a day later" while its delays stay real.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
