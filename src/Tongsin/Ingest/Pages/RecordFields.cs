using System.Net;
using System.Text.Json;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>The fields of a gathered corpus record, read the same way by every corpus reader.</summary>
internal static class RecordFields
{
    public static string Required(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new ImportFailureException(ImportFailureKind.Invalid, $"'{name}' is missing or not a string");

    /// <summary>The field's text, or null when it is missing, null or not a string.</summary>
    public static string? Optional(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static DateOnly IsoDate(JsonElement o, string name)
    {
        var text = Required(o, name);
        return Dates.TryParseIso(text, out var date) ? date
            : throw new ImportFailureException(ImportFailureKind.Invalid, Dates.IsoProblem(name, text));
    }

    /// <summary>Outlet text as one clean line: entities decoded, spaces folded.</summary>
    public static string Line(string raw) => TextCleaner.CleanLine(WebUtility.HtmlDecode(raw));

    /// <summary>One paragraph a non-blank line, entities decoded and each line cleaned.</summary>
    public static List<string> Lines(string raw)
    {
        var lines = new List<string>();
        foreach (var line in WebUtility.HtmlDecode(raw).Split('\n'))
        {
            var clean = TextCleaner.CleanLine(line);
            if (clean.Length > 0) lines.Add(clean);
        }
        return lines;
    }

    /// <summary>The language a record's hint names (ISO 639-1), or null when it names none Tongsin knows.</summary>
    public static string? Hint(JsonElement o) =>
        Optional(o, "language_hint") is { } hint ? Model.Languages.Normalise(hint) : null;
}
