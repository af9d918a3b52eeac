using System.CommandLine;
using Tongsin.App.Shared;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.App.Commands;

/// <summary>The --source, --lang, --from and --to options shared by export and search, and their checks.</summary>
internal sealed class Filters
{
    public Option<string[]> Source { get; } = new("--source") { Description = "A source (\"Voice of Korea (EN)\", voice-of-korea-en) or an outlet (all its languages); repeatable", AllowMultipleArgumentsPerToken = false };
    public Option<string?> From { get; } = new("--from") { Description = "Published on or after this date: YYYY-MM-DD, YYYY-MM or YYYY" };
    public Option<string?> To { get; } = new("--to") { Description = "Published on or before this date: YYYY-MM-DD, YYYY-MM or YYYY" };

    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(From);
        command.Options.Add(To);
    }

    public IReadOnlyList<string>? SourceSlugs(ParseResult parse, IArchive archive)
    {
        var wanted = parse.GetValue(Source) ?? [];
        if (wanted.Length == 0) return null;
        var known = archive.SourceList();
        var slugs = new List<string>();
        foreach (var text in wanted)
        {
            var match = SourceMatcher.Match(text, known, new OutletCatalog());
            if (match.Count == 0)
                throw new UsageException($"unknown source '{text}'; 'tongsin sources' lists the archive's sources");
            slugs.AddRange(match);
        }
        return slugs;
    }

    public (DateOnly? From, DateOnly? To) Dates(ParseResult parse) => Dates(parse.GetValue(From), parse.GetValue(To));

    /// <summary>The days --from and --to give (YYYY-MM-DD, YYYY-MM or YYYY; the first day of a month or year for --from, the last for --to); a usage error when one is not a date or --from is after --to.</summary>
    public static (DateOnly? From, DateOnly? To) Dates(string? fromText, string? toText)
    {
        var from = DateBounds.Parse(fromText, "--from", start: true, m => new UsageException(m));
        var to = DateBounds.Parse(toText, "--to", start: false, m => new UsageException(m));
        if (from > to) throw new UsageException($"--from {Text.Dates.ToIso(from)} is after --to {Text.Dates.ToIso(to)}");
        return (from, to);
    }
}
