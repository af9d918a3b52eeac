using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongsin.App.Commands;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.App.Web;

/// <summary>The JSON API under /api, described by /api/openapi.json. Read-only.</summary>
internal static class ApiEndpoints
{
    public const int MaxLimit = 100;
    public const int MaxOffset = 1_000_000;

    public static void Map(IEndpointRouteBuilder app, IArchive archive)
    {
        app.MapMethods("/api/articles", Routes.Read, (HttpContext c) =>
        {
            var p = new Parameters(c.Request, archive);
            var (from, to) = p.Dates();
            var query = new ArticleQuery(p.Sources(), from, to, p.Number("limit", 20, 1, MaxLimit), p.Number("offset", 0, 0, MaxOffset));
            var listing = archive.ListArticles(query);
            return Respond.Json(c, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total", listing.Total);
                w.WriteNumber("limit", query.Limit);
                w.WriteNumber("offset", query.Offset);
                if (listing.HasMore) w.WriteString("next", NextLink(c.Request, query.Offset + query.Limit)); else w.WriteNull("next");
                w.WriteStartArray("articles");
                foreach (var a in listing.Articles) Summary(w, a);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        app.MapMethods("/api/articles/{id}", Routes.Read, (HttpContext c, string id) =>
        {
            var article = Routes.ParseId(id) is { } n ? archive.FindArticle(n) : null;
            if (article is null) return Errors.Write(c, StatusCodes.Status404NotFound, $"The archive has no article '{id}'.");
            var versions = archive.Versions(article.Id);
            // The same record as `tongsin export` writes, with every version under history.
            return Respond.Json(c, w => Exchange.JsonlRecord.Write(w, new ArticleHistory(article, versions), withHistory: true), tagged: true);
        });

        app.MapMethods("/api/search", Routes.Read, async (HttpContext c) =>
        {
            var p = new Parameters(c.Request, archive);
            var request = p.Search(p.Number("limit", 20, 1, MaxLimit), p.Number("offset", 0, 0, MaxOffset))
                with { Facets = p.Text("facets") is "1" or "true" };
            var results = await SearchGate.Of(c).Search(c, request);
            await Respond.Json(c, w =>
            {
                w.WriteStartObject();
                w.WriteString("query", request.Query);
                w.WriteNumber("total", results.Total);
                // Set when relevance ranked only the newest of many matches (see docs/search.md).
                if (results.RankedAmong is { } among) w.WriteNumber("rankedAmong", among); else w.WriteNull("rankedAmong");
                w.WriteNumber("limit", request.Limit);
                w.WriteNumber("offset", request.Offset);
                if (request.Offset + results.Hits.Count < results.Total) w.WriteString("next", NextLink(c.Request, request.Offset + request.Limit)); else w.WriteNull("next");
                w.WriteStartArray("hits");
                foreach (var hit in results.Hits) Json.Hit(w, hit);
                w.WriteEndArray();
                if (results.Facets is { } facets)
                {
                    w.WriteStartObject("facets");
                    WriteFacets(w, "sources", facets.Sources);
                    WriteFacets(w, "languages", facets.Languages);
                    WriteFacets(w, "years", facets.Years);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            });
        });

        app.MapMethods("/api/sources", Routes.Read, (HttpContext c) => Respond.Json(c, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("sources");
            foreach (var s in archive.Sources())
            {
                w.WriteStartObject();
                w.WriteString("slug", s.Source.Slug);
                w.WriteString("label", s.Source.Label);
                w.WriteString("outlet", s.Source.Outlet.Name);
                w.WriteString("language", s.Source.Language);
                w.WriteNumber("articles", s.Articles);
                w.WriteNumber("stubs", s.Stubs);
                NullableDate(w, "first", s.First);
                NullableDate(w, "last", s.Last);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));

        app.MapMethods("/api/stats", Routes.Read, (HttpContext c) =>
        {
            var s = archive.Stats();
            return Respond.Json(c, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("articles", s.Articles);
                w.WriteNumber("stubs", s.Stubs);
                w.WriteNumber("versions", s.Versions);
                w.WriteNumber("removed", s.Removed);
                w.WriteNumber("sources", s.Sources);
                NullableDate(w, "first_published", s.FirstPublished);
                NullableDate(w, "last_published", s.LastPublished);
                w.WriteNumber("size_bytes", s.SizeBytes);
                w.WriteNumber("schema_version", s.SchemaVersion);
                w.WriteEndObject();
            });
        });

        app.MapMethods("/api/openapi.json", Routes.Read, (HttpContext c) =>
            Respond.Bytes(c, StaticAssets.OpenApi.Content, StaticAssets.OpenApi.ContentType, tagged: true));

        // Anything else under /api is a JSON 404, not the HTML page people get.
        app.MapMethods("/api/{**rest}", Routes.Read, (HttpContext c) =>
            Errors.Write(c, StatusCodes.Status404NotFound, $"There is no API endpoint at {c.Request.Path}; /api/openapi.json lists them."));
    }

    private static void Summary(Utf8JsonWriter w, ArticleRecord a)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("source", a.Source.Label);
        w.WriteString("source_slug", a.Source.Slug);
        w.WriteString("language", a.Source.Language);
        w.WriteString("published", Dates.ToIso(a.Published));
        w.WriteString("status", a.Status == ArticleStatus.Stub ? "stub" : "complete");
        if (Display.Teaser(a) is { } teaser) w.WriteString("teaser", teaser); else w.WriteNull("teaser");
        if (a.Url is null) w.WriteNull("url"); else w.WriteString("url", a.Url);
        w.WriteNumber("versions", a.VersionCount);
        NullableDate(w, "removed", a.RemovedOn);
        w.WriteString("href", $"/api/articles/{a.Id}");
        w.WriteEndObject();
    }

    private static void NullableDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d) w.WriteString(name, Dates.ToIso(d)); else w.WriteNull(name);
    }

    /// <summary>The same request with the offset moved on, so a client can follow "next" to the end.</summary>
    private static string NextLink(HttpRequest request, int offset)
    {
        var query = request.Query.Where(kv => kv.Key != "offset")
            .SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("offset=" + offset);
        return request.Path + "?" + string.Join("&", query);
    }

    private static void WriteFacets(Utf8JsonWriter w, string name, IReadOnlyList<Search.Facet> facets)
    {
        w.WriteStartArray(name);
        foreach (var f in facets)
        {
            w.WriteStartObject();
            w.WriteString("value", f.Value);
            w.WriteString("label", f.Label);
            w.WriteNumber("count", f.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
