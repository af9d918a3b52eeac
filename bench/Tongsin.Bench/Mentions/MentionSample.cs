using System.IO.Compression;
using System.Text.Json;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Mentions;

/// <summary>One pair of the judged sample: an entity of a kind, by its gazetteer slug or, without one, by its name.</summary>
public sealed record JudgedMention(string Kind, string? Slug, string Name);

/// <summary>One judged article (docs/mentions.md): named by corpus file and URL, with every pair it holds.</summary>
public sealed record JudgedArticle(int Line, string Corpus, string Url, string? Title, IReadOnlyList<JudgedMention> Mentions);

/// <summary>
/// The judged sample of eval/mentions/sample.jsonl, and the articles' texts found by URL in the
/// corpora (the sample names them, it does not copy them).
/// </summary>
public static class MentionSample
{
    /// <summary>The sample's lines; a line that is not a judged article is refused naming the file and line.</summary>
    public static IReadOnlyList<JudgedArticle> Read(string path)
    {
        var articles = new List<JudgedArticle>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                var mentions = o.GetProperty("mentions").EnumerateArray().Select(m => new JudgedMention(
                    m.GetProperty("kind").GetString() ?? throw new FormatException("a mention without a kind"),
                    m.TryGetProperty("slug", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                    m.GetProperty("name").GetString() ?? "")).ToList();
                articles.Add(new JudgedArticle(number, o.GetProperty("corpus").GetString() ?? "", o.GetProperty("url").GetString() ?? "",
                    o.TryGetProperty("title", out var t) ? t.GetString() : null, mentions));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}:{number}: not a judged article: {e.Message}");
            }
        }
        return articles;
    }

    /// <summary>Each judged article's text from its corpus file (the first record of its URL); null where it is not there.</summary>
    public static IReadOnlyDictionary<JudgedArticle, ArticleCapture?> Texts(IReadOnlyList<JudgedArticle> articles, string corpora)
    {
        var texts = articles.ToDictionary(a => a, _ => (ArticleCapture?)null);
        var reader = new CorpusRecords(new OutletCatalog());
        foreach (var group in articles.GroupBy(a => a.Corpus))
        {
            var path = Path.Combine(corpora, group.Key);
            if (!File.Exists(path)) continue;
            var wanted = group.GroupBy(a => a.Url).ToDictionary(g => g.Key, g => g.ToList());
            using var file = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var lines = new StreamReader(file);
            while (wanted.Count > 0 && lines.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                if (!doc.RootElement.TryGetProperty("url", out var u) || u.GetString() is not { } url || !wanted.Remove(url, out var judged)) continue;
                var capture = reader.Read(doc.RootElement);
                foreach (var a in judged) texts[a] = capture;
            }
        }
        return texts;
    }
}
