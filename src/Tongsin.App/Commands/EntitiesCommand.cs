using Tongsin.Exchange;
using System.CommandLine;
using System.Globalization;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;

namespace Tongsin.App.Commands;

/// <summary>
/// `tongsin entities`: the gazetteer's entities with how many articles name them; `entities show`
/// one entity's record over time; `entities candidates` the names found that the gazetteer lacks.
/// </summary>
internal static class EntitiesCommand
{
    public static Command Create(CommandContext context)
    {
        var kind = KindOption("Only entities of this kind: person, organisation, country, place, idea");
        var filter = new Option<string?>("--filter") { Description = "Only entities with a spelling that contains this text (case, hyphens and accents folded)" };
        var command = new Command("entities", "List the entities of the gazetteer with how many articles name them (after 'tongsin analyse')");
        command.Options.Add(kind);
        command.Options.Add(filter);
        command.Subcommands.Add(EntityShow.Create(context));
        command.Subcommands.Add(Candidates(context));
        command.SetAction(parse =>
        {
            var wanted = Kind(parse.GetValue(kind));
            var text = parse.GetValue(filter) is { } f ? SpellingKey.Of(f) : null;
            if (text is { Length: 0 }) throw new UsageException("--filter needs letters or digits to look for");
            var gazetteer = Gazetteer.Load();
            using var archive = context.OpenArchive(parse);
            var counts = new EntityMentions(archive).All(wanted is { } k ? EntityKinds.Name(k) : null).ToDictionary(c => c.Entity);
            var rows = gazetteer.Entities
                .Where(e => wanted is null || e.Kind == wanted)
                .Where(e => text is null || e.Spellings.Any(s => SpellingKey.Of(s).Contains(text, StringComparison.Ordinal)))
                .Select(e => (Entity: e, Count: counts.GetValueOrDefault(e.Slug)))
                .OrderByDescending(r => r.Count?.Articles ?? 0).ThenBy(r => r.Entity.Slug, StringComparer.Ordinal)
                .ToList();
            var o = context.Console.Out;
            o.Write("slug,kind,name,articles,mentions\r\n");
            foreach (var (e, c) in rows)
                o.Write($"{e.Slug},{EntityKinds.Name(e.Kind)},{CsvRecord.Cell(e.Name)},{c?.Articles ?? 0},{c?.Mentions ?? 0}\r\n");
            return rows.Count == 0 ? 1 : 0;
        });
        return command;
    }

    public static Option<string?> KindOption(string description) => new("--kind") { Description = description };

    /// <summary>The kind an option names, or null for all; an unknown kind is a usage error.</summary>
    public static EntityKind? Kind(string? name) =>
        name is null ? null
        : EntityKinds.Parse(name) ?? throw new UsageException($"--kind '{name}' is not a kind; there are: {string.Join(", ", EntityKinds.ByName.Keys)}");

    private static Command Candidates(CommandContext context)
    {
        var min = new Option<int>("--min") { Description = "Only names found in at least this many articles (default 2)", DefaultValueFactory = _ => 2 };
        var kind = KindOption("Only names of this kind (the recogniser finds people and organisations without the gazetteer: person, organisation)");
        var format = new Option<string>("--format") { Description = "csv (default) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("candidates", "The names the recogniser found that the gazetteer lacks, most frequent first, with example articles, for review");
        command.Options.Add(min);
        command.Options.Add(kind);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(min);
            if (n < 1) throw new UsageException($"--min must be at least 1, not {n}");
            var wanted = Kind(parse.GetValue(kind));
            var gazetteer = Gazetteer.Load();
            using var archive = context.OpenArchive(parse);
            var found = new EntityMentions(archive).Candidates(n, wanted is { } k ? EntityKinds.Name(k) : null, 100_000);
            // A name the gazetteer holds under another romanisation is a spelling to add, not a person to add.
            // A body's name is no romanised Korean name, and reading it back would only cost time.
            var readings = found.ToDictionary(c => c.Entity, c => c.Kind != "person" ? "" : string.Join(' ', gazetteer.FindByReading(c.Name).Select(e => e.Slug)));
            var o = context.Console.Out;
            if (parse.GetValue(format) == "json") o.WriteLine(Json.Write(j =>
            {
                j.WriteStartArray();
                foreach (var c in found)
                {
                    j.WriteStartObject();
                    j.WriteString("entity", c.Entity);
                    j.WriteString("kind", c.Kind);
                    j.WriteString("name", c.Name);
                    j.WriteNumber("articles", c.Articles);
                    j.WriteNumber("mentions", c.Mentions);
                    j.WriteString("reads_as", readings[c.Entity]);
                    j.WriteStartArray("examples");
                    foreach (var a in c.Examples)
                    {
                        j.WriteStartObject();
                        j.WriteNumber("id", a.ArticleId);
                        j.WriteString("published", a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        j.WriteString("title", a.Title);
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    j.WriteEndObject();
                }
                j.WriteEndArray();
            }));
            else
            {
                o.Write("entity,kind,name,articles,mentions,reads_as,example_ids,example_titles\r\n");
                foreach (var c in found)
                    o.Write($"{c.Entity},{c.Kind},{CsvRecord.Cell(c.Name)},{c.Articles},{c.Mentions},{readings[c.Entity]},"
                        + $"{string.Join(' ', c.Examples.Select(a => a.ArticleId))},{CsvRecord.Cell(string.Join(" | ", c.Examples.Select(a => a.Title)))}\r\n");
            }
            return 0;
        });
        return command;
    }
}
