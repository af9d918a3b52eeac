using System.Text.Encodings.Web;
using System.Text.Json;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.App.Commands;

/// <summary>The JSON that search prints with --json; show prints an export record (JsonlRecord).</summary>
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


}
