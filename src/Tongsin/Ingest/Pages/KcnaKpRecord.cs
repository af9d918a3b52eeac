using System.Text.Json;
using Tongsin.Ingest.Sites;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// Records of kcna.kp as gathered into JSON lines: published (YYYY-MM-DD), url, title, topic (the
/// site's section), language_hint and body, one paragraph a line, opening with the "Pyongyang,
/// December 24 (KCNA) --" dateline, which is taken out and kept as a field. Some titles carry the
/// page's date on a line of their own ("[Juche113.1.2.]"); it is not part of the title. The topic
/// has no place in the archive and is left out: the same article is filed under several sections.
/// </summary>
public sealed class KcnaKpRecord(OutletCatalog outlets)
{
    private readonly Outlet _kcna = outlets.Resolve("Korean Central News Agency");

    public static bool Fits(JsonElement o) =>
        o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String
        && o.TryGetProperty("published", out _)
        && RecordFields.Optional(o, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && Markup.IsOn(uri, "kcna.kp");

    public ArticleCapture Read(JsonElement o)
    {
        var published = RecordFields.IsoDate(o, "published");
        var url = RecordFields.Required(o, "url");
        var title = Title(RecordFields.Required(o, "title"));
        var paragraphs = RecordFields.Lines(RecordFields.Required(o, "body"));
        var dateline = DatelineReader.Take(paragraphs, published);
        if (paragraphs.Count == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "the record has no article text: 'body' is empty" + (dateline is null ? "" : " but for the dateline"));
        if (title.Length == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "'title' is empty");

        var edition = Uri.TryCreate(url, UriKind.Absolute, out var address) ? KcnaKpAdapter.EditionLanguage(address) : null;
        var language = edition ?? RecordFields.Hint(o) ?? Languages.Guess(title + " " + paragraphs[0]);
        return new ArticleCapture(new Source(_kcna, language), title, published, null, url, paragraphs, Dateline: dateline);
    }

    // The title's lines but a last one that is only the page's date.
    private static string Title(string raw)
    {
        var lines = RecordFields.Lines(raw);
        if (lines.Count > 1 && IsDateLine(lines[^1])) lines.RemoveAt(lines.Count - 1);
        return string.Join(' ', lines);
    }

    private static bool IsDateLine(string line) =>
        line.Length >= 8 && line[0] is '[' or '(' && line[^1] is ']' or ')' && Dates.FindDotted(line) is not null;
}
