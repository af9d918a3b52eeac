using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Tongsin.App.Web;

namespace Tongsin.Tests.Web;

/// <summary>
/// The API's description is written by hand (docs/web.md says why); these hold it to the routes the
/// site maps and to the fields its answers carry, so the two cannot drift apart unnoticed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OpenApiDocumentTests(WebServerFixture server)
{
    private static readonly JsonElement Document = JsonDocument.Parse(StaticAssets.OpenApi.Content).RootElement;

    [Fact]
    public async Task Every_API_route_the_site_maps_is_documented_and_nothing_else()
    {
        await using var app = WebServer.Build(server.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"] }, TimeProvider.System);
        var mapped = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => p.StartsWith("/api/") && !p.Contains("{**"))
            .ToHashSet();
        var documented = Document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(documented.Order(), mapped.Order());
    }

    [Theory]
    [InlineData("/api/articles?limit=1", "ArticleList", "articles", "ArticleSummary")]
    [InlineData("/api/search?q=mill&limit=1&facets=1", "SearchResults", "hits", "SearchHit")]
    [InlineData("/api/sources", "SourceList", "sources", "Source")]
    [InlineData("/api/articles/1", "Article", "history", "Version")]
    [InlineData("/api/trends?q=mill&interval=year", "Trends", "series", "TrendSeries")]
    [InlineData("/api/rhetoric?target=japan&interval=year", "Rhetoric", "points", "RhetoricPoint")]
    public async Task An_answer_carries_exactly_the_fields_its_schema_lists(string path, string schema, string list, string itemSchema)
    {
        using var answer = JsonDocument.Parse(await server.Client.GetStringAsync(path));
        var root = answer.RootElement;
        Assert.Equal(Fields(schema), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Fields(itemSchema), root.GetProperty(list)[0].EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Stats_and_facets_carry_exactly_the_fields_their_schemas_list()
    {
        var stats = JsonDocument.Parse(await server.Client.GetStringAsync("/api/stats")).RootElement;
        Assert.Equal(Fields("Stats"), stats.EnumerateObject().Select(p => p.Name).Order());
        var facets = JsonDocument.Parse(await server.Client.GetStringAsync("/api/search?q=mill&facets=1")).RootElement.GetProperty("facets");
        Assert.Equal(Fields("Facets"), facets.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Fields("Facet"), facets.GetProperty("sources")[0].EnumerateObject().Select(p => p.Name).Order());
    }

    private static IEnumerable<string> Fields(string schema) =>
        Document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
}
