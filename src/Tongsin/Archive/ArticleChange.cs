namespace Tongsin.Archive;

/// <summary>What storing an item did to one article.</summary>
public enum ChangeKind
{
    /// <summary>A new article, with its first version.</summary>
    New,
    /// <summary>A new stub, known from a card.</summary>
    StubAdded,
    /// <summary>A stub's full text arrived: its first version.</summary>
    StubCompleted,
    /// <summary>A changed text: a new version, current unless captured before the current one.</summary>
    NewVersion,
    /// <summary>The same text again: nothing an analysis reads has changed. Counted, never logged.</summary>
    Unchanged,
    /// <summary>Found missing from its outlet.</summary>
    Removed,
    /// <summary>Found again at one of its addresses after it was marked removed.</summary>
    Restored,
    /// <summary>
    /// Merged with another article of the same text: logged for the article merged away (which is
    /// gone; its id leads to the other) and for the one that stays.
    /// </summary>
    Merged,
}

/// <summary>
/// One change to one article: which article, which version it concerns (0 for a stub), what
/// happened, and whether that version is now the current one. Every store returns the changes it
/// made; all but <see cref="ChangeKind.Unchanged"/> are also kept in the archive's log of changes,
/// numbered in the order they were committed, which the analysers read.
/// </summary>
public readonly record struct ArticleChange(long ArticleId, int Version, ChangeKind Kind, bool BecameCurrent = true)
{
    public bool IsLogged => Kind != ChangeKind.Unchanged;

    /// <summary>The name the log keeps for a kind.</summary>
    public static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.New => "new",
        ChangeKind.StubAdded => "stub",
        ChangeKind.StubCompleted => "completed",
        ChangeKind.NewVersion => "version",
        ChangeKind.Unchanged => "unchanged",
        ChangeKind.Removed => "removed",
        ChangeKind.Restored => "restored",
        ChangeKind.Merged => "merged",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
