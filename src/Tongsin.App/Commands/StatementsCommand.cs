using System.CommandLine;
using System.Globalization;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Statements;
using Tongsin.App.Shared;
using Tongsin.Exchange;

namespace Tongsin.App.Commands;

/// <summary>`tongsin statements`: the statements the archive's articles carry, newest first, with filters (after 'tongsin analyse').</summary>
internal static class StatementsCommand
{
    public static Command Create(CommandContext context)
    {
        var issuer = new Option<string?>("--issuer") { Description = "Only statements of this person or body: a name by any spelling, a slug, or words of the office (\"Foreign Ministry\")" };
        var kind = new Option<string?>("--kind") { Description = "Only this kind: " + string.Join(", ", StatementKinds.ByName.Keys) };
        var target = new Option<string?>("--target") { Description = "Only statements directed against this country or organisation (a name or slug)" };
        var from = new Option<string?>("--from") { Description = "Dated on or after this date: YYYY-MM-DD, YYYY-MM or YYYY" };
        var to = new Option<string?>("--to") { Description = "Dated on or before this date: YYYY-MM-DD, YYYY-MM or YYYY" };
        var format = new Option<string>("--format") { Description = "csv (default) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var limit = new Option<int>("--limit") { Description = $"At most this many, newest first (default 500, at most {StatementTracker.MostListed})", DefaultValueFactory = _ => 500 };
        var command = new Command("statements", "The statements, commentaries, answers, memoranda and letters the articles carry, newest first, with issuer, office, kind and targets");
        foreach (var o in new Option[] { issuer, kind, target, from, to, format, limit }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(kind) is { } k
                ? StatementKinds.Parse(k) ?? throw new UsageException($"--kind '{k}' is not a kind of statement; there are: {string.Join(", ", StatementKinds.ByName.Keys)}")
                : (StatementKind?)null;
            var (first, last) = Filters.Dates(parse.GetValue(from), parse.GetValue(to));
            var n = parse.GetValue(limit);
            if (n < 1 || n > StatementTracker.MostListed) throw new UsageException($"--limit must be from 1 to {StatementTracker.MostListed}, not {n}");
            using var archive = context.OpenArchive(parse);
            var found = new StatementTracker(archive, Gazetteer.Load())
                .List(new StatementFilter(Blank(parse.GetValue(issuer)), wanted, Blank(parse.GetValue(target)), first, last), n);
            var o = context.Console.Out;
            if (parse.GetValue(format) == "json") o.WriteLine(Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var s in found)
                {
                    w.WriteStartObject();
                    w.WriteString("date", Text.Dates.ToIso(s.Published));
                    w.WriteString("issuer", s.Issuer);
                    w.WriteString("issuer_slug", s.IssuerSlug);
                    w.WriteString("office", s.Office);
                    w.WriteString("office_slug", s.OfficeSlug);
                    w.WriteString("kind", StatementKinds.Name(s.Kind));
                    w.WriteBoolean("dprk", s.Dprk);
                    w.WriteStartArray("targets");
                    foreach (var t in s.Targets) w.WriteStringValue(t);
                    w.WriteEndArray();
                    w.WriteNumber("article", s.ArticleId);
                    w.WriteString("title", s.Title);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
            else
            {
                o.Write("date,issuer,office,kind,targets,article,title\r\n");
                foreach (var s in found)
                    o.Write($"{Text.Dates.ToIso(s.Published)},{CsvRecord.Cell(s.Issuer ?? "")},{CsvRecord.Cell(s.Office ?? "")},{StatementKinds.Name(s.Kind)},{CsvRecord.Cell(string.Join(' ', s.Targets))},{s.ArticleId.ToString(CultureInfo.InvariantCulture)},{CsvRecord.Cell(s.Title)}\r\n");
            }
            return 0;
        });
        return command;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
