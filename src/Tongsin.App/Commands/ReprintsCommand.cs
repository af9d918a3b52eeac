using System.CommandLine;
using System.Globalization;
using Tongsin.Analysis.Reprints;
using Tongsin.Exchange;

namespace Tongsin.App.Commands;

/// <summary>`tongsin reprints`: the reprint clusters, their originals and copies, as CSV (a row an article) or JSON.</summary>
internal static class ReprintsCommand
{
    public static Command Create(CommandContext context)
    {
        var format = new Option<string>("--format") { Description = "csv (default; a row an article of each cluster) or json (a cluster an element)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var limit = new Option<int>("--limit") { Description = "How many clusters at most (1-100000)", DefaultValueFactory = _ => 1000 };
        var filters = new Filters();
        var command = new Command("reprints", "List the reprint clusters: texts published more than once, in one source or several; the earliest is the original, --from and --to bound its date");
        filters.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(limit);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 100_000) throw new UsageException($"--limit must be between 1 and 100000, not {n}");
            var (from, to) = filters.Dates(parse);
            using var archive = context.OpenArchive(parse);
            var clusters = new ReprintClusters(archive).List(from, to, filters.SourceSlugs(parse, archive), n);
            if (parse.GetValue(format) == "json") WriteJson(context.Console.Out, clusters);
            else WriteCsv(context.Console.Out, clusters);
            return 0;
        });
        return command;
    }

    private static void WriteCsv(TextWriter w, IReadOnlyList<ReprintCluster> clusters)
    {
        w.Write("original_id,article_id,source,published,similarity,title\r\n");
        foreach (var cluster in clusters)
            foreach (var m in cluster.Members)
                w.Write($"{cluster.OriginalId},{m.ArticleId},{Cell(m.Source)},{m.Published:yyyy-MM-dd},{m.Similarity.ToString("0.000", CultureInfo.InvariantCulture)},{Cell(m.Title)}\r\n");
    }

    private static string Cell(string value) => CsvRecord.Cell(value);

    private static void WriteJson(TextWriter w, IReadOnlyList<ReprintCluster> clusters) => w.WriteLine(Json.Write(j =>
    {
        j.WriteStartArray();
        foreach (var cluster in clusters)
        {
            j.WriteStartObject();
            j.WriteNumber("original", cluster.OriginalId);
            j.WriteStartArray("members");
            foreach (var m in cluster.Members)
            {
                j.WriteStartObject();
                j.WriteNumber("id", m.ArticleId);
                j.WriteString("source", m.Source);
                j.WriteString("published", m.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                j.WriteNumber("similarity", Math.Round(m.Similarity, 3));
                j.WriteString("title", m.Title);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }));
}
