using System.Net;
using System.Text;
using System.Text.Json;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// Records of the kcna.co.jp mirror of KCNA (1997-2018) as gathered into JSON lines: published,
/// url, title, language_hint, body. The body is raw: HTML entities, the title repeated on its
/// first line, hard line wraps inside paragraphs (a paragraph starts with an indent), and the
/// "Pyongyang, June 30 (KCNA) --" dateline, which is taken out and kept as a field. English and
/// Spanish items are told apart by the hint and the agency name (ATCC is the Spanish service).
/// </summary>
public sealed class KcnaCoJpRecord(OutletCatalog outlets)
{
    private readonly Outlet _kcna = outlets.Resolve("Korean Central News Agency");

    public static bool Fits(JsonElement o) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty("language_hint", out _) && o.TryGetProperty("body", out _)
        && o.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String && url.GetString()!.Contains("kcna.co.jp", StringComparison.OrdinalIgnoreCase);

    public ArticleCapture Read(JsonElement o)
    {
        var published = RecordFields.IsoDate(o, "published");
        var url = RecordFields.Required(o, "url");
        // A few records have no title; their body still opens with it.
        var title = RecordFields.Optional(o, "title") is { } t ? RecordFields.Line(t) : "";
        var paragraphs = Paragraphs(WebUtility.HtmlDecode(RecordFields.Required(o, "body")));

        // The body opens with the title again, before the dateline.
        if (paragraphs.Count > 1 && !DatelineReader.Opens(paragraphs[0])
            && (title.Length == 0 || DatelineReader.Opens(paragraphs[1]) || Similar(paragraphs[0], title)))
        {
            if (title.Length == 0) title = paragraphs[0];
            paragraphs.RemoveAt(0);
        }
        // Some Spanish items hold only the service's banner: their headline is all the mirror kept,
        // and it is kept too, as an article known by its title (a stub).
        if (paragraphs.Count == 0 && title.Length > 0)
            return new ArticleCapture(new Source(_kcna, Language(null, title, RecordFields.Optional(o, "language_hint"))), title, published, null, url, []);
        if (paragraphs.Count == 0 || paragraphs.Sum(p => p.Length) < 20 || title.Length == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, "the record has no article text");

        var dateline = DatelineReader.Take(paragraphs, published);
        var hint = RecordFields.Optional(o, "language_hint");
        var language = Language(dateline?.Agency, title + " " + string.Join(' ', paragraphs.Take(2)), hint);
        return new ArticleCapture(new Source(_kcna, language), title, published, null, url, paragraphs, Dateline: dateline);
    }

    private static readonly HashSet<string> SpanishWords = ["el", "la", "los", "las", "de", "del", "que", "y", "en", "por", "con", "su", "se"];
    private static readonly HashSet<string> EnglishWords = ["the", "of", "and", "to", "in", "for", "with", "on", "is", "was", "by", "its"];

    // The agency says it best (KCNA in English, ATCC in Spanish); else the words do; the hint only breaks a tie.
    private static string Language(string? agency, string text, string? hint)
    {
        if (agency is "ATCC") return "es";
        if (agency is not null && agency.EndsWith("KCNA", StringComparison.Ordinal)) return "en";
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var spanish = words.Count(SpanishWords.Contains);
        var english = words.Count(EnglishWords.Contains);
        return spanish > english ? "es" : english > spanish ? "en" : hint == "es" ? "es" : "en";
    }

    // A paragraph starts on a line that is indented, follows a blank line or opens with the dateline; other line breaks are wraps.
    private static List<string> Paragraphs(string body)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Close()
        {
            var p = TextCleaner.CleanLine(current.ToString());
            if (p.Length > 0 && !IsNavigation(p)) paragraphs.Add(p);
            current.Clear();
        }
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            // The dateline opens the first paragraph even where it follows the title unindented.
            if (string.IsNullOrWhiteSpace(raw) || indented || DatelineReader.Opens(raw)) Close();
            current.Append(' ').Append(raw);
        }
        Close();
        return paragraphs;
    }

    // The site's links and the Spanish service's banner are page furniture, not text.
    private static bool IsNavigation(string line) =>
        line is "BACK" or "HOME" or "TOP" or "Top" or "Back" or "Home" or "For Spanish-speaking people";

    private static bool Similar(string a, string b)
    {
        var x = TitleKey.From(a);
        var y = TitleKey.From(b);
        if (x == y || x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)) return true;
        var wx = x.Split(' ').ToHashSet();
        var wy = y.Split(' ').ToHashSet();
        return wx.Count > 0 && wy.Count > 0 && wx.Intersect(wy).Count() >= 0.7 * Math.Max(wx.Count, wy.Count);
    }
}
