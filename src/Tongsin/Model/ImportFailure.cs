namespace Tongsin.Model;

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
    /// <summary>HTML that no site adapter recognises.</summary>
    UnknownSite,
    /// <summary>A site's listing page given where an article was expected.</summary>
    Listing,
    /// <summary>Past one of the import's size limits (Tongsin.Ingest.ImportLimits).</summary>
    TooLarge,
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
        ImportFailureKind.UnknownSite => "not a page of a known site: " + Message,
        ImportFailureKind.Listing => "a listing page, not an article: " + Message,
        ImportFailureKind.TooLarge => "too large: " + Message,
        _ => "invalid: " + Message,
    };
}
