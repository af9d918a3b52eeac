namespace Tongsin.Analysis.Rhetoric;

/// <summary>What a hostile term does to its target (docs/rhetoric.md).</summary>
public enum HostileClass { Insult, Threat, Accusation, Demand }

/// <summary>
/// One hostile term of the lexicon: its words as written (a trailing * lets the last word go on),
/// its class, the target it names on its own when it is an epithet ("puppet" for south Korea), a
/// note for the reviewer, and where it is written.
/// </summary>
public sealed record LexiconTerm(string Text, HostileClass Class, string? StandsFor, string? Note, string File, int Line)
{
    /// <summary>Whether the term lets its last word go on (punish* for punishment).</summary>
    public bool Open => Text.EndsWith('*');

    /// <summary>The words without the *, lower-cased, spaces single.</summary>
    public string Stem => Open ? Text[..^1] : Text;

    public override string ToString() => $"{File}:{Line}: {Text}";
}
