using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Reprints;
using Tongsin.Archive;
using Tongsin.Exchange;
using Tongsin.Model;

namespace Tongsin.App.Commands;

internal static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var format = new Option<string>("--format") { Description = "jsonl (default) or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var filters = new Filters();
        var command = new Command("export", "Write articles and stubs out, one record each, oldest first");
        command.Options.Add(format);
        filters.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => Run(context, parse, parse.GetValue(format)!, parse.GetValue(output), filters));
        return command;
    }

    private static int Run(CommandContext context, ParseResult parse, string format, string? outPath, Filters filters)
    {
        var (from, to) = filters.Dates(parse);
        using var archive = context.OpenArchive(parse);
        var filter = new ArticleFilter(filters.SourceSlugs(parse, archive), from, to);

        // A file is written under a temporary name and moved into place only when complete.
        var temp = outPath is null ? null : outPath + ".partial";
        long count;
        try
        {
            using (var file = temp is null ? null : new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
            {
                var w = file ?? context.Console.Out;
                count = format == "csv" ? WriteCsv(archive, filter, w) : WriteJsonl(archive, filter, w);
                w.Flush();
            }
            if (temp is not null) File.Move(temp, outPath!, overwrite: true);
        }
        catch
        {
            if (temp is not null && File.Exists(temp)) File.Delete(temp);
            throw;
        }
        if (outPath is not null) context.Console.Error.WriteLine($"exported {count} records to {outPath}");
        return 0;
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static long WriteJsonl(IArchive archive, ArticleFilter filter, TextWriter w)
    {
        var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer, JsonOptions);
        var count = 0L;
        // The copies of each text, read whole first: an article with none has no row to look up.
        var reprints = new ReprintClusters(archive).AllLinks();
        // The mentions of a few hundred articles at a time: one query for them all.
        foreach (var batch in archive.Export(filter).Chunk(500))
        {
            var mentions = ArticleMentions.Of(archive, batch.Select(item => item.Article.Id).ToList());
            foreach (var item in batch)
            {
                JsonlRecord.Write(json, item with { Reprints = reprints.GetValueOrDefault(item.Article.Id, ReprintLinks.None), Mentions = mentions[item.Article.Id] });
                json.Flush();
                w.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                w.Write('\n');
                buffer.SetLength(0);
                json.Reset(buffer);
                count++;
            }
        }
        return count;
    }

    private static long WriteCsv(IArchive archive, ArticleFilter filter, TextWriter w)
    {
        w.Write(CsvRecord.Header + "\r\n");
        var count = 0L;
        foreach (var item in archive.Export(filter))
        {
            CsvRecord.Write(w, item.Article);
            count++;
        }
        return count;
    }
}
