namespace Tongsin.Ingest;

/// <summary>Why an item could not be imported. Each kind has one plain-words name for the user.</summary>
public enum ImportFailureKind
{
    Empty,
    Binary,
    Truncated,
    NotAPage,
    Invalid,
    Encoding,
    Unreadable,
}

/// <summary>An item that cannot be imported, with a one-line reason. Nothing of it reaches the archive.</summary>
public sealed class ImportFailureException(ImportFailureKind kind, string reason, int? line = null)
    : Exception(reason)
{
    public ImportFailureKind Kind { get; } = kind;
    public int? Line { get; } = line;

    public string Describe() => Kind switch
    {
        ImportFailureKind.Empty => "empty: " + Message,
        ImportFailureKind.Binary => "binary: " + Message,
        ImportFailureKind.Truncated => "truncated: " + Message,
        ImportFailureKind.NotAPage => "not a KCNA Watch page: " + Message,
        ImportFailureKind.Encoding => "not UTF-8 text: " + Message,
        ImportFailureKind.Unreadable => "unreadable: " + Message,
        _ => "invalid: " + Message,
    };
}
