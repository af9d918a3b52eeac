namespace Tongsin.Analysis.Statements;

/// <summary>What sort of statement an article carries; docs/statements.md has the rules.</summary>
public enum StatementKind
{
    PressStatement,
    Statement,
    /// <summary>A spokesperson's answer to a question (most often one "raised by KCNA").</summary>
    Answer,
    /// <summary>A commentary of KCNA, Rodong Sinmun or another outlet named in the title.</summary>
    Commentary,
    Memorandum,
    Letter,
    PressRelease,
}

/// <summary>The kinds by the names the `statements` table, the CLI and the API write them with.</summary>
public static class StatementKinds
{
    public static readonly IReadOnlyDictionary<string, StatementKind> ByName = new Dictionary<string, StatementKind>(StringComparer.Ordinal)
    {
        ["press-statement"] = StatementKind.PressStatement,
        ["statement"] = StatementKind.Statement,
        ["answer"] = StatementKind.Answer,
        ["commentary"] = StatementKind.Commentary,
        ["memorandum"] = StatementKind.Memorandum,
        ["letter"] = StatementKind.Letter,
        ["press-release"] = StatementKind.PressRelease,
    };

    public static string Name(StatementKind kind) => ByName.First(k => k.Value == kind).Key;

    /// <summary>The kind a name says ("press-statement", "press statement" and "Press Statement" alike), or null.</summary>
    public static StatementKind? Parse(string name) =>
        ByName.TryGetValue(name.Trim().ToLowerInvariant().Replace(' ', '-'), out var kind) ? kind : null;
}
