namespace Tongsin.Analysis.Appearances;

/// <summary>One appearance of the calendar: the activity, its companions in order, and every article reporting it (the report itself first).</summary>
public sealed record CalendarAppearance(
    long Id, string Person, DateOnly Date, string DateBasis, string Activity, string Kind, string Place,
    IReadOnlyList<Companion> Companions, IReadOnlyList<long> Articles);

/// <summary>How many appearances of one kind fell in a period ("2013" or "2013-03").</summary>
public sealed record KindCount(string Period, string Kind, long Count);

/// <summary>A companion and how many appearances he was named in, with the first and last.</summary>
public sealed record CompanionCount(string Name, string? Entity, long Appearances, DateOnly First, DateOnly Last);

/// <summary>
/// Days without a reported appearance between two that had one; <see cref="Current"/> when it runs
/// to the archive's last day. <see cref="Articles"/> is what the archive holds of those days, and
/// <see cref="ArchiveThin"/> says it holds too few for the gap to tell anything of the person.
/// </summary>
public sealed record CalendarGap(DateOnly After, DateOnly Until, int Days, bool Current, long Articles = 0, bool ArchiveThin = false);

/// <summary>The periods counts are made by.</summary>
public enum CalendarPeriod { Month, Year }
