using System.Text.Json.Serialization;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.App.Shared;

/// <summary>A search hit as `tongsin search --json` prints it and /api/search returns it.</summary>
internal sealed record SearchHitRecord(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("source_slug")] string SourceSlug,
    [property: JsonPropertyName("published")] string Published,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("snippet")] string Snippet,
    [property: JsonPropertyName("snippet_html")] string SnippetHtml,
    [property: JsonPropertyName("score")] double Score)
{
    public static SearchHitRecord From(SearchHit hit) => new(
        hit.Id, hit.Title, hit.Source, hit.SourceSlug, Dates.ToIso(hit.Published), hit.IsStub ? "stub" : "complete",
        Snippets.Plain(hit.Snippet), Snippets.Html(hit.Snippet), Math.Round(hit.Score, 4));
}
