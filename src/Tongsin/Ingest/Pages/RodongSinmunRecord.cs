using System.Globalization;
using System.Text.Json;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// Records of rodong.rep.kp as gathered into JSON lines: url, title, byline, first_seen (when the
/// page was first captured, an ISO 8601 timestamp), language_hint and paragraphs (an array).
/// <list type="bullet">
/// <item>There is no publication date. It is the day the address names (newsID=2021-06-17-0001, or the
/// key in a base64 address), as a crawl of the page would read it; failing that, the day of first
/// capture, the latest the article can have appeared.</item>
/// <item>The first capture's day, as written in the timestamp, is the capture date.</item>
/// <item>The byline is the last line of the page, which the gatherer set apart: usually a signature
/// ("Political News Team"), but under a speech its closing words, and once the whole text. It stays the
/// last paragraph, as the page showed it and as a crawl of the page keeps it; only the paper's own
/// name, which signs the page rather than the article, is left out.</item>
/// </list>
/// </summary>
public sealed class RodongSinmunRecord(OutletCatalog outlets)
{
    private readonly Outlet _rodong = outlets.Resolve("Rodong Sinmun");
    private readonly OutletCatalog _outlets = outlets;

    public static bool Fits(JsonElement o) =>
        o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty("paragraphs", out var p) && p.ValueKind == JsonValueKind.Array
        && RecordFields.Optional(o, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && Markup.IsOn(uri, "rodong.rep.kp");

    public ArticleCapture Read(JsonElement o)
    {
        var url = RecordFields.Required(o, "url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
            throw new ImportFailureException(ImportFailureKind.Invalid, $"'url' must be an absolute address, not \"{url}\"");
        var title = RecordFields.Line(RecordFields.Optional(o, "title") ?? "");
        var paragraphs = new List<string>();
        foreach (var p in o.GetProperty("paragraphs").EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String)
                throw new ImportFailureException(ImportFailureKind.Invalid, "'paragraphs' must hold only strings");
            paragraphs.AddRange(RecordFields.Lines(p.GetString()!));
        }
        var byline = RecordFields.Line(RecordFields.Optional(o, "byline") ?? "");
        if (byline.Length > 0 && _outlets.Find(byline) != _rodong) paragraphs.Add(byline);
        if (paragraphs.Count == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "the record has no article text: 'paragraphs' is empty" + (title.Length > 0 ? "" : " and so is 'title'"));
        if (title.Length == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "'title' is empty");

        var captured = FirstSeen(o);
        var published = RodongRepKpAdapter.DayOf(address) ?? captured
            ?? throw new ImportFailureException(ImportFailureKind.Invalid, "no publication date: the address names no day (newsID=YYYY-MM-DD-NNNN) and there is no 'first_seen'");
        var language = RodongRepKpAdapter.EditionLanguage(address) ?? RecordFields.Hint(o) ?? Languages.Guess(title + " " + paragraphs[0]);
        return new ArticleCapture(new Source(_rodong, language), title, published, captured, url, paragraphs);
    }

    // The day as the timestamp writes it, in its own zone.
    private static DateOnly? FirstSeen(JsonElement o)
    {
        if (RecordFields.Optional(o, "first_seen") is not { } text || text.Trim().Length == 0) return null;
        if (text.Trim().Length >= 10 && char.IsAsciiDigit(text.Trim()[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var seen))
            return DateOnly.FromDateTime(seen.DateTime);
        throw new ImportFailureException(ImportFailureKind.Invalid, $"'first_seen' must be a timestamp such as 2021-07-23T13:22:35+00:00, not \"{text}\"");
    }
}
