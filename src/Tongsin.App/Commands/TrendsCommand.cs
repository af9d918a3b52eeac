using System.CommandLine;
using Tongsin.Analysis.Trends;
using Tongsin.App.Shared;
using Tongsin.Search;

namespace Tongsin.App.Commands;

/// <summary>`tongsin trends QUERY...`: each query's matching articles per bucket of time, absolute and as a share of all the chosen sources published.</summary>
internal static class TrendsCommand
{
    public static Command Create(CommandContext context)
    {
        var queries = new Argument<string[]>("query") { Description = "One or more queries of the query language (quote each one)", Arity = ArgumentArity.OneOrMore };
        var interval = new Option<string>("--interval") { Description = "day, week (ISO, from Monday), month or year", DefaultValueFactory = _ => "month" };
        var format = new Option<string>("--format") { Description = "csv (a row a point) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var bySource = new Option<bool>("--by-source") { Description = "A series for each source rather than one for all the chosen sources" };
        var everyCopy = new Option<bool>("--every-copy") { Description = "Count every copy of a text (reprints in other outlets, copies under other addresses) rather than each text once" };
        var filters = new Filters();
        var command = new Command("trends", "Attention over time: how many articles each query matches per day, week, month or year, and what share of everything the chosen sources published that is");
        command.Arguments.Add(queries);
        command.Options.Add(interval);
        command.Options.Add(format);
        command.Options.Add(bySource);
        command.Options.Add(everyCopy);
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var every = TallyBuckets.Parse(parse.GetValue(interval)!);
            var (from, to) = filters.Dates(parse);
            using var archive = context.OpenArchive(parse);
            var series = new Trends(archive).Run(new TrendRequest(parse.GetValue(queries)!, every, filters.SourceSlugs(parse, archive), from, to, parse.GetValue(bySource), EveryCopy: parse.GetValue(everyCopy)),
                context.Console.Cancel);
            if (parse.GetValue(format) == "json") context.Console.Out.WriteLine(Json.Write(w => TrendWriter.Json(w, every, series)));
            else TrendWriter.Csv(context.Console.Out, series);
            return 0;
        });
        return command;
    }
}
