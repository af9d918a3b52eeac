using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongsin.Ingest.Pages;
using Tongsin.Model;

namespace Tongsin.Bench.Reprints;

/// <summary>One labelled pair: two records of a corpus by URL ("URL @2": the second record of that URL), the edit made to b, and whether they are one text.</summary>
public sealed record ReprintPair(bool Same, string Kind, string Corpus, string A, string B, string Edit, string Note);

/// <summary>A pair's two texts as the analyser reads them, with their publication dates.</summary>
public sealed record PairTexts(ReprintPair Pair, ArticleCapture A, ArticleCapture B);

/// <summary>
/// The labelled pairs (reprint-pairs.tsv beside this file) and the texts they name, read from the
/// shared corpora. The file holds no corpus text: each pair names its records by URL, and a
/// reprint made for the evaluation names the edit an outlet makes, applied here to the real text.
/// </summary>
public static partial class ReprintPairs
{
    public static readonly Dictionary<string, string> CorpusFiles = new()
    {
        ["kcna-kp"] = "kcna-kp-2023-2024.jsonl.gz",
        ["kcna-co-jp"] = "kcna-co-jp-1997-2018.jsonl.gz",
        ["rodong"] = "rodong-2021-2022.jsonl.gz",
    };

    public static IReadOnlyList<ReprintPair> Read(string path)
    {
        var pairs = new List<ReprintPair>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.StartsWith('#') || line.StartsWith("label\t", StringComparison.Ordinal) || line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != 7 || f[0] is not ("0" or "1") || !CorpusFiles.ContainsKey(f[2]))
                throw new FormatException($"{path}, line {number}: expected label (0/1), kind, corpus ({string.Join(", ", CorpusFiles.Keys)}), a, b, edit, note separated by tabs");
            pairs.Add(new ReprintPair(f[0] == "1", f[1], f[2], f[3], f[4], f[5], f[6]));
        }
        return pairs;
    }

    /// <summary>The texts of every pair, b edited; records the corpora do not hold are an error naming the pair.</summary>
    public static IReadOnlyList<PairTexts> Load(IReadOnlyList<ReprintPair> pairs, string corpora)
    {
        var records = new Dictionary<string, ArticleCapture>();
        foreach (var corpus in pairs.Select(p => p.Corpus).Distinct())
        {
            var wanted = pairs.Where(p => p.Corpus == corpus).SelectMany(p => new[] { p.A, p.B }).Select(r => Url(r).Url).ToHashSet();
            var reader = new CorpusRecords(new OutletCatalog());
            var seen = new Dictionary<string, int>();
            using var text = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(corpora, CorpusFiles[corpus])), CompressionMode.Decompress), Encoding.UTF8);
            for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
            {
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                var url = doc.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null;
                if (url is null || !wanted.Contains(url)) continue;
                var n = seen[url] = seen.GetValueOrDefault(url) + 1;
                if (reader.Read(doc.RootElement) is { } capture) records[$"{corpus} {url} @{n}"] = capture;
            }
        }
        ArticleCapture Find(ReprintPair p, string reference)
        {
            var (url, n) = Url(reference);
            return records.TryGetValue($"{p.Corpus} {url} @{n}", out var c) ? c
                : throw new InvalidDataException($"the labelled pair '{p.Note}' names {reference}, which {CorpusFiles[p.Corpus]} does not hold");
        }
        return pairs.Select(p => new PairTexts(p, Find(p, p.A), Edit(Find(p, p.B), p.Edit))).ToList();
    }

    private static (string Url, int Occurrence) Url(string reference)
    {
        var at = reference.LastIndexOf(" @", StringComparison.Ordinal);
        return at < 0 ? (reference, 1) : (reference[..at], int.Parse(reference[(at + 2)..], CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\b(?:[Dd]ear\s+)?[Rr]espected\s+(?:[Cc]omrade\s+)?")]
    private static partial Regex Honorific();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“])")]
    private static partial Regex SentenceBreak();

    /// <summary>
    /// The edits outlets make when they reprint (a reprint also comes out a couple of days later):
    /// none; honorific (the "respected Comrade" dropped); cut-paragraph (the middle paragraph
    /// left out); reorder (each paragraph's first sentence moved to its end, the first two
    /// paragraphs swapped); retitle (a new headline from the last paragraph's opening words);
    /// dateline (the agency's dateline, another day, put before the text); rodong (the
    /// newspaper's way: honorific dropped, retitled, the last paragraph cut).
    /// </summary>
    public static ArticleCapture Edit(ArticleCapture a, string edit)
    {
        var paragraphs = a.Paragraphs.ToList();
        var later = a with { Published = a.Published.AddDays(2), Url = a.Url + "#reprint" };
        switch (edit)
        {
            case "none": return a;
            case "honorific":
                return later with { Title = Honorific().Replace(a.Title, ""), Paragraphs = paragraphs.Select(p => Honorific().Replace(p, "")).ToList() };
            case "cut-paragraph":
                if (paragraphs.Count > 1) paragraphs.RemoveAt(paragraphs.Count / 2);
                return later with { Paragraphs = paragraphs };
            case "reorder":
                var moved = paragraphs.Select(p =>
                {
                    var s = SentenceBreak().Split(p);
                    return s.Length < 2 ? p : string.Join(' ', s.Skip(1).Append(s[0]));
                }).ToList();
                if (moved.Count > 1) (moved[0], moved[1]) = (moved[1], moved[0]);
                return later with { Paragraphs = moved };
            case "retitle":
                return later with { Title = Retitle(paragraphs) };
            case "dateline":
                var day = a.Published.AddDays(1);
                paragraphs[0] = $"Pyongyang, {day.ToString("MMMM d", CultureInfo.InvariantCulture)} (KCNA) -- {paragraphs[0]}";
                return later with { Paragraphs = paragraphs };
            case "rodong":
                var cut = paragraphs.Select(p => Honorific().Replace(p, "")).ToList();
                if (cut.Count > 1) cut.RemoveAt(cut.Count - 1);
                return later with { Title = Retitle(cut), Paragraphs = cut };
            default:
                throw new FormatException($"unknown edit '{edit}': none, honorific, cut-paragraph, reorder, retitle, dateline, rodong");
        }
    }

    private static string Retitle(IReadOnlyList<string> paragraphs) =>
        string.Join(' ', paragraphs[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
}
