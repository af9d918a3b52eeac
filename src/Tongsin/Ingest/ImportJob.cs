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
/// commit (about 170 MB for 10,000 KCNA Watch pages), and the work a kill loses.
/// </summary>
public sealed class ImportJob(IArchive archive, OutletCatalog outlets, int commitEvery = 10_000)
{
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

        var parsed = Channel.CreateBounded<Task<FileItems>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in files)
                {
                    if (cancel.IsCancellationRequested) break;
                    await parsed.Writer.WriteAsync(Task.Run(() => ReadFile(file)), CancellationToken.None);
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
                    void Flush()
                    {
                        if (run.Count == 0) return;
                        var results = session.StoreAll(run.Select(i => i.Page!).ToList());
                        for (var i = 0; i < run.Count; i++) Count(run[i], results[i].Outcome, results[i].Error);
                        run.Clear();
                    }
                    void Count(Item item, StoreOutcome stored, Exception? error)
                    {
                        if (error is null) { outcome += stored; items++; }
                        else
                        {
                            var f = new ImportFailure(file.Path, item.Line, "could not be stored: " + error.Message);
                            failures.Add(f);
                            progress?.Failed(f);
                        }
                        if (++sinceCommit >= commitEvery) { session.Commit(); sinceCommit = 0; }
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
                            if (run.Count >= PagesAtOnce || sinceCommit + run.Count >= commitEvery) Flush();
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

    private sealed record Item(PreparedPage? Page, ArticleHistory? Record, ImportFailure? Failure, int? Line);

    private sealed record FileItems(string Path, IEnumerable<Item> Items);

    private FileItems ReadFile(string path)
    {
        try
        {
            if (LooksLikeJsonl(path)) return new FileItems(path, OpensDocument(path) ? ReadDocument(path) : ReadJsonl(path));
            var text = PageText.Decode(File.ReadAllBytes(path));
            var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            var page = first.StartsWith('<') ? _savedPages.Read(text) : _pages.Read(text);
            // Prepared here, on a worker thread, so the writer only writes.
            return new FileItems(path, [new Item(PreparedPage.From(page), null, null, null)]);
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

    private static FileItems Failed(string path, int? line, string reason) => new(path, [Failure(path, line, reason)]);

    // A JSONL export opens with '{' (after an optional byte-order mark), plain or inside gzip.
    private static bool LooksLikeJsonl(string path)
    {
        using var stream = OpenText(path);
        Span<byte> head = stackalloc byte[64];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        foreach (var b in head[..n])
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
            return b == (byte)'{';
        }
        return false;
    }

    private static Stream OpenText(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var n = file.Read(magic);
        file.Position = 0;
        if (n == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            return new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        return file;
    }

    private IEnumerable<Item> ReadJsonl(string path)
    {
        using var reader = new StreamReader(OpenText(path), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (true)
        {
            string? line;
            string? broken = null;
            try { line = reader.ReadLine(); }
            catch (Exception e) when (e is DecoderFallbackException or InvalidDataException or IOException)
            {
                broken = e is DecoderFallbackException ? "not UTF-8 text: invalid bytes" : "truncated: " + e.Message;
                line = null;
            }
            if (broken is not null) yield return new Item(null, null, new ImportFailure(path, number + 1, broken), number + 1);
            if (line is null) yield break;
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            List<Item> items;
            try
            {
                using var doc = JsonlRecord.Parse(line);
                var root = doc.RootElement;
                items = NkArchiveDocument.Fits(root) ? ReadArticles(path, root, _ => number)
                    : _corpora.Read(root) is { } article ? [article.Paragraphs.Count == 0 ? StubItem(article, number) : ArticleItem(article, number)]
                    : [new Item(null, JsonlRecord.Read(root, outlets), null, number)];
            }
            catch (ImportFailureException e) { items = [Failure(path, number, e.Describe())]; }
            // JSON lets a string hold half a character (an escape such as \ud800), which cannot be read as text.
            catch (InvalidOperationException e) { items = [Failure(path, number, "invalid: " + e.Message.TrimEnd('.'))]; }
            foreach (var item in items) yield return item;
        }
    }

    private static Item ArticleItem(ArticleCapture article, int? line) =>
        new(PreparedPage.From(new PageCapture(article, [])), null, null, line);

    // A record with a title and no text is an article known by its title: a stub, completed if its text ever comes.
    private static Item StubItem(ArticleCapture article, int? line) =>
        new(null, new ArticleHistory(new ArticleRecord(0, article.Source, article.Title, article.Published, article.Captured, article.Url,
            ArticleStatus.Stub, null, [], 0, null, null), []), null, line);

    // A JSON document written over many lines opens with a line that is only "{", which no JSON line can be.
    private static bool OpensDocument(string path)
    {
        using var reader = new StreamReader(OpenText(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        for (var i = 0; i < 16 && reader.ReadLine() is { } line; i++)
            if (line.Trim().Length > 0) return line.Trim() == "{";
        return false;
    }

    // The whole document is parsed at once; each article is still an item of its own, named by the line it starts on.
    // It is decoded as a page is, so bad bytes or a cut gzip are named before any article is read.
    private List<Item> ReadDocument(string path)
    {
        var text = PageText.Decode(File.ReadAllBytes(path));
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
