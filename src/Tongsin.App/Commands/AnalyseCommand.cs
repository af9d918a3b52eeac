using System.CommandLine;
using Spectre.Console;
using Tongsin.Analysis;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Lengths;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Statements;
using Tongsin.Analysis.Reprints;
using Tongsin.Analysis.Rhetoric;
using Tongsin.Archive;

namespace Tongsin.App.Commands;

/// <summary>`tongsin analyse`: brings the analysers' tables up to date, and what import and crawl run after each commit.</summary>
internal static class AnalyseCommand
{
    /// <summary>The analysers the app runs, in order. A new analysis joins here.</summary>
    public static IReadOnlyList<IAnalyser> Analysers()
    {
        // Loaded once for the analysers that read it, and only when one of them is given an article.
        var gazetteer = new Lazy<Gazetteer>(Gazetteer.Load);
        return [new ArticleLengths(), new ReprintSignatures(), new MentionAnalyser(() => gazetteer.Value), new StatementAnalyser(() => gazetteer.Value), new AppearanceAnalyser(() => gazetteer.Value), new RhetoricAnalyser()];
    }

    public static Command Create(CommandContext context)
    {
        var only = new Option<string?>("--only") { Description = "Only this analyser: " + string.Join(", ", Analysers().Select(a => a.Name)) };
        var rebuild = new Option<bool>("--rebuild") { Description = "Empty the analysers' tables and analyse the whole archive again" };
        var command = new Command("analyse", "Bring what is derived from the archive (the analysers' tables) up to date with it");
        command.Options.Add(only);
        command.Options.Add(rebuild);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(only);
            if (name is not null && Analysers().All(a => a.Name != name))
                throw new UsageException($"--only '{name}' is not an analyser; there are: {string.Join(", ", Analysers().Select(a => a.Name))}");
            using var archive = context.OpenArchive(parse);
            var runs = Run(context.Console, archive, name, parse.GetValue(rebuild));
            foreach (var run in runs) context.Console.Out.WriteLine(Describe(run));
            if (name is null or ReprintSignatures.AnalyserName && Cluster(archive, context.Console) is { } clustering)
                context.Console.Out.WriteLine(Describe(clustering));
            if (name is null or AppearanceAnalyser.AnalyserName && Group(archive, context.Console, runs) is { Regrouped: true } grouping)
                context.Console.Out.WriteLine(Describe(grouping));
            return 0;
        });
        return command;
    }

    /// <summary>Runs the analysers with a bar on a terminal, or a line every two seconds in a log.</summary>
    public static IReadOnlyList<AnalyserRun> Run(CliConsole console, IArchive archive, string? only = null, bool rebuild = false)
    {
        var runner = new AnalyserRunner(archive, Analysers());
        if (!console.IsTerminal) return runner.Run(only, rebuild, new LineProgress(console), console.Cancel);
        IReadOnlyList<AnalyserRun> runs = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                runs = runner.Run(only, rebuild, new Progress(p =>
                {
                    if (!bars.TryGetValue(p.Analyser, out var bar)) bars[p.Analyser] = bar = ctx.AddTask(p.Analyser);
                    bar.MaxValue = Math.Max(1, p.Total);
                    bar.Value = p.Done;
                }), console.Cancel);
            });
        return runs;
    }

    /// <summary>
    /// After an import or a crawl pass committed: the analysers take in what changed, and say so
    /// when they did anything. A failing analysis does not undo what was stored; it is reported,
    /// and `tongsin analyse` goes on from where it stopped.
    /// </summary>
    public static void AfterCommit(CliConsole console, IArchive archive)
    {
        try
        {
                var runs = new AnalyserRunner(archive, Analysers()).Run(progress: new LineProgress(console), cancel: console.Cancel);
            foreach (var run in runs.Where(r => r.Articles > 0)) console.Out.WriteLine(Describe(run));
            if (Cluster(archive, console) is { Articles: > 0 } clustering) console.Out.WriteLine(Describe(clustering));
            if (Group(archive, console, runs) is { Regrouped: true } grouping) console.Out.WriteLine(Describe(grouping));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.Error.WriteLine($"error: the analysis stopped: {e.Message}; what was stored is kept, and 'tongsin analyse' goes on from here");
        }
    }

    /// <summary>After the analysers: the reprint clusters take in the signatures that changed.</summary>
    public static ReprintClusteringRun? Cluster(IArchive archive, CliConsole console) => new ReprintClustering().Update(archive, console.Cancel);

    /// <summary>
    /// After the analysers: the appearances are made again from the reports when these changed (a
    /// rebuild leaves the analyser's watermark where it was, so a run that analysed anything says so).
    /// </summary>
    public static AppearanceGroupingRun? Group(IArchive archive, CliConsole console, IReadOnlyList<AnalyserRun> runs) =>
        new AppearanceGrouping().Update(archive, runs.Any(r => r.Name == AppearanceAnalyser.AnalyserName && r.Articles > 0), console.Cancel);

    public static string Describe(AppearanceGroupingRun run) =>
        $"appearances: {run.Reports:N0} reports grouped into {run.Appearances:N0} {(run.Appearances == 1 ? "appearance" : "appearances")}";

    public static string Describe(ReprintClusteringRun run) =>
        $"reprint clusters: {(run.Rebuilt ? "rebuilt, " : "")}{run.Articles:N0} articles taken in"
        + (run.Clusters is { } clusters ? $", {clusters:N0} {(clusters == 1 ? "cluster" : "clusters")} of {run.Members:N0} articles" : "");

    public static string Describe(AnalyserRun run) =>
        $"{run.Name} (revision {run.Revision}): {(run.Rebuilt ? "rebuilt, " : "")}{run.Articles:N0} articles analysed, {run.Rows:N0} rows written";

    // Called on the runner's thread: IProgress<T>'s own class would post to the thread pool.
    private sealed class Progress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }

    // A line every two seconds while a run lasts; a run over sooner says nothing until its summary.
    private sealed class LineProgress(CliConsole console) : IProgress<AnalysisProgress>
    {
        private long _last = Environment.TickCount64;

        public void Report(AnalysisProgress p)
        {
            var now = Environment.TickCount64;
            if (now - _last < 2000) return;
            console.Error.WriteLine($"{p.Analyser}: {p.Done:N0}/{p.Total:N0}");
            _last = now;
        }
    }
}
