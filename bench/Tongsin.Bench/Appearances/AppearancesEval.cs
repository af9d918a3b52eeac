using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Tongsin.Analysis;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Ingest.Pages;
using Tongsin.Model;


namespace Tongsin.Bench.Appearances;

/// <summary>
/// appearances-eval: the extractor against the judged sample (eval/appearances/sample.jsonl, the
/// format of docs/appearances.md). Each judged article is found in its corpus by address, read as
/// the import reads it (dateline taken off), and its extracted records compared with the judged
/// ones: a record matches when person and day agree and the places are alike; companions are
/// compared per matched record in any order; kind is right or wrong per matched record.
/// </summary>
internal static class AppearancesEval
{
    public static string DefaultSample => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../eval/appearances/sample.jsonl"));

    public static int Run(Options options)
    {
        var sample = options.String("sample", DefaultSample);
        var corpora = options.String("corpora", Reprints.ReprintPairsReport.DefaultCorpora);
        if (!File.Exists(sample)) { Console.WriteLine($"skipped: no judged sample at {sample} (see docs/appearances.md, 'The judged sample')"); return 0; }
        if (!Directory.Exists(corpora)) { Console.WriteLine($"skipped: no corpora at {corpora} (--corpora DIR)"); return 0; }

        var judged = File.ReadLines(sample).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var extractor = new AppearanceExtractor(Gazetteer.Load());
        var show = options.Flag("show");
        var misses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int records = 0, found = 0, matched = 0, kinds = 0, judgedCompanions = 0, foundCompanions = 0, sharedCompanions = 0, missing = 0;
        foreach (var group in judged.GroupBy(j => j.GetProperty("corpus").GetString()!))
        {
            var path = Path.Combine(corpora, group.Key);
            if (!File.Exists(path)) { Console.WriteLine($"skipped {group.Count()} judged articles: no corpus {path}"); missing += group.Count(); continue; }
            var wanted = group.ToDictionary(j => j.GetProperty("url").GetString()!, j => j);
            foreach (var (url, record) in Records(path, wanted.Keys.ToHashSet()))
            {
                // A corpus may carry an address twice (kcna.kp's edited copies): the first is the one judged.
                if (!wanted.TryGetValue(url, out var j)) continue;
                var truth = j.GetProperty("appearances").EnumerateArray().ToList();
                var predicted = extractor.Extract(Text(record, DateOnly.Parse(j.GetProperty("published").GetString()!, CultureInfo.InvariantCulture), j.GetProperty("title").GetString() ?? "")).ToList();
                var all = predicted.ToList();
                records += truth.Count;
                found += predicted.Count;
                foreach (var t in truth)
                {
                    var day = DateOnly.Parse(t.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
                    var hit = predicted.FirstOrDefault(p => p.Person == t.GetProperty("person").GetString() && p.Date == day
                        && PlaceKey.Alike(p.Place, t.GetProperty("place").GetString() ?? ""));
                    if (hit is null)
                    {
                        // Why it was missed, by kind of error: the person not found at all, another day, or another place.
                        var person = t.GetProperty("person").GetString();
                        var reason = predicted.All(p => p.Person != person) ? "no record of the person"
                            : predicted.Any(p => p.Person == person && p.Date == day) ? "the place differs"
                            : "the day differs";
                        misses[reason] = misses.GetValueOrDefault(reason) + 1;
                        continue;
                    }
                    predicted.Remove(hit);
                    matched++;
                    if (hit.Kind == t.GetProperty("kind").GetString()) kinds++;
                    var want = t.GetProperty("companions").EnumerateArray().Select(c => SpellingKey.Of(c.GetString()!)).ToHashSet();
                    var got = hit.Companions.Select(c => SpellingKey.Of(c.Name)).ToHashSet();
                    (judgedCompanions, foundCompanions, sharedCompanions) = (judgedCompanions + want.Count, foundCompanions + got.Count, sharedCompanions + got.Count(want.Contains));
                }
                if (show && (predicted.Count > 0 || all.Count < truth.Count)) Show(url, truth, all);
                wanted.Remove(url);
            }
            missing += wanted.Count;
            foreach (var url in wanted.Keys) Console.WriteLine($"not in {group.Key}: {url}");
        }
        Console.WriteLine($"judged articles: {judged.Count} ({missing} not found in the corpora)");
        Console.WriteLine($"records: judged {records}, extracted {found}, matched {matched}: precision {Ratio(matched, found)}, recall {Ratio(matched, records)}");
        Console.WriteLine($"companions of matched records: judged {judgedCompanions}, extracted {foundCompanions}, shared {sharedCompanions}: precision {Ratio(sharedCompanions, foundCompanions)}, recall {Ratio(sharedCompanions, judgedCompanions)}");
        Console.WriteLine($"kind of matched records: {kinds} of {matched} right ({Ratio(kinds, matched)})");
        Console.WriteLine($"records missed: {string.Join("; ", misses.Select(m => $"{m.Key} {m.Value}"))}");
        return 0;
    }

    // --show: an article whose records were not all matched, judged against extracted, to see what kind of error the extractor makes.
    private static void Show(string url, List<JsonElement> truth, List<AppearanceReport> extracted)
    {
        Console.WriteLine(url);
        foreach (var t in truth)
            Console.WriteLine($"  judged    {t.GetProperty("person").GetString()} {t.GetProperty("date").GetString()} {t.GetProperty("date_basis").GetString()} {t.GetProperty("activity").GetString()} | {t.GetProperty("place").GetString()} | {t.GetProperty("kind").GetString()}");
        foreach (var e in extracted)
            Console.WriteLine($"  extracted {e.Person} {e.Date:yyyy-MM-dd} {e.DateBasis} {e.Activity} | {e.Place} | {e.Kind}");
    }

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);

    // The corpus's records of these addresses, read once through.
    private static IEnumerable<(string Url, JsonElement Record)> Records(string path, HashSet<string> urls)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var record = JsonDocument.Parse(line).RootElement;
            if (record.TryGetProperty("url", out var u) && u.GetString() is { } url && urls.Contains(url)) yield return (url, record.Clone());
        }
    }

    private static readonly CorpusRecords Reader = new(new OutletCatalog());

    // The article as the import keeps it (the import's own reader of the corpus record: entities
    // decoded, the title line and the dateline taken off); the judged publication day and title win.
    internal static ArticleText Text(JsonElement record, DateOnly published, string title)
    {
        var capture = Reader.Read(record) ?? throw new FormatException("not a record of a known corpus");
        return new ArticleText(0, 1, "", capture.Source.Language, published, title.Length > 0 ? title : capture.Title, capture.Paragraphs, capture.Dateline);
    }
}
