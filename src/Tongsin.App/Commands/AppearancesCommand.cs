using System.CommandLine;
using System.Globalization;
using Tongsin.Analysis.Appearances;
using Tongsin.Analysis.Entities;
using Tongsin.App.Shared;
using Tongsin.Exchange;

namespace Tongsin.App.Commands;

/// <summary>
/// `tongsin appearances`: the calendar of the followed persons' reported appearances (as CSV, a row
/// an appearance, or JSON); `counts` per kind by month or year, `companions` ranked, `gaps` the
/// longest stretches without one and the current one.
/// </summary>
internal static class AppearancesCommand
{
    public static Command Create(CommandContext context)
    {
        var person = new Option<string?>("--person") { Description = "A followed person: a name (\"Kim Jong Un\", 김정은) or a gazetteer slug (kim-jong-un); default: every followed person" };
        var from = new Option<string?>("--from") { Description = "Appearances on or after this day: YYYY-MM-DD, YYYY-MM or YYYY" };
        var to = new Option<string?>("--to") { Description = "Appearances on or before this day: YYYY-MM-DD, YYYY-MM or YYYY" };
        var with = new Option<string?>("--with") { Description = "Only the appearances in which this companion was named: a name in any spelling, or a gazetteer slug" };
        var format = new Option<string>("--format") { Description = "csv (default; a row an appearance) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("appearances", "The calendar: each reported public activity of the followed persons, with its day, kind, place, companions and articles");
        foreach (var option in new Option[] { person, with, from, to, format }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var (f, t) = Dates(parse, from, to);
            var slug = Person(parse.GetValue(person));
            using var archive = context.OpenArchive(parse);
            var companion = parse.GetValue(with) is { } text ? Gazetteer.Load().SlugOrName(text) : null;
            var calendar = new AppearanceCalendar(archive);
            var appearances = companion is null ? calendar.Appearances(slug, f, t) : calendar.With(companion, slug, f, t);
            if (parse.GetValue(format) == "json") WriteJson(context.Console.Out, appearances);
            else WriteCsv(context.Console.Out, appearances);
            return 0;
        });

        var by = new Option<string>("--by") { Description = "month or year (default)", DefaultValueFactory = _ => "year" };
        by.AcceptOnlyFromAmong("month", "year");
        var counts = new Command("counts", "Appearances per month or year, by kind, as CSV");
        foreach (var option in new Option[] { person, from, to, by }) counts.Options.Add(option);
        counts.SetAction(parse =>
        {
            var (f, t) = Dates(parse, from, to);
            var slug = Person(parse.GetValue(person));
            using var archive = context.OpenArchive(parse);
            var rows = new AppearanceCalendar(archive).Counts(slug, parse.GetValue(by) == "month" ? CalendarPeriod.Month : CalendarPeriod.Year, f, t);
            var w = context.Console.Out;
            w.Write("period," + string.Join(",", AppearanceKind.All.Select(CsvRecord.Cell)) + ",total\r\n");
            foreach (var period in rows.GroupBy(r => r.Period))
                w.Write($"{period.Key},{string.Join(",", AppearanceKind.All.Select(k => period.Where(r => r.Kind == k).Sum(r => r.Count)))},{period.Sum(r => r.Count)}\r\n");
            return 0;
        });

        var limit = new Option<int>("--limit") { Description = "How many at most (1-10000)", DefaultValueFactory = _ => 50 };
        var companions = new Command("companions", "The companions named most often beside the followed persons in a period, ranked, as CSV");
        foreach (var option in new Option[] { person, from, to, limit }) companions.Options.Add(option);
        companions.SetAction(parse =>
        {
            var n = Limit(parse.GetValue(limit));
            var (f, t) = Dates(parse, from, to);
            var slug = Person(parse.GetValue(person));
            using var archive = context.OpenArchive(parse);
            var w = context.Console.Out;
            w.Write("rank,name,entity,appearances,first,last\r\n");
            var rank = 0;
            foreach (var c in new AppearanceCalendar(archive).Companions(slug, f, t, n))
                w.Write($"{++rank},{CsvRecord.Cell(c.Name)},{c.Entity},{c.Appearances},{CalendarIso(c.First)},{CalendarIso(c.Last)}\r\n");
            return 0;
        });

        var gapPerson = new Option<string>("--person") { Description = "A followed person: a name or a gazetteer slug", Required = true };
        var gaps = new Command("gaps", "The longest stretches of days without a reported appearance of one person, and the current one, as CSV");
        gaps.Options.Add(gapPerson);
        gaps.Options.Add(limit);
        gaps.SetAction(parse =>
        {
            var n = Limit(parse.GetValue(limit));
            var slug = Person(parse.GetValue(gapPerson))!;
            using var archive = context.OpenArchive(parse);
            var (longest, current) = new AppearanceCalendar(archive).Gaps(slug, n);
            var w = context.Console.Out;
            w.Write("after,until,days,current,archive_articles,archive_thin\r\n");
            foreach (var g in longest.Concat(current is not null && !longest.Contains(current) ? [current] : []))
                w.Write($"{CalendarIso(g.After)},{CalendarIso(g.Until)},{g.Days},{(g.Current ? "yes" : "no")},{g.Articles},{(g.ArchiveThin ? "yes" : "no")}\r\n");
            return 0;
        });

        command.Subcommands.Add(counts);
        command.Subcommands.Add(companions);
        command.Subcommands.Add(gaps);
        return command;
    }

    /// <summary>The slug of the followed person a name or slug names; a usage error naming the followed persons when it names none.</summary>
    public static string? Person(string? text)
    {
        if (text is null) return null;
        var gazetteer = Gazetteer.Load();
        var followed = gazetteer.Entities.Where(e => e.Followed).ToList();
        var found = gazetteer.FindFollowed(text);
        return found.Count switch
        {
            1 => found[0].Slug,
            0 => throw new UsageException($"--person '{text}' is not a followed person; they are: {string.Join(", ", followed.Select(e => e.Name))}"),
            _ => throw new UsageException($"--person '{text}' names several followed persons ({string.Join(", ", found.Select(e => e.Slug))}): give the slug"),
        };
    }

    private static int Limit(int n) => n is < 1 or > 10_000 ? throw new UsageException($"--limit must be between 1 and 10000, not {n}") : n;

    private static (DateOnly? From, DateOnly? To) Dates(ParseResult parse, Option<string?> from, Option<string?> to) =>
        Filters.Dates(parse.GetValue(from), parse.GetValue(to));

    private static string CalendarIso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static void WriteCsv(TextWriter w, IReadOnlyList<CalendarAppearance> appearances)
    {
        w.Write("id,person,date,date_basis,activity,kind,place,companions,articles\r\n");
        foreach (var a in appearances)
            w.Write($"{a.Id},{a.Person},{CalendarIso(a.Date)},{a.DateBasis},{CsvRecord.Cell(a.Activity)},{CsvRecord.Cell(a.Kind)},{CsvRecord.Cell(a.Place)},"
                + $"{CsvRecord.Cell(string.Join("; ", a.Companions.Select(c => c.Name)))},{string.Join(" ", a.Articles)}\r\n");
    }

    private static void WriteJson(TextWriter w, IReadOnlyList<CalendarAppearance> appearances) => w.WriteLine(Json.Write(j => AppearanceWriter.Json(j, appearances)));
}
