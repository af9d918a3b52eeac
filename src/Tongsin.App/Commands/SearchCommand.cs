using System.CommandLine;
using System.Text.Json;
using Tongsin.App.Shared;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.App.Commands;

internal static class SearchCommand
{
    public static Command Create(CommandContext context)
    {
        var query = new Argument<string[]>("query") { Description = "Words (all must match) and \"exact phrases\"", Arity = ArgumentArity.OneOrMore };
        var lang = new Option<string?>("--lang") { Description = "Only this language: en, ko, zh, ru, ja, es, fr, de, ar" };
        var limit = new Option<int>("--limit") { Description = "How many hits (1-1000)", DefaultValueFactory = _ => 20 };
        var sort = new Option<string>("--sort") { Description = "relevance (default), newest or oldest", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest", "oldest");
        var json = new Option<bool>("--json") { Description = "Print a JSON array of hits" };
        var exactKorean = new Option<bool>("--exact-korean") { Description = "Match Korean as written; by default the DPRK's and the South's spellings find each other (로동/노동, 리/이)" };
        var budget = new Option<double>("--budget") { Description = "How many seconds the search may take before it is stopped; 0 for no limit", DefaultValueFactory = _ => SearchBounds.Default.Budget.TotalSeconds };
        var prefixWords = new Option<int>("--prefix-words") { Description = "How many words of the index a prefix (word*) may stand for; 0 for no limit", DefaultValueFactory = _ => SearchBounds.Default.PrefixTerms };
        var filters = new Filters();
        var command = new Command("search", "Search the archive's titles, teasers and bodies");
        command.Arguments.Add(query);
        filters.AddTo(command);
        command.Options.Add(lang);
        command.Options.Add(limit);
        command.Options.Add(sort);
        command.Options.Add(json);
        command.Options.Add(exactKorean);
        command.Options.Add(budget);
        command.Options.Add(prefixWords);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000) throw new UsageException($"--limit must be between 1 and 1000, not {n}");
            string? language = null;
            if (parse.GetValue(lang) is { } l)
                language = Languages.Normalise(l) ?? throw new UsageException($"--lang '{l}' is not a language code Tongsin knows (en, ko, zh, ru, ja, es, fr, de, ar)");
            var seconds = parse.GetValue(budget);
            if (!(seconds >= 0 && seconds <= 86_400)) throw new UsageException($"--budget must be a number of seconds from 0 (no limit) to 86400, not {seconds}");
            var words = parse.GetValue(prefixWords);
            if (words < 0) throw new UsageException($"--prefix-words must be 0 (no limit) or more, not {words}");
            var bounds = new SearchBounds(seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds), words == 0 ? int.MaxValue : words);
            var (from, to) = filters.Dates(parse);
            var text = string.Join(' ', parse.GetValue(query)!);
            // mentions:"Name" is written out as the entity's spellings before the query is read.
            if (Tongsin.Analysis.Mentions.MentionQuery.Has(text)) text = Tongsin.Analysis.Mentions.MentionQuery.Expand(text, Tongsin.Analysis.Entities.Gazetteer.Load());
            // Checked before opening the archive, so a bad query is reported as such even without one.
            QueryParser.Parse(text);
            using var archive = context.OpenArchive(parse);
            var request = new SearchRequest(text, filters.SourceSlugs(parse, archive), language, from, to, n, 0,
                parse.GetValue(sort) switch { "newest" => SearchSort.Newest, "oldest" => SearchSort.Oldest, _ => SearchSort.Relevance },
                FoldKorean: !parse.GetValue(exactKorean), Bounds: bounds);
            var results = archive.Search(request);
            Print(context.Console, results, text, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static void Print(CliConsole console, SearchResults results, string query, bool json)
    {
        if (json)
        {
            console.Out.WriteLine(Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var hit in results.Hits) JsonSerializer.Serialize(w, SearchHitRecord.From(hit));
                w.WriteEndArray();
            }));
            return;
        }
        var shown = results.Hits.Count < results.Total ? $", showing {results.Hits.Count}" : "";
        console.Out.WriteLine($"{results.Total} {(results.Total == 1 ? "match" : "matches")} for {query}{shown}");
        if (results.RankedAmong is { } among)
            console.Out.WriteLine($"ranked by relevance among the newest {among:N0}; narrow the query (a date range, more words) to rank them all, or use --sort newest");
        foreach (var hit in results.Hits)
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"[{hit.Id}] {hit.Title}{(hit.IsStub ? " (stub)" : "")}");
            console.Out.WriteLine($"     {hit.Source} · {Dates.ToIso(hit.Published)}");
            var snippet = console.IsTerminal ? Snippets.Marked(hit.Snippet, "\u001b[1m", "\u001b[22m") : Snippets.Plain(hit.Snippet);
            if (snippet.Length > 0) console.Out.WriteLine($"     {snippet}");
        }
    }
}
