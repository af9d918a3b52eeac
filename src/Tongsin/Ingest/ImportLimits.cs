using System.Globalization;
using Tongsin.Model;

namespace Tongsin.Ingest;

/// <summary>
/// How much one item of an import may hold. Input is read against these limits as it streams, so an
/// import's memory stays bounded whatever it is given: a gzip bomb, a line of a gigabyte, an article
/// of a million paragraphs. The defaults leave real input far behind (the longest article of the
/// gathered corpora is about 62 KB); what passes a limit is refused as <c>too large</c>.
/// </summary>
public sealed record ImportLimits(
    long MaxFileBytes = ImportLimits.DefaultFileBytes,
    int MaxRecordBytes = ImportLimits.DefaultRecordBytes,
    int MaxTextBytes = ImportLimits.DefaultTextBytes,
    int MaxParagraphs = ImportLimits.DefaultParagraphs)
{
    /// <summary>A page or JSON document, unpacked: 64 MB.</summary>
    public const long DefaultFileBytes = 64L << 20;

    /// <summary>One JSONL line: 16 MB.</summary>
    public const int DefaultRecordBytes = 16 << 20;

    /// <summary>An article's title and paragraphs, in UTF-8: 2 MB.</summary>
    public const int DefaultTextBytes = 2 << 20;

    public const int DefaultParagraphs = 5_000;

    public static ImportLimits Default { get; } = new();

    /// <summary>
    /// Refuses an article whose text or paragraph count is past the limits, naming which; else
    /// returns the article's size in characters, which the import counts to bound its batches.
    /// </summary>
    public long Check(string title, IReadOnlyList<string> paragraphs)
    {
        if (paragraphs.Count > MaxParagraphs)
            throw new ImportFailureException(ImportFailureKind.TooLarge,
                $"the article has {paragraphs.Count.ToString("N0", CultureInfo.InvariantCulture)} paragraphs, past the limit of {MaxParagraphs.ToString("N0", CultureInfo.InvariantCulture)}");
        long chars = title.Length;
        long bytes = System.Text.Encoding.UTF8.GetByteCount(title);
        foreach (var p in paragraphs)
        {
            chars += p.Length;
            bytes += System.Text.Encoding.UTF8.GetByteCount(p);
        }
        if (bytes > MaxTextBytes)
            throw new ImportFailureException(ImportFailureKind.TooLarge,
                $"the article's text is {Size(bytes)}, past the limit of {Size(MaxTextBytes)}");
        return chars;
    }

    /// <summary>Checks every text an exported article carries: the current one and each version's.</summary>
    public long Check(ArticleHistory record)
    {
        var size = Check(record.Article.Title, record.Article.Paragraphs);
        foreach (var v in record.Versions) size += Check(v.Title, v.Paragraphs);
        return size;
    }

    /// <summary>A byte count as a person reads it: "64 MB", "2.5 MB", "300 KB".</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 ? Number(bytes / (double)(1 << 20)) + " MB"
        : bytes >= 1 << 10 ? Number(bytes / (double)(1 << 10)) + " KB"
        : bytes + " bytes";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
