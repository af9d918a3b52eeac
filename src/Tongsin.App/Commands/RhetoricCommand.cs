using System.CommandLine;
using Tongsin.Analysis.Rhetoric;
using Tongsin.App.Shared;
using Tongsin.Search;

namespace Tongsin.App.Commands;

/// <summary>`tongsin rhetoric TARGET`: the rhetoric index of a target per bucket of time (docs/rhetoric.md).</summary>
internal static class RhetoricCommand
{
    public static Command Create(CommandContext context)
    {
        var target = new Argument<string>("target") { Description = "A country or a foreign person of the gazetteer: its slug (united-states) or any spelling (U.S., Japanese, Abe)" };
        var interval = new Option<string>("--interval") { Description = "day, week (ISO, from Monday), month or year", DefaultValueFactory = _ => "month" };
        var format = new Option<string>("--format") { Description = "csv (a row a point) or json (with the ids of the articles behind each point)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var filters = new Filters();
        var command = new Command("rhetoric", "The rhetoric index: sentences hostile toward a target per 1,000 sentences published, per day, week, month or year");
        command.Arguments.Add(target);
        command.Options.Add(interval);
        command.Options.Add(format);
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var every = TallyBuckets.Parse(parse.GetValue(interval)!);
            var entity = RhetoricScorer.Load().Targets.Resolve(parse.GetValue(target)!);
            var (from, to) = filters.Dates(parse);
            using var archive = context.OpenArchive(parse);
            var points = new RhetoricIndex(archive).Run(new RhetoricRequest(entity.Slug, every, filters.SourceSlugs(parse, archive), from, to), context.Console.Cancel);
            if (parse.GetValue(format) == "json") context.Console.Out.WriteLine(Json.Write(w => RhetoricWriter.Json(w, entity, every, points)));
            else RhetoricWriter.Csv(context.Console.Out, entity, points);
            return 0;
        });
        return command;
    }
}
