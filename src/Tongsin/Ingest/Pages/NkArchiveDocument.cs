using System.Text.Json;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// The news details file of the nkarchive project (data/news-details.json): one JSON document,
/// {"generatedAt", "version", "articles": {"kcna-1acf7865075d1497": {id, title, date, snippet, body,
/// url, mediaType, sourceId, sourceName, categories, images, videos ...}, ...}}. The title is prefixed
/// with the outlet's name ("조선중앙통신 | "); the body, one paragraph a line with blank lines between,
/// repeats the title, then gives the dateline as a paragraph of its own ("(평양 8월 21일발 조선중앙통신)"),
/// which is taken out and kept as a field. The snippet and categories have no place in the archive.
/// </summary>
public sealed class NkArchiveDocument(OutletCatalog outlets)
{
    private readonly OutletCatalog _outlets = outlets;

    public static bool Fits(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("articles", out var articles) && articles.ValueKind == JsonValueKind.Object
        && articles.EnumerateObject().All(a => a.Value.ValueKind == JsonValueKind.Object && a.Value.TryGetProperty("body", out _));

    /// <summary>The document's articles, by their keys, in the document's order.</summary>
    public static IEnumerable<(string Key, JsonElement Article)> Articles(JsonElement root) =>
        root.GetProperty("articles").EnumerateObject().Select(p => (p.Name, p.Value));

    /// <summary>The line each article starts on, in the document's order (the first line is 1).</summary>
    public static List<int> ArticleLines(ReadOnlySpan<byte> json)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var line = 1;
        var counted = 0;
        var entered = false;
        var inside = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName) entered = reader.ValueTextEquals("articles"u8);
            else if (entered && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 1) inside = true;
            else if (inside && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1) inside = entered = false;
            else if (inside && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
            {
                var at = (int)reader.TokenStartIndex;
                line += json[counted..at].Count((byte)'\n');
                counted = at;
                lines.Add(line);
            }
        }
        return lines;
    }

    public ArticleCapture Read(JsonElement a)
    {
        var published = RecordFields.IsoDate(a, "date");
        var url = RecordFields.Optional(a, "url") is { Length: > 0 } u ? u.Trim() : null;
        var outletName = RecordFields.Optional(a, "sourceName") is { Length: > 0 } name ? name
            : RecordFields.Optional(a, "sourceId") is { Length: > 0 } id ? id
            : throw new ImportFailureException(ImportFailureKind.Invalid, "the article names no outlet: 'sourceName' and 'sourceId' are missing");
        var outlet = _outlets.Resolve(outletName);
        var title = Title(RecordFields.Line(RecordFields.Optional(a, "title") ?? ""));

        var paragraphs = RecordFields.Lines(RecordFields.Required(a, "body"));
        if (paragraphs.Count > 0 && title.Length > 0 && TitleKey.From(paragraphs[0]) == TitleKey.From(title)) paragraphs.RemoveAt(0);
        var dateline = DatelineReader.Take(paragraphs, published);
        if (paragraphs.Count == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "the record has no article text: 'body' holds " + (dateline is null ? "nothing but the title" : "only the title and the dateline"));
        if (title.Length == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "'title' is empty");

        var language = (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var address) ? EditionLanguage(address) : null)
            ?? Languages.Guess(title + " " + paragraphs[0]);
        return new ArticleCapture(new Source(outlet, language), title, published, null, url, paragraphs, Dateline: dateline);
    }

    // "조선중앙통신 | 미국의 막대한 국가채무": the outlet's name goes, the rest is the title.
    private string Title(string title)
    {
        var bar = title.IndexOf(" | ", StringComparison.Ordinal);
        return bar > 0 && _outlets.Find(title[..bar]) is not null ? title[(bar + 3)..].Trim() : title;
    }

    private static string? EditionLanguage(Uri url) =>
        Markup.IsOn(url, "kcna.kp") ? KcnaKpAdapter.EditionLanguage(url)
        : Markup.IsOn(url, "rodong.rep.kp") ? RodongRepKpAdapter.EditionLanguage(url)
        : null;
}
