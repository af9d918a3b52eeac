using System.Globalization;
using System.Text.Json;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Rhetoric;
using Tongsin.Search;

namespace Tongsin.App.Shared;

/// <summary>The rhetoric index as JSON or CSV: the same fields from the command and the API.</summary>
internal static class RhetoricWriter
{
    /// <summary>What the index is a count of, said beside every series.</summary>
    public const string Normalisation = "index: sentences hostile toward the target per 1,000 sentences the chosen sources published in the bucket";

    public static void Json(Utf8JsonWriter w, Entity target, TallyInterval interval, IReadOnlyList<RhetoricPoint> points, Func<RhetoricPoint, string>? link = null)
    {
        w.WriteStartObject();
        w.WriteString("target", target.Slug);
        w.WriteString("name", target.Name);
        w.WriteString("interval", interval.ToString().ToLowerInvariant());
        w.WriteString("normalisation", Normalisation);
        w.WriteStartArray("points");
        foreach (var p in points)
        {
            w.WriteStartObject();
            w.WriteString("bucket", p.Label);
            w.WriteNumber("index", Math.Round(p.Index, 3));
            w.WriteNumber("hostile", p.Hostile);
            w.WriteNumber("naming", p.Naming);
            w.WriteNumber("sentences", p.Sentences);
            w.WriteStartArray("articles");
            foreach (var id in p.Articles) w.WriteNumberValue(id);
            w.WriteEndArray();
            if (link is not null) w.WriteString("link", link(p));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One row a point: target, bucket, index, hostile, naming, sentences, articles (their count).</summary>
    public static void Csv(TextWriter w, Entity target, IReadOnlyList<RhetoricPoint> points)
    {
        w.Write("target,bucket,index,hostile,naming,sentences,articles\r\n");
        foreach (var p in points)
            w.Write($"{target.Slug},{p.Label},{p.Index.ToString("0.###", CultureInfo.InvariantCulture)},{p.Hostile},{p.Naming},{p.Sentences},{p.Articles.Count}\r\n");
    }
}
