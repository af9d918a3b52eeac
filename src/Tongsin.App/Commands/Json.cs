using System.Text.Encodings.Web;
using System.Text.Json;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.App.Commands;

/// <summary>The JSON that search and show print with --json.</summary>
internal static class Json
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) body(w);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Hit(Utf8JsonWriter w, SearchHit hit)
    {
        w.WriteStartObject();
        w.WriteNumber("id", hit.Id);
        w.WriteString("title", hit.Title);
        w.WriteString("source", hit.Source);
        w.WriteString("source_slug", hit.SourceSlug);
        w.WriteString("published", Dates.ToIso(hit.Published));
        w.WriteString("status", hit.IsStub ? "stub" : "complete");
        w.WriteString("snippet", Snippets.Plain(hit.Snippet));
        w.WriteString("snippet_html", Snippets.Html(hit.Snippet));
        w.WriteNumber("score", Math.Round(hit.Score, 4));
        w.WriteEndObject();
    }

    public static void Article(Utf8JsonWriter w, ArticleRecord a, IReadOnlyList<ArticleVersion> versions)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("source", a.Source.Label);
        w.WriteString("outlet", a.Source.Outlet.Name);
        w.WriteString("language", a.Source.Language);
        w.WriteString("title", a.Title);
        w.WriteString("published", Dates.ToIso(a.Published));
        Nullable(w, "captured", Dates.ToIso(a.Captured));
        Nullable(w, "url", a.Url);
        w.WriteString("status", a.Status == ArticleStatus.Stub ? "stub" : "complete");
        Nullable(w, "teaser", a.Teaser);
        Paragraphs(w, "body", a.Paragraphs);
        Nullable(w, "removed", Dates.ToIso(a.RemovedOn));
        Nullable(w, "hash", a.ContentHash);
        w.WriteStartArray("versions");
        foreach (var v in versions)
        {
            w.WriteStartObject();
            w.WriteNumber("version", v.Number);
            w.WriteString("title", v.Title);
            Nullable(w, "captured", Dates.ToIso(v.Captured));
            w.WriteString("recorded", v.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            w.WriteString("hash", v.Hash);
            Paragraphs(w, "body", v.Paragraphs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void Paragraphs(Utf8JsonWriter w, string name, IReadOnlyList<string> paragraphs)
    {
        w.WriteStartArray(name);
        foreach (var p in paragraphs) w.WriteStringValue(p);
        w.WriteEndArray();
    }
}
