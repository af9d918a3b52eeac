using System.IO.Compression;
using System.Text.Json;
using Tongsin.Analysis.Entities;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Mentions;

/// <summary>
/// `mentions-look`: what the recogniser finds in every Nth article of a corpus, printed beside the
/// text, for reading KCNA's prose against the rules; and, with --unknown, only the names by shape
/// and the words around them. A tool for reading, not a score.
/// </summary>
internal static class MentionsLook
{
    public static int Run(Options options)
    {
        var corpus = options.String("corpus", Path.Combine(MentionsEvalReport.DefaultCorpora, "kcna-co-jp-1997-2018.jsonl.gz"));
        var every = options.Int("every", 1000);
        var unknown = options.String("unknown", "no") == "yes";
        var recogniser = new MentionRecogniser(Gazetteer.Load());
        var reader = new CorpusRecords(new OutletCatalog());
        using var file = new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress);
        using var lines = new StreamReader(file);
        var n = 0;
        while (lines.ReadLine() is { } line)
        {
            if (n++ % every != 0) continue;
            using var doc = JsonDocument.Parse(line);
            ArticleCapture? capture;
            try { capture = reader.Read(doc.RootElement); }
            catch (ImportFailureException) { continue; }
            if (capture is not { Paragraphs.Count: > 0 }) continue;
            var found = recogniser.Recognise(capture.Title, capture.Paragraphs, capture.Published.Year);
            var text = capture.Title + "\n" + string.Join("\n", capture.Paragraphs);
            if (unknown)
            {
                foreach (var m in found.Where(m => m.Entity is null))
                    Console.WriteLine($"{m.Key}\t{Around(text, m.FirstPosition)}");
                continue;
            }
            Console.WriteLine($"=== {capture.Published:yyyy-MM-dd} {capture.Url}");
            Console.WriteLine(text.Length > 3000 ? text[..3000] + " ..." : text);
            Console.WriteLine("--- " + string.Join("; ", found.Select(m => $"{m.Kind}:{m.Entity?.Slug ?? m.Key} x{m.Count}")));
        }
        return 0;
    }

    private static string Around(string text, int at)
    {
        var from = Math.Max(0, at - 50);
        return text[from..Math.Min(text.Length, at + 60)].Replace('\n', ' ');
    }
}
