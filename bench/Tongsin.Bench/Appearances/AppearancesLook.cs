using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;

namespace Tongsin.Bench.Appearances;

/// <summary>
/// appearances-look: what the extractor reads from articles of a corpus outside the judged sample,
/// drawn at random among those whose title matches --title: the title, the opening of the text and
/// the records, to read KCNA's prose against the rules without looking at the judged articles;
/// with --missed, only those of which it reads no record.
/// </summary>
internal static class AppearancesLook
{
    public static int Run(Options options)
    {
        var corpora = options.String("corpora", Reprints.ReprintPairsReport.DefaultCorpora);
        var corpus = Path.Combine(corpora, options.String("corpus", "kcna-co-jp-1997-2018.jsonl.gz"));
        if (!File.Exists(corpus)) { Console.WriteLine($"skipped: no corpus at {corpus} (--corpora DIR --corpus FILE)"); return 0; }
        var title = new Regex(options.String("title", "Kim Jong Un"), RegexOptions.IgnoreCase);
        var year = options.String("year", "");
        var count = options.Int("count", 20);
        var chars = options.Int("chars", 600);
        var judged = File.Exists(AppearancesEval.DefaultSample)
            ? File.ReadLines(AppearancesEval.DefaultSample).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()!).ToHashSet()
            : [];
        var extractor = new AppearanceExtractor(Gazetteer.Load());
        var picked = new List<JsonElement>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress)))
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0) continue;
                var record = JsonDocument.Parse(line).RootElement;
                var url = record.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                if (judged.Contains(url) || !title.IsMatch(record.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "")) continue;
                if (year.Length > 0 && !(record.TryGetProperty("published", out var p) && (p.GetString() ?? "").StartsWith(year, StringComparison.Ordinal))) continue;
                picked.Add(record.Clone());
            }
        var random = new Random(options.Int("seed", 1));
        var missed = options.Flag("missed");
        var shown = 0;
        foreach (var record in picked.OrderBy(_ => random.Next()))
        {
            if (shown == count) break;
            var published = DateOnly.Parse(record.GetProperty("published").GetString()!, CultureInfo.InvariantCulture);
            var text = AppearancesEval.Text(record, published, record.GetProperty("title").GetString() ?? "");
            if (text.Language is not ("en" or "ko")) continue;
            var records = extractor.Extract(text);
            if (missed && records.Count > 0) continue;
            shown++;
            Console.WriteLine($"== {published:yyyy-MM-dd} dateline {text.Dateline?.Date:yyyy-MM-dd} {record.GetProperty("url").GetString()}");
            Console.WriteLine($"   {text.Title}");
            var body = string.Join(" / ", text.Paragraphs);
            Console.WriteLine($"   {(body.Length > chars ? body[..chars] : body)}");
            foreach (var e in records)
                Console.WriteLine($"   -> {e.Person} {e.Date:yyyy-MM-dd} {e.DateBasis} {e.Activity} | {e.Place} | {e.Kind} | {string.Join("; ", e.Companions.Select(c => c.Name))}");
        }
        Console.WriteLine($"{picked.Count} articles matched; {shown} shown");
        return 0;
    }
}
