using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Cli;

/// <summary>Every command on a postgres:// archive, given by --db or TONGSIN_DB, says what it says on an SQLite file.</summary>
public partial class PostgresCommandTests
{
    // Versions are recorded at the moment of the import, which differs between two imports.
    [GeneratedRegex("\"recorded\":\\s*\"[^\"]*\"")]
    private static partial Regex Recorded();

    private static string Stable(string output) => Recorded().Replace(output, "\"recorded\":\"-\"");

    [Fact]
    public void Import_export_search_show_sources_and_stats_work_on_postgres_as_on_sqlite()
    {
        using var sqlite = new ArchiveFixture(Backend.Sqlite);
        using var pg = new ArchiveFixture(Backend.Postgres);
        var pages = Fixtures.Folder;
        var first = CliRunner.Run("import", "--db", sqlite.Location, pages);
        var env = new Dictionary<string, string?> { ["TONGSIN_DB"] = pg.Location };
        var second = CliRunner.Run(env, "import", pages);
        Assert.Equal(0, second.Exit);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal("4 files: 0 new, 0 updated, 4 unchanged, 0 stubs, 0 failed", CliRunner.Run(env, "import", pages).Out.Trim());

        foreach (var args in new[]
                 {
                     new[] { "export" }, ["export", "--format", "csv"], ["export", "--source", "Voice of Korea", "--from", "2026"],
                     ["search", "lang:ko"], ["search", "date:2026 source:kcna-en", "--json"],
                     ["show", "1", "--json"], ["show", "2"], ["sources"], ["search", "title:\"unclosed"], ["show", "99999"],
                 })
        {
            var a = CliRunner.Run(["--db", sqlite.Location, .. args]);
            var b = CliRunner.Run(["--db", pg.Location, .. args]);
            Assert.True(a.Exit == b.Exit, $"{string.Join(' ', args)}: exit {a.Exit} on SQLite, {b.Exit} on PostgreSQL: {b.Error}");
            Assert.Equal(Stable(a.Out), Stable(b.Out));
            Assert.Equal(a.Error, b.Error);
        }
        // Searches find the same hits; their snippets are cut by each database in its own way.
        foreach (var q in new[] { "sanctions", "김정은", "Kim Jong Un", "\"press statement\" OR meeting" })
            Assert.Equal(Hits(CliRunner.Run("search", "--db", sqlite.Location, q, "--json", "--limit", "100").Out),
                Hits(CliRunner.Run("search", "--db", pg.Location, q, "--json", "--limit", "100").Out));

        var stats = CliRunner.Run("stats", "--db", pg.Location);
        Assert.Equal(0, stats.Exit);
        Assert.Contains($"archive:   {Tongsin.Archive.Postgres.PostgresAddress.Parse(pg.Location).Display}", stats.Out);
        Assert.Contains("articles:  4", stats.Out);
        Assert.Contains("stubs:     37", stats.Out);
        Assert.Contains($"schema:    {Tongsin.Archive.Postgres.PostgresSchema.Latest}", stats.Out);
    }

    [Fact]
    public void Bad_addresses_and_unreachable_servers_are_one_line_errors()
    {
        var bad = CliRunner.Run("search", "--db", "postgres://user@localhost:5432", "x");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("names no database", bad.Error);

        var down = CliRunner.Run("stats", "--db", "postgres://user@127.0.0.1:1/archive");
        Assert.Equal(3, down.Exit);
        Assert.Equal("error: cannot reach the PostgreSQL server at 127.0.0.1:1: Connection refused", down.Error.Trim());

        using var db = TestPostgres.CreateDatabase();
        var empty = CliRunner.Run("search", "--db", db.Url, "x");
        Assert.Equal(3, empty.Exit);
        Assert.Contains("no archive at", empty.Error);
        Assert.DoesNotContain("   at ", empty.Error);
    }

    [Fact]
    public void Migrate_copies_every_version_stub_removal_and_event_and_verifies_them()
    {
        using var sqlite = new ArchiveFixture(Backend.Sqlite);
        Assert.Equal(0, CliRunner.Run("import", "--db", sqlite.Location, Fixtures.Folder, Tongsin.Tests.Search.RelevanceTests.Corpus).Exit);
        var v1 = new PageBuilder();
        var v2 = v1 with { Captured = "March 1, 2025Mar 1, 2025", Body = ["Edited."] };
        sqlite.Store(sqlite.Page(v1.ToString()), sqlite.Page(v2.ToString()));
        var url = "http://www.kcna.kp/en/article/q/77.kcmsf";
        var kcna = new Tongsin.Model.Source(sqlite.Outlets.Resolve("KCNA"), "en");
        var capture = new Tongsin.Model.ArticleCapture(kcna, "Rally Held", new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1), url, ["A rally was held."],
            Dateline: new Tongsin.Model.Dateline("Pyongyang", new DateOnly(2026, 4, 30), "KCNA"));
        using (var s = sqlite.Archive.BeginImport())
        {
            s.Store(new Tongsin.Model.PageCapture(capture, []));
            s.MarkRemoved(url, new DateOnly(2026, 5, 9));
            s.Store(new Tongsin.Model.PageCapture(capture with { Captured = new DateOnly(2026, 5, 20) }, []));
            s.MarkRemoved(url, new DateOnly(2026, 6, 1));
            s.Commit();
        }
        sqlite.Archive.CrawlQueue.Add([new Tongsin.Archive.FoundPage(new Uri(url), "kcna.kp/en", "kcna.kp", "Rally Held", null)], DateTimeOffset.UtcNow);

        using var pg = new ArchiveFixture(Backend.Postgres);
        var r = CliRunner.Run("migrate", "--from", sqlite.Location, "--to", pg.Location, "--batch", "10");
        Assert.True(r.Exit == 0, r.Out + r.Error);
        Assert.True(Regex.IsMatch(r.Out, @"verified: the counts and the content hashes match: 40 articles, 39 stubs, 41 versions, 1 removed, 3 removal events, \d+ sources, 1 crawl pages"), r.Out);
        // The copy's tables have their statistics, so that the first searches are planned for them.
        Assert.Equal(79.0, Convert.ToDouble(pg.Scalar("SELECT reltuples FROM pg_class WHERE relname = 'articles'")));
        Assert.Equal(79.0, Convert.ToDouble(pg.Scalar("SELECT reltuples FROM pg_class WHERE relname = 'article_search'")));

        // The copy is the same archive: the same export, history and removals included, and the same answers.
        pg.Reopen();
        Assert.Equal(Stable(CliRunner.Run("export", "--db", sqlite.Location).Out), Stable(CliRunner.Run("export", "--db", pg.Location).Out));
        Assert.Equal(sqlite.Events(), pg.Events());
        Assert.Equal("removed 2026-05-09, restored 2026-05-20, removed 2026-06-01", pg.Events());
        foreach (var q in new[] { "sanctions", "김정은", "Kim Jong Un", "Edited", "rally" })
            Assert.Equal(Hits(CliRunner.Run("search", "--db", sqlite.Location, q, "--json").Out), Hits(CliRunner.Run("search", "--db", pg.Location, q, "--json").Out));
        Assert.Single(pg.Archive.CrawlQueue.Claim("w", DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(1), 10));

        // New articles in the copy get ids after the copied ones.
        pg.Store(pg.Page(new PageBuilder(Title: "Written After The Copy", Cards: []).ToString()));
        Assert.Equal(sqlite.Archive.Stats().Articles + 1, pg.Archive.Stats().Articles);

        // Run again, nothing is copied twice.
        var again = CliRunner.Run("migrate", "--from", sqlite.Location, "--to", pg.Location);
        Assert.Equal(1, again.Exit);
        Assert.Contains("copied 0 articles and stubs", again.Out);
        Assert.Contains("verification failed: articles: 40 in", again.Error);
    }

    [Fact]
    public void Migrate_refuses_a_target_that_holds_another_archive_and_names_bad_arguments()
    {
        using var sqlite = new ArchiveFixture(Backend.Sqlite);
        sqlite.Store(sqlite.Page(new PageBuilder().ToString()));
        using var pg = new ArchiveFixture(Backend.Postgres);
        pg.Store(pg.Page(new PageBuilder(Title: "Already Here").ToString()));

        var taken = CliRunner.Run("migrate", "--from", sqlite.Location, "--to", pg.Location);
        Assert.Equal(3, taken.Exit);
        Assert.Contains("already holds an archive", taken.Error);
        Assert.Equal(2, CliRunner.Run("migrate", "--from", sqlite.Location, "--to", "elsewhere.db").Exit);
        Assert.Equal(2, CliRunner.Run("migrate", "--from", sqlite.Location).Exit);
        var missing = CliRunner.Run("migrate", "--from", sqlite.Folder.File("none.db"), "--to", pg.Location);
        Assert.Equal(3, missing.Exit);
        Assert.Contains("no archive at", missing.Error);
        var down = CliRunner.Run("migrate", "--from", sqlite.Location, "--to", "postgres://u@127.0.0.1:1/x");
        Assert.Equal(3, down.Exit);
        Assert.Contains("cannot reach the PostgreSQL server", down.Error);
    }

    [Fact]
    public void A_killed_migrate_goes_on_where_it_stopped_without_copying_twice()
    {
        using var sqlite = new ArchiveFixture(Backend.Sqlite);
        var pages = Directory.CreateDirectory(sqlite.Folder.File("pages")).FullName;
        for (var i = 0; i < 3000; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(i % 900);
            File.WriteAllText(Path.Combine(pages, $"p{i:D5}.txt"), new PageBuilder(
                Title: $"Report Number {i} on Farm Work", Published: day.ToString("dd/MM/yyyy"),
                Body: [$"Paragraph one of report {i} about the cooperative farms.", $"Figures {i * 7} and {i * 13}."],
                Cards: [($"Card {i} of the reports", $"Teaser {i}", day.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture))]).ToString());
        }
        Assert.Equal(0, CliRunner.Run("import", "--db", sqlite.Location, pages).Exit);
        using var pg = new ArchiveFixture(Backend.Postgres);

        using (var migrate = StartTongsin("migrate", "--from", sqlite.Location, "--to", pg.Location, "--batch", "5"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && !migrate.HasExited && CopiedThrough(pg) == 0) Thread.Sleep(10);
            Assert.False(migrate.HasExited, "the copy finished before it could be killed");
            migrate.Kill();
            migrate.WaitForExit();
        }
        var through = CopiedThrough(pg);
        var partial = Convert.ToInt64(pg.Scalar("SELECT count(*) FROM articles"));
        Assert.InRange(partial, 5, 5999);
        // Batches went in whole: every article copied has its versions and its search row, and no later one is there.
        Assert.Equal(through, Convert.ToInt64(pg.Scalar("SELECT max(id) FROM articles")));
        Assert.Equal(0L, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM articles a WHERE a.status = 'complete' AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id)")));
        Assert.Equal(partial, Convert.ToInt64(pg.Scalar("SELECT count(*) FROM article_search")));

        var rerun = CliRunner.Run("migrate", "--from", sqlite.Location, "--to", pg.Location);
        Assert.True(rerun.Exit == 0, rerun.Out + rerun.Error);
        Assert.Contains($"(going on after article {through})", rerun.Out);
        Assert.Contains("verified: the counts and the content hashes match: 3000 articles, 3000 stubs, 3000 versions", rerun.Out);
        Assert.Equal(6000L, Convert.ToInt64(pg.Scalar("SELECT count(DISTINCT id) FROM articles")));
        Assert.Equal(Hits(CliRunner.Run("search", "--db", sqlite.Location, "cooperative", "--limit", "1000", "--sort", "newest", "--json").Out),
            Hits(CliRunner.Run("search", "--db", pg.Location, "cooperative", "--limit", "1000", "--sort", "newest", "--json").Out));
    }

    [Fact]
    public async Task Serve_shows_a_postgres_archive()
    {
        using var pg = new ArchiveFixture(Backend.Postgres);
        Assert.Equal(0, CliRunner.Run("import", "--db", pg.Location, Fixtures.Folder).Exit);
        using var serve = StartTongsin("--db", pg.Location, "serve", "--urls", "http://127.0.0.1:0", "--rate-limit", "0");
        try
        {
            var line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? "";
            var address = Regex.Match(line, @"at (http://127\.0\.0\.1:\d+)");
            if (!address.Success)
            {
                serve.Kill();
                Assert.Fail($"tongsin serve did not start: {line} {await serve.StandardError.ReadToEndAsync()}");
            }
            // Keep reading, so a full pipe never blocks the server.
            _ = serve.StandardOutput.ReadToEndAsync();
            _ = serve.StandardError.ReadToEndAsync();
            Assert.StartsWith($"Serving {Tongsin.Archive.Postgres.PostgresAddress.Parse(pg.Location).Display} at http://127.0.0.1:", line);
            using var http = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
            var search = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=sanctions")).RootElement;
            Assert.Equal(2, search.GetProperty("total").GetInt64());
            Assert.Contains("<mark>", search.GetProperty("hits")[0].GetProperty("snippet_html").GetString());
            var id = search.GetProperty("hits")[0].GetProperty("id").GetInt64();
            Assert.Contains("Slams U.S. Sanctions Move", await http.GetStringAsync($"/articles/{id}"));
            Assert.Contains("Rodong Sinmun", await http.GetStringAsync("/sources"));
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            serve.WaitForExit();
        }
    }

    private static List<string> Hits(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(h => $"{h.GetProperty("id")} {h.GetProperty("title")} {h.GetProperty("source_slug")} {h.GetProperty("published")} {h.GetProperty("status")}")
            .Order(StringComparer.Ordinal).ToList();

    private static long CopiedThrough(ArchiveFixture pg)
    {
        try { return Convert.ToInt64(pg.Scalar("SELECT coalesce(max(copied_through), 0) FROM archive_copies")); }
        catch (Npgsql.PostgresException) { return 0; }
    }

    internal static Process StartTongsin(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tongsin.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
