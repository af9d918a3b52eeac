using System.CommandLine;
using Tongsin.Archive.Postgres;
using Tongsin.Archive.Transfer;

namespace Tongsin.App.Commands;

internal static class MigrateCommand
{
    public static Command Create(CommandContext context)
    {
        var from = new Option<string>("--from") { Description = "The SQLite archive to copy (a file path)", Required = true };
        var to = new Option<string>("--to") { Description = "The PostgreSQL archive to copy it into: postgres://user@host:5432/db (created when missing)", Required = true };
        var batch = new Option<int>("--batch") { Description = "Articles copied in one transaction", DefaultValueFactory = _ => 1000 };
        var command = new Command("migrate", "Copy an SQLite archive into PostgreSQL with every version, stub and removal; a stopped copy goes on where it was");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(batch);
        command.SetAction(parse =>
        {
            var console = context.Console;
            var origin = parse.GetValue(from)!;
            var target = parse.GetValue(to)!;
            var size = parse.GetValue(batch);
            if (size is < 1 or > 100_000) throw new UsageException($"--batch must be between 1 and 100000, not {size}");
            if (!PostgresAddress.IsAddress(target)) throw new UsageException($"--to '{target}' is not a PostgreSQL address; write it like postgres://user@localhost:5432/tongsin");
            if (PostgresAddress.IsAddress(origin)) throw new UsageException("--from takes an SQLite archive (a file path); copying between two PostgreSQL archives is pg_dump's job");
            PostgresAddress display;
            try { display = PostgresAddress.Parse(target); }
            catch (FormatException e) { throw new UsageException(e.Message); }

            var last = Environment.TickCount64;
            void Progress(long done, long total)
            {
                var now = Environment.TickCount64;
                if (done == 0 || done == total || now - last >= 2000)
                {
                    console.Error.WriteLine($"copied {done}/{total} articles and stubs");
                    last = now;
                }
            }

            CopyReport report;
            try
            {
                report = new SqliteToPostgres(console.Clock, size).Run(origin, target, Progress, console.Cancel);
            }
            catch (OperationCanceledException) when (console.Cancel.IsCancellationRequested)
            {
                console.Out.WriteLine($"stopped: what was copied is kept in {display.Display}; run the same migrate again to go on");
                return 1;
            }
            var o = console.Out;
            o.WriteLine($"copied {report.CopiedNow} articles and stubs from {report.Origin} to {display.Display}"
                + (report.ResumedAfter > 0 ? $" (going on after article {report.ResumedAfter})" : ""));
            if (!report.Verified)
            {
                foreach (var m in report.Mismatches) console.Error.WriteLine($"error: verification failed: {m}");
                return 1;
            }
            o.WriteLine($"verified: the counts and the content hashes match: {report.Articles} articles, {report.Stubs} stubs, {report.Versions} versions, "
                + $"{report.Removed} removed, {report.Events} removal events, {report.Sources} sources, {report.CrawlPages} crawl pages");
            // What is derived from the articles (lengths, reprints, mentions ...) is made again in the copy, not copied.
            using (var copy = Tongsin.Archive.Postgres.PostgresArchive.Open(target, console.Clock))
                AnalyseCommand.AfterCommit(console, copy);
            return 0;
        });
        return command;
    }
}
