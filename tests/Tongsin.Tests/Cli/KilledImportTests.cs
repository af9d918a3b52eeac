using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

/// <summary>An import killed with SIGKILL mid-way leaves a consistent archive, and running it again completes it.</summary>
public class KilledImportTests
{
    private static void WritePages(string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(i % 1500);
            var page = new PageBuilder(
                Title: $"Report Number {i} on Farm Work in Province {i % 9}",
                Published: day.ToString("dd/MM/yyyy"),
                Body: [$"Paragraph one of report {i} about the cooperative farms.", $"Paragraph two of report {i}, with figures {i * 7} and {i * 13}.", "The work goes on."],
                Cards: [($"Report Number {i + 1} on Farm Work in Province {(i + 1) % 9}", $"Teaser of report {i + 1}", day.AddDays(1).ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture))]);
            File.WriteAllText(Path.Combine(folder, $"page-{i:D5}.txt"), page.ToString());
        }
    }

    private static Process StartImport(string db, string folder) => Start("import", "--db", db, folder);

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "tongsin.dll") }.Concat(args)) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static long Committed(string db)
    {
        if (!File.Exists(db)) return 0;
        try { return long.Parse(Query(db, "SELECT count(*) FROM articles")); }
        catch (SqliteException) { return 0; } // not created yet, or busy
    }

    private static string Query(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=false");
        c.Open();
        // The index's derived columns come from a function the archive registers on its connections.
        Tongsin.Archive.Sqlite.SqliteSearchTerms.Register(c);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public void A_killed_import_leaves_a_consistent_archive_and_a_rerun_completes_it()
    {
        using var t = new TempFolder();
        var pages = Directory.CreateDirectory(t.File("pages")).FullName;
        // Enough pages for several commits (one every 10,000 items), so the kill lands between two of them.
        const int total = 26000;
        WritePages(pages, total);
        var db = t.File("killed.db");

        using (var import = StartImport(db, pages))
        {
            // Wait until a batch is committed, then kill without warning.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && !import.HasExited && Committed(db) == 0)
                Thread.Sleep(50);
            Assert.False(import.HasExited, "the import finished before it could be killed; give it more pages");
            import.Kill();
            import.WaitForExit();
        }

        Assert.Equal("ok", Query(db, "PRAGMA integrity_check"));
        Query(db, "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)");
        var partial = long.Parse(Query(db, "SELECT count(*) FROM articles WHERE status = 'complete'"));
        Assert.InRange(partial, 1, total - 1);
        // Every article that made it in has its version and its index entry: pages went in whole.
        Assert.Equal("0", Query(db, "SELECT count(*) FROM articles a WHERE a.status = 'complete' AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id)"));

        var rerun = CliRunner.Run("import", "--db", db, pages);
        Assert.Equal(0, rerun.Exit);

        var clean = t.File("clean.db");
        Assert.Equal(0, CliRunner.Run("import", "--db", clean, pages).Exit);
        foreach (var sql in new[]
                 {
                     "SELECT count(*) FROM articles WHERE status = 'complete'",
                     "SELECT count(*) FROM articles WHERE status = 'stub'",
                     "SELECT count(*) FROM versions",
                     "SELECT group_concat(hash, ',') FROM (SELECT hash FROM versions ORDER BY hash)",
                     "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'cooperative'",
                 })
            Assert.Equal(Query(clean, sql), Query(db, sql));
        Assert.Equal(total.ToString(), Query(db, "SELECT count(*) FROM articles WHERE status = 'complete'"));

        // The analysers' rebuild, killed after it committed some of its batches, resumes when run
        // again and ends with one row for every article: none lost, none twice.
        Assert.Equal(total.ToString(), Query(db, "SELECT count(*) FROM article_lengths"));
        using (var analyse = Start("analyse", "--db", db, "--rebuild"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && !analyse.HasExited && RebuiltUpTo(db) is not > 0)
                Thread.Sleep(5);
            Assert.False(analyse.HasExited, "the rebuild finished before it could be killed; give it more pages");
            analyse.Kill();
            analyse.WaitForExit();
        }
        var left = RebuiltUpTo(db);
        Assert.NotNull(left);
        Assert.InRange(long.Parse(Query(db, "SELECT count(*) FROM article_lengths")), 1, total - 1);
        var resumed = CliRunner.Run("analyse", "--db", db);
        Assert.Equal(0, resumed.Exit);
        Assert.Contains("lengths (revision 1): rebuilt, ", resumed.Out);
        Assert.Equal(total.ToString(), Query(db, "SELECT count(*) FROM article_lengths"));
        Assert.Equal(total.ToString(), Query(db, "SELECT count(DISTINCT article_id) FROM article_lengths"));
        Assert.Equal("", Query(db, "SELECT coalesce(rebuild_after, '') FROM analyser_state WHERE name = 'lengths'"));
    }

    // The last article the lengths analyser's rebuild has committed, or null when it is not rebuilding.
    private static long? RebuiltUpTo(string db)
    {
        try { return Query(db, "SELECT rebuild_after FROM analyser_state WHERE name = 'lengths'") is { Length: > 0 } v ? long.Parse(v) : null; }
        catch (SqliteException) { return null; }
    }
}
