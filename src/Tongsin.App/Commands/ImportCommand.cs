using System.CommandLine;
using Spectre.Console;
using Tongsin.Ingest;
using Tongsin.Model;

namespace Tongsin.App.Commands;

internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (read recursively) and globs: KCNA Watch text pages and Tongsin JSONL exports, plain or gzip", Arity = ArgumentArity.OneOrMore };
        var pageMb = new Option<int>("--max-page-mb") { Description = "Largest page or JSON document, unpacked, in MB (1-4096)", DefaultValueFactory = _ => (int)(ImportLimits.DefaultFileBytes >> 20) };
        var recordMb = new Option<int>("--max-record-mb") { Description = "Longest JSONL line, in MB (1-1024)", DefaultValueFactory = _ => ImportLimits.DefaultRecordBytes >> 20 };
        var textKb = new Option<int>("--max-text-kb") { Description = "Longest article text (title and paragraphs, UTF-8), in KB (1-1048576)", DefaultValueFactory = _ => ImportLimits.DefaultTextBytes >> 10 };
        var paragraphs = new Option<int>("--max-paragraphs") { Description = "Most paragraphs in one article (1-10000000)", DefaultValueFactory = _ => ImportLimits.DefaultParagraphs };
        var command = new Command("import", "Import saved pages and exports into the archive");
        command.Arguments.Add(paths);
        command.Options.Add(pageMb);
        command.Options.Add(recordMb);
        command.Options.Add(textKb);
        command.Options.Add(paragraphs);
        command.SetAction(parse =>
        {
            var limits = new ImportLimits(
                (long)Within(parse, pageMb, 4096) << 20,
                Within(parse, recordMb, 1024) << 20,
                Within(parse, textKb, 1 << 20) << 10,
                Within(parse, paragraphs, 10_000_000));
            return Run(context, parse, parse.GetValue(paths)!, limits);
        });
        return command;
    }

    private static int Within(ParseResult parse, Option<int> option, int max)
    {
        var value = parse.GetValue(option);
        if (value < 1 || value > max) throw new UsageException($"{option.Name} must be between 1 and {max}, not {value}");
        return value;
    }

    private static int Run(CommandContext context, ParseResult parse, string[] arguments, ImportLimits limits)
    {
        var console = context.Console;
        var (files, problems) = ImportPaths.Expand(arguments);
        foreach (var p in problems) console.Error.WriteLine($"error: {p}");

        using var archive = context.OpenArchive(parse, create: true);
        var job = new ImportJob(archive, new OutletCatalog(), limits: limits);
        ImportSummary summary;
        if (console.IsTerminal && files.Count > 1)
        {
            summary = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var bar = ctx.AddTask("importing", maxValue: files.Count);
                    summary = job.Run(files, new BarProgress(bar), console.Cancel);
                });
        }
        else
        {
            summary = job.Run(files, new LineProgress(console), console.Cancel);
        }

        var o = summary.Outcome;
        var failed = summary.Failures.Count + problems.Count;
        console.Out.WriteLine($"{summary.Files} files: {o.New} new, {o.Updated} updated, {o.Unchanged} unchanged, {o.NewStubs} stubs, {failed} failed"
            + (o.CompletedStubs > 0 ? $" ({o.CompletedStubs} stubs completed)" : ""));
        if (summary.Interrupted) console.Out.WriteLine("interrupted: what was imported before is kept; run the same import again to finish");
        else AnalyseCommand.AfterCommit(console, archive);
        foreach (var f in summary.Failures) console.Error.WriteLine($"error: {f}");
        return failed > 0 || summary.Interrupted ? 1 : 0;
    }

    /// <summary>Plain lines for logs and pipes: a count now and then; failures are listed once, at the end.</summary>
    private sealed class LineProgress(CliConsole console) : IImportProgress
    {
        private long _last = Environment.TickCount64;

        public void FileDone(string path, int done, int total)
        {
            var now = Environment.TickCount64;
            if (total > 1 && (now - _last >= 2000 || done == total))
            {
                console.Error.WriteLine($"imported {done}/{total} files");
                _last = now;
            }
        }

        public void Failed(ImportFailure failure) { }
    }

    private sealed class BarProgress(ProgressTask bar) : IImportProgress
    {
        public void FileDone(string path, int done, int total) => bar.Value = done;

        // Failures are listed after the bar, where they stay readable.
        public void Failed(ImportFailure failure) { }
    }
}
