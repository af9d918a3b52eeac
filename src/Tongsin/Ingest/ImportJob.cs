using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Tongsin.Archive;
using Tongsin.Exchange;
using Tongsin.Ingest.Pages;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Ingest;

/// <summary>One item that did not go in: the file, the line where there is one, and why.</summary>
public sealed record ImportFailure(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } n ? $"{Path}:{n}: {Reason}" : $"{Path}: {Reason}";
}

public sealed record ImportSummary(int Files, int Items, StoreOutcome Outcome, IReadOnlyList<ImportFailure> Failures, bool Interrupted);

/// <summary>Hears how an import goes, for a progress bar or log lines.</summary>
public interface IImportProgress
{
    void FileDone(string path, int filesDone, int filesTotal);
    void Failed(ImportFailure failure);
}

/// <summary>
/// Imports files into an archive: KCNA Watch text pages, saved HTML pages of the outlets' sites,
/// Tongsin JSONL exports, the gathered corpora (JSON lines of kcna.co.jp, kcna.kp and rodong.rep.kp,
/// and nkarchive's news details document), plain or gzip.
/// Files are read and parsed on worker threads while one writer stores them in file order, so a
/// later capture of the same article is always the newer version. Every item goes in whole or not
/// at all; a failed item is reported and the rest go on.
/// Work is committed every <paramref name="commitEvery"/> items. Large batches pay: a stub created
/// and completed within one batch never reaches the full-text index, and each commit costs a flush of
/// the index and a checkpoint. The price is memory, since a batch's index changes wait until its
/// commit (about 170 MB for 10,000 KCNA Watch pages), and the work a kill loses; so a batch also
/// ends once its articles hold <see cref="CharsPerCommit"/> characters, and each item is read
/// within <paramref name="limits"/>, which keeps the import's memory bounded whatever it is given.
/// </summary>
public sealed class ImportJob(IArchive archive, OutletCatalog outlets, int commitEvery = 10_000, ImportLimits? limits = null)
{
    /// <summary>The text a batch may hold before it is committed, however few its items: 32 million characters.</summary>
    public const long CharsPerCommit = 32_000_000;

    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;
    private readonly KcnaWatchPageReader _pages = new(outlets);
    private readonly CorpusRecords _corpora = new(outlets);
    private readonly NkArchiveDocument _nkArchive = new(outlets);
    private readonly SavedPageReader _savedPages = new(new SiteCatalog(outlets));

    public ImportSummary Run(IReadOnlyList<string> files, IImportProgress? progress = null, CancellationToken cancel = default)
    {
        var failures = new List<ImportFailure>();
        var outcome = default(StoreOutcome);
        var items = 0;
        var done = 0;
        var interrupted = false;
        var sinceCommit = 0;
        var charsSinceCommit = 0L;

        var parsed = Channel.CreateBounded<Task<FileItems>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        // Files are read a few at a time, so no more than that many are in memory unparsed.
        using var reading = new SemaphoreSlim(Environment.ProcessorCount);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in files)
                {
                    if (cancel.IsCancellationRequested) break;
                    await parsed.Writer.WriteAsync(Task.Run(async () =>
                    {
                        await reading.WaitAsync(CancellationToken.None);
                        try { return ReadFile(file); }
                        finally { reading.Release(); }
                    }), CancellationToken.None);
                }
            }
            finally { parsed.Writer.Complete(); }
        });

        using (var session = archive.BeginImport())
        {
            while (parsed.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (parsed.Reader.TryRead(out var next))
                {
                    var file = next.GetAwaiter().GetResult();
                    if (cancel.IsCancellationRequested) { interrupted = true; continue; }
                    // Pages go to the archive a run at a time (StoreAll), in file order, up to the next commit.
                    var run = new List<Item>(PagesAtOnce);
                    var runChars = 0L;
                    void Flush()
                    {
                        if (run.Count == 0) return;
                        var results = session.StoreAll(run.Select(i => i.Page!).ToList());
                        for (var i = 0; i < run.Count; i++) Count(run[i], results[i].Outcome, results[i].Error);
                        run.Clear();
                        runChars = 0;
                    }
                    void Count(Item item, StoreOutcome stored, Exception? error)
                    {
                        if (error is null) { outcome += stored.Counts; items++; }
                        else
                        {
                            var f = new ImportFailure(file.Path, item.Line, "could not be stored: " + error.Message);
                            failures.Add(f);
                            progress?.Failed(f);
                        }
                        charsSinceCommit += item.Size;
                        if (++sinceCommit >= commitEvery || charsSinceCommit >= CharsPerCommit) { session.Commit(); sinceCommit = 0; charsSinceCommit = 0; }
                    }
                    foreach (var item in file.Items)
                    {
                        if (item.Failure is { } failure)
                        {
                            failures.Add(failure);
                            progress?.Failed(failure);
                            continue;
                        }
                        if (item.Page is not null)
                        {
                            run.Add(item);
                            // A run ends where a commit falls, so commits come where they did page by page.
                            runChars += item.Size;
                            if (run.Count >= PagesAtOnce || sinceCommit + run.Count >= commitEvery || charsSinceCommit + runChars >= CharsPerCommit) Flush();
                            continue;
                        }
                        Flush();
                        var stored = PageResult.Of(() => session.Store(item.Record!));
                        Count(item, stored.Outcome, stored.Error);
                    }
                    Flush();
                    progress?.FileDone(file.Path, ++done, files.Count);
                }
            }
            session.Commit();
        }
        producer.GetAwaiter().GetResult();
        return new ImportSummary(done, items, outcome, failures, interrupted);
    }

    // How many pages are handed to the archive at once.
    private const int PagesAtOnce = 64;

    private sealed record Item(PreparedPage? Page, ArticleHistory? Record, ImportFailure? Failure, int? Line, long Size = 0);

    private sealed record FileItems(string Path, IEnumerable<Item> Items);

    private FileItems ReadFile(string path)
    {
        try
        {
            using (var head = UnpackedStream.Open(path))
            {
                switch (JsonKind(head))
                {
                    case JsonShape.Lines: return new FileItems(path, ReadJsonl(path));
                    case JsonShape.Document: return new FileItems(path, ReadDocument(path));
                }
            }
            var text = ReadText(path, "page");
            var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            // A page's lines are its article's paragraphs, a few of heading and five or so for each card.
            var page = first.StartsWith('<') ? _savedPages.Read(text) : _pages.Read(text, _limits.MaxParagraphs + 1_000);
            var size = _limits.Check(page.Article.Title, page.Article.Paragraphs);
            // Prepared here, on a worker thread, so the writer only writes.
            return new FileItems(path, [new Item(PreparedPage.From(page), null, null, null, size)]);
        }
        catch (ImportFailureException e)
        {
            return Failed(path, e.Line, e.Describe());
        }
        catch (UnauthorizedAccessException)
        {
            return Failed(path, null, "unreadable: permission denied");
        }
        catch (Exception e) when (e is IOException)
        {
            return Failed(path, null, Directory.Exists(path) ? "unreadable: the folder cannot be listed" : "unreadable: " + e.Message);
        }
    }

    // A page or a JSON document is read whole, so no larger than the limit for a file, and checked to be text.
    private string ReadText(string path, string what)
    {
        using var file = UnpackedStream.Open(path);
        var bytes = file.ReadAll(_limits.MaxFileBytes, what);
        if (bytes.Length == 0 && file.IsGzip) throw new ImportFailureException(ImportFailureKind.Empty, "the gzip file unpacks to nothing");
        return PageText.Decode(bytes, _limits.MaxFileBytes);
    }

    private static FileItems Failed(string path, int? line, string reason) => new(path, [Failure(path, line, reason)]);

    private enum JsonShape { None, Lines, Document }

    /// <summary>
    /// A JSONL export or corpus opens with '{' (after an optional byte-order mark), plain or inside
    /// gzip; a JSON document written over many lines opens with a line that is only "{", which no JSON
    /// line can be. Only the file's first bytes are read to tell.
    /// </summary>
    private static JsonShape JsonKind(Stream stream)
    {
        var head = new byte[4096];
        var n = 0;
        // A cut gzip is named by the reader the file goes to; its first bytes still tell which that is.
        try { for (int r; n < head.Length && (r = stream.Read(head, n, head.Length - n)) > 0;) n += r; }
        catch (ImportFailureException) { }
        var span = head.AsSpan(0, n);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        span = span.TrimStart(" \t\r\n"u8);
        if (span.Length == 0 || span[0] != (byte)'{') return JsonShape.None;
        var rest = span[1..];
        var end = rest.IndexOf((byte)'\n');
        return end >= 0 && rest[..end].Trim(" \t\r"u8).Length == 0 ? JsonShape.Document : JsonShape.Lines;
    }

    private IEnumerable<Item> ReadJsonl(string path)
    {
        using var stream = UnpackedStream.Open(path);
        foreach (var line in BoundedLines.Read(stream, _limits.MaxRecordBytes))
        {
            var number = line.Number;
            if (line.Failure is { } failed)
            {
                var reason = failed.Kind == ImportFailureKind.Truncated
                    ? failed.Describe() + (number > 1 ? $"; the {number - 1} lines before it are read" : "")
                    : failed.Describe();
                yield return Failure(path, number, reason);
                continue;
            }
            var bytes = line.Bytes;
            if (number == 1 && bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            if (bytes.Span.Trim(" \t\r"u8).Length == 0) continue;
            List<Item> items;
            if (!System.Text.Unicode.Utf8.IsValid(bytes.Span)) items = [Failure(path, number, "not UTF-8 text: invalid bytes")];
            else
            {
                try
                {
                    using var doc = JsonlRecord.Parse(bytes);
                    var root = doc.RootElement;
                    items = NkArchiveDocument.Fits(root) ? ReadArticles(path, root, _ => number)
                        : _corpora.Read(root) is { } article ? [article.Paragraphs.Count == 0 ? StubItem(article, number) : ArticleItem(article, number)]
                        : [RecordItem(JsonlRecord.Read(root, outlets), number)];
                }
                catch (ImportFailureException e) { items = [Failure(path, number, e.Describe())]; }
                // JSON lets a string hold half a character (an escape such as \ud800), which cannot be read as text.
                catch (InvalidOperationException e) { items = [Failure(path, number, "invalid: " + e.Message.TrimEnd('.'))]; }
            }
            foreach (var item in items) yield return item;
        }
    }

    private Item ArticleItem(ArticleCapture article, int? line)
    {
        var size = _limits.Check(article.Title, article.Paragraphs);
        return new(PreparedPage.From(new PageCapture(article, [])), null, null, line, size);
    }

    private Item RecordItem(ArticleHistory record, int? line) => new(null, record, null, line, _limits.Check(record));

    // A record with a title and no text is an article known by its title: a stub, completed if its text ever comes.
    private static Item StubItem(ArticleCapture article, int? line) =>
        new(null, new ArticleHistory(new ArticleRecord(0, article.Source, article.Title, article.Published, article.Captured, article.Url,
            ArticleStatus.Stub, null, [], 0, null, null), []), null, line);

    // The whole document is parsed at once; each article is still an item of its own, named by the line it starts on.
    // It is decoded as a page is, so bad bytes or a cut gzip are named before any article is read.
    private List<Item> ReadDocument(string path)
    {
        string text;
        try { text = ReadText(path, "document"); }
        catch (ImportFailureException e) { return [Failure(path, e.Line, e.Describe())]; }
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { return [Failure(path, (int?)e.LineNumber + 1, $"invalid: not valid JSON ({e.Message.Split('.')[0]})")]; }
        using (doc)
        {
            if (!NkArchiveDocument.Fits(doc.RootElement))
                return [Failure(path, 1, "invalid: a JSON document, but not nkarchive's news details (an object whose 'articles' holds articles with a 'body')")];
            var lines = NkArchiveDocument.ArticleLines(Encoding.UTF8.GetBytes(text));
            return ReadArticles(path, doc.RootElement, i => i < lines.Count ? lines[i] : null);
        }
    }

    private List<Item> ReadArticles(string path, JsonElement root, Func<int, int?> lineOf)
    {
        var items = new List<Item>();
        var index = 0;
        foreach (var (key, article) in NkArchiveDocument.Articles(root))
        {
            var line = lineOf(index++);
            try { items.Add(ArticleItem(_nkArchive.Read(article), line)); }
            catch (ImportFailureException e) { items.Add(Failure(path, line, $"{e.Describe()} (article '{key}')")); }
            catch (InvalidOperationException e) { items.Add(Failure(path, line, $"invalid: {e.Message.TrimEnd('.')} (article '{key}')")); }
        }
        if (items.Count == 0) items.Add(Failure(path, null, "empty: the document's 'articles' holds none"));
        return items;
    }

    private static Item Failure(string path, int? line, string reason) => new(null, null, new ImportFailure(path, line, reason), line);
}
