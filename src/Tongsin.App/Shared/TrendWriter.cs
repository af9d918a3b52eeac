using System.Globalization;
using System.Text.Json;
using Tongsin.Analysis.Trends;
using Tongsin.Exchange;
using Tongsin.Search;

namespace Tongsin.App.Shared;

/// <summary>A trend's series as JSON and as CSV, the same from the command line and the API.</summary>
internal static class TrendWriter
{
    /// <summary>What the share is a share of, said beside every series.</summary>
    public const string Normalisation = "share: the matching articles as a fraction of all the articles the chosen sources published in the bucket";

    public static void Json(Utf8JsonWriter w, TallyInterval interval, IReadOnlyList<TrendSeries> series)
    {
        w.WriteStartObject();
        w.WriteString("interval", interval.ToString().ToLowerInvariant());
        w.WriteString("normalisation", Normalisation);
        w.WriteStartArray("series");
        foreach (var s in series)
        {
            w.WriteStartObject();
            w.WriteString("query", s.Query);
            if (s.Source is null) w.WriteNull("source"); else w.WriteString("source", s.Source);
            w.WriteStartArray("points");
            foreach (var p in s.Points)
            {
                w.WriteStartObject();
                w.WriteString("bucket", p.Label);
                w.WriteNumber("count", p.Count);
                w.WriteNumber("total", p.Total);
                w.WriteNumber("share", Math.Round(p.Share, 6));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One row a point: query, source (empty for all the chosen sources), bucket, count, total, share.</summary>
    public static void Csv(TextWriter w, IReadOnlyList<TrendSeries> series)
    {
        w.Write("query,source,bucket,count,total,share\r\n");
        foreach (var s in series)
            foreach (var p in s.Points)
                w.Write($"{CsvRecord.Cell(s.Query)},{CsvRecord.Cell(s.Source ?? "")},{p.Label},{p.Count},{p.Total},{p.Share.ToString("0.######", CultureInfo.InvariantCulture)}\r\n");
    }
}
