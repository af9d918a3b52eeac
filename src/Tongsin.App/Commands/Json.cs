using System.Text.Encodings.Web;
using System.Text.Json;

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
}
