using System.Globalization;
using System.Text.Json;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Exchange;

/// <summary>
/// One article a line: the export format, which <c>tongsin import</c> reads back. Keys: id, source,
/// outlet, language, title, published, captured, url, status, teaser, body (paragraphs), versions
/// (a count), recorded (when the current version was recorded), removed, hash, dateline (place, date,
/// agency, or null), addresses (every address the article was found under, the first first, each with
/// url, first_seen, last_seen and gone, the day it was found gone from it or null), original and
/// reprints (the copies of its text in other articles, where they were read), mentions (each entity
/// the text names: entity, kind, slug, count, where they were read), and history (every version, oldest first, each with its own recorded) when there
/// is more than one.
/// </summary>
public static class JsonlRecord
{
    /// <summary>Writes one record; <paramref name="withHistory"/> lists the versions even when there is only one.</summary>
    public static void Write(Utf8JsonWriter w, ArticleHistory item, bool withHistory = false)
    {
        var a = item.Article;
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("source", a.Source.Label);
        w.WriteString("outlet", a.Source.Outlet.Name);
        w.WriteString("language", a.Source.Language);
        w.WriteString("title", a.Title);
        w.WriteString("published", Dates.ToIso(a.Published));
        WriteNullable(w, "captured", Dates.ToIso(a.Captured));
        WriteNullable(w, "url", a.Url);
        w.WriteString("status", a.Status == ArticleStatus.Stub ? "stub" : "complete");
        WriteNullable(w, "teaser", a.Teaser);
        WriteParagraphs(w, "body", a.Paragraphs);
        w.WriteNumber("versions", a.VersionCount);
        if (item.Recorded is { } recorded && a.Status == ArticleStatus.Complete) w.WriteString("recorded", Moment(recorded));
        WriteNullable(w, "removed", Dates.ToIso(a.RemovedOn));
        WriteNullable(w, "hash", a.ContentHash);
        if (a.Dateline is { } d)
        {
            w.WriteStartObject("dateline");
            w.WriteString("place", d.Place);
            WriteNullable(w, "date", Dates.ToIso(d.Date));
            w.WriteString("agency", d.Agency);
            w.WriteEndObject();
        }
        else w.WriteNull("dateline");
        w.WriteStartArray("addresses");
        foreach (var address in item.Addresses)
        {
            w.WriteStartObject();
            w.WriteString("url", address.Url);
            w.WriteString("first_seen", Dates.ToIso(address.FirstSeen));
            w.WriteString("last_seen", Dates.ToIso(address.LastSeen));
            WriteNullable(w, "gone", Dates.ToIso(address.GoneOn));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (item.Reprints is { } reprints)
        {
            if (reprints.Original is { } original) w.WriteNumber("original", original); else w.WriteNull("original");
            w.WriteStartArray("reprints");
            foreach (var r in reprints.Others)
            {
                w.WriteStartObject();
                w.WriteNumber("id", r.Id);
                w.WriteString("source", r.Source);
                w.WriteString("published", Dates.ToIso(r.Published));
                w.WriteNumber("similarity", Math.Round(r.Similarity, 3));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (item.Mentions is { } mentions)
        {
            w.WriteStartArray("mentions");
            foreach (var m in mentions)
            {
                w.WriteStartObject();
                w.WriteString("entity", m.Entity);
                w.WriteString("kind", m.Kind);
                w.WriteString("slug", m.Slug);
                w.WriteNumber("count", m.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (item.Versions.Count > 1 || (withHistory && item.Versions.Count > 0))
        {
            w.WriteStartArray("history");
            foreach (var v in item.Versions)
            {
                w.WriteStartObject();
                w.WriteNumber("version", v.Number);
                w.WriteString("title", v.Title);
                WriteNullable(w, "captured", Dates.ToIso(v.Captured));
                w.WriteString("recorded", Moment(v.RecordedAt));
                w.WriteString("hash", v.Hash);
                WriteParagraphs(w, "body", v.Paragraphs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Reads one line of an export. Throws <see cref="ImportFailureException"/> naming what is wrong.</summary>
    public static ArticleHistory Read(string line, OutletCatalog outlets)
    {
        using var doc = Parse(line);
        return Read(doc.RootElement, outlets);
    }

    /// <summary>Parses one line as JSON, or says it is not JSON.</summary>
    public static JsonDocument Parse(string line)
    {
        try { return JsonDocument.Parse(line); }
        catch (JsonException e) { throw NotJson(e); }
    }

    /// <summary>Parses one line's UTF-8 bytes as JSON, or says it is not JSON. The document reads the bytes in place: they must outlive it.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> line)
    {
        try { return JsonDocument.Parse(line); }
        catch (JsonException e) { throw NotJson(e); }
    }

    private static ImportFailureException NotJson(JsonException e) =>
        new(ImportFailureKind.Invalid, $"not valid JSON ({e.Message.Split('.')[0]})");

    public static ArticleHistory Read(JsonElement o, OutletCatalog outlets)
    {
        {
            if (o.ValueKind != JsonValueKind.Object) throw Bad("a record must be a JSON object");
            var label = RequiredString(o, "source");
            var source = Source.FromLabel(label, outlets);
            if (OptionalString(o, "language") is { } lang && Languages.Normalise(lang) is { } iso && iso != source.Language)
                source = source with { Language = iso };
            var title = TextCleaner.CleanLine(RequiredString(o, "title"));
            if (title.Length == 0) throw Bad("'title' is empty");
            var published = RequiredDate(o, "published");
            var captured = OptionalDate(o, "captured");
            var url = OptionalString(o, "url");
            var teaser = OptionalString(o, "teaser") is { } t ? TextCleaner.CleanLine(t) : null;
            var status = OptionalString(o, "status") ?? "complete";
            if (status is not ("complete" or "stub")) throw Bad($"'status' must be \"complete\" or \"stub\", not \"{status}\"");
            var body = Paragraphs(o, "body");
            var removed = OptionalDate(o, "removed");
            var isStub = status == "stub";

            var versions = new List<ArticleVersion>();
            if (!isStub)
            {
                if (o.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array)
                {
                    foreach (var v in history.EnumerateArray())
                    {
                        var vt = TextCleaner.CleanLine(RequiredString(v, "title"));
                        var vb = Paragraphs(v, "body");
                        var recorded = Recorded(v);
                        versions.Add(new ArticleVersion(v.TryGetProperty("version", out var n) && n.TryGetInt32(out var num) ? num : versions.Count + 1,
                            vt, vb, OptionalDate(v, "captured"), ContentHash.Of(vt, vb), recorded));
                    }
                    versions.Sort((x, y) => x.Number.CompareTo(y.Number));
                }
                if (versions.Count == 0)
                    versions.Add(new ArticleVersion(1, title, body, captured, ContentHash.Of(title, body), Recorded(o)));
            }

            Dateline? dateline = null;
            if (o.TryGetProperty("dateline", out var dl) && dl.ValueKind == JsonValueKind.Object)
                dateline = new Dateline(RequiredString(dl, "place"), OptionalDate(dl, "date"), OptionalString(dl, "agency") ?? "");
            var article = new ArticleRecord(0, source, title, published, captured, url,
                isStub ? ArticleStatus.Stub : ArticleStatus.Complete, teaser, isStub ? [] : body,
                versions.Count, removed, isStub ? null : ContentHash.Of(title, body), dateline);
            return new ArticleHistory(article, versions) { Addresses = Addresses(o) };
        }
    }

    private static List<ArticleAddress> Addresses(JsonElement o)
    {
        var list = new List<ArticleAddress>();
        if (!o.TryGetProperty("addresses", out var v) || v.ValueKind == JsonValueKind.Null) return list;
        if (v.ValueKind != JsonValueKind.Array) throw Bad("'addresses' must be an array");
        foreach (var d in v.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object) throw Bad("'addresses' must hold objects with url, first_seen and last_seen");
            var first = RequiredDate(d, "first_seen");
            var last = RequiredDate(d, "last_seen");
            if (last < first) throw Bad($"an address's 'last_seen' ({Dates.ToIso(last)}) is before its 'first_seen' ({Dates.ToIso(first)})");
            list.Add(new ArticleAddress(RequiredString(d, "url"), first, last, OptionalDate(d, "gone")));
        }
        return list;
    }

    private static ImportFailureException Bad(string why) => new(ImportFailureKind.Invalid, why);

    private static string Moment(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // When the archive the record comes from recorded a version; MinValue when it does not say, and the importing archive records it now.
    private static DateTimeOffset Recorded(JsonElement o) =>
        OptionalString(o, "recorded") is { } r && DateTimeOffset.TryParse(r, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time : DateTimeOffset.MinValue;

    private static string RequiredString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw Bad($"'{name}' is missing or not a string");

    private static string? OptionalString(JsonElement o, string name) =>
        !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString() : throw Bad($"'{name}' must be a string or null");

    private static DateOnly RequiredDate(JsonElement o, string name) =>
        OptionalDate(o, name) ?? throw Bad($"'{name}' is missing");

    private static DateOnly? OptionalDate(JsonElement o, string name)
    {
        var text = OptionalString(o, name);
        if (text is null) return null;
        return Dates.TryParseIso(text, out var d) ? d : throw Bad(Dates.IsoProblem(name, text));
    }

    private static List<string> Paragraphs(JsonElement o, string name)
    {
        var list = new List<string>();
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return list;
        if (v.ValueKind != JsonValueKind.Array) throw Bad($"'{name}' must be an array of paragraphs");
        foreach (var p in v.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String) throw Bad($"'{name}' must hold only strings");
            var clean = TextCleaner.CleanLine(p.GetString()!);
            if (clean.Length > 0) list.Add(clean);
        }
        return list;
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void WriteParagraphs(Utf8JsonWriter w, string name, IReadOnlyList<string> paragraphs)
    {
        w.WriteStartArray(name);
        foreach (var p in paragraphs) w.WriteStringValue(p);
        w.WriteEndArray();
    }
}
