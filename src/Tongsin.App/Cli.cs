using System.CommandLine;
using Tongsin.App.Commands;
using Tongsin.Archive;
using Tongsin.Ingest;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.App;

/// <summary>
/// The `tongsin` command line. Exit status: 0 done, 1 done but some items failed or nothing was
/// found to show, 2 the command line or query must be corrected, 3 the archive could not be used.
/// </summary>
public static class Cli
{
    public static int Run(string[] args, CliConsole console)
    {
        var db = new Option<string?>("--db")
        {
            Description = "The archive: an SQLite file path or a PostgreSQL address (postgres://user@host:5432/db). Default: $TONGSIN_DB, else ~/.local/share/tongsin/tongsin.db",
            Recursive = true,
        };
        var root = new RootCommand("Tongsin: a faithful, searchable archive of North Korean state media.");
        root.Options.Add(db);
        var context = new CommandContext(console, db);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(AnalyseCommand.Create(context));
        root.Subcommands.Add(ReprintsCommand.Create(context));
        root.Subcommands.Add(TrendsCommand.Create(context));
        root.Subcommands.Add(EntitiesCommand.Create(context));
        root.Subcommands.Add(AppearancesCommand.Create(context));
        root.Subcommands.Add(StatementsCommand.Create(context));
        root.Subcommands.Add(RhetoricCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(SourcesCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(CrawlCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            console.Error.WriteLine($"error: {parsed.Errors[0].Message}");
            console.Error.WriteLine($"Run 'tongsin {(parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ")}--help' for usage.");
            return 2;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Unwrap(e) is UsageException or QueryException or SearchBudgetException or Tongsin.Ingest.Crawl.CrawlConfigException)
        {
            console.Error.WriteLine($"error: {Unwrap(e).Message}");
            return 2;
        }
        catch (Exception e) when (Unwrap(e) is ArchiveException or ImportFailureException)
        {
            console.Error.WriteLine($"error: {Unwrap(e).Message}");
            return 3;
        }
        catch (Exception e) when (Unwrap(e) is Npgsql.NpgsqlException)
        {
            // The PostgreSQL server failed or went away in the middle of the work.
            console.Error.WriteLine($"error: the PostgreSQL archive failed: {Unwrap(e).Message}");
            return 3;
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {Unwrap(e).Message}");
            return 3;
        }
        catch (Exception e)
        {
            // An unexpected failure is still one line; TONGSIN_DEBUG=1 shows where it happened.
            var inner = Unwrap(e);
            console.Error.WriteLine($"error: unexpected failure: {inner.GetType().Name}: {inner.Message}");
            if (console.Environment("TONGSIN_DEBUG") == "1") console.Error.WriteLine(inner);
            return 70;
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerException: { } inner } ? Unwrap(inner) : e;
}

/// <summary>What every command needs: the console and the archive it names.</summary>
public sealed class CommandContext(CliConsole console, Option<string?> db)
{
    public CliConsole Console { get; } = console;

    public string Location(ParseResult parse) => ArchiveLocation.Resolve(parse.GetValue(db), Console);

    public IArchive OpenArchive(ParseResult parse, bool create = false) => ArchiveLocation.Open(Location(parse), Console, create);
}
