using System.Globalization;
using Tongsin.Archive;
using Tongsin.Archive.Sqlite;
using Tongsin.Ingest;
using Tongsin.Model;

namespace Tongsin.Tests.Web;

/// <summary>
/// An archive built from the pages in Fixtures/web, plus generated pages enough to fill more than
/// one page of a listing, plus two articles stored as exports: one with its original URL and a
/// removal mark, one whose URL is not a web address and must never become a link.
/// </summary>
public static class FixtureArchive
{
    public const int GeneratedMillArticles = 26;
    public const string ScriptTitle = "Editorial <script>alert(\"title\")</script> on \"spring\" & sowing";
    public const string RemovedUrl = "https://vok.example/en/articles/harbour-cranes";

    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "web");

    /// <summary>Builds the archive at <paramref name="path"/> and returns it open.</summary>
    public static IArchive Build(string path) => Fill(SqliteArchive.OpenOrCreate(path, TimeProvider.System));

    /// <summary>Fills an empty archive of any backend and returns it.</summary>
    public static IArchive Fill(IArchive archive)
    {
        var work = Directory.CreateTempSubdirectory("tongsin-fixture-");
        try
        {
            var files = new List<string>();
            for (var i = 1; i <= GeneratedMillArticles; i++)
            {
                var file = Path.Combine(work.FullName, $"mill-{i:00}.txt");
                File.WriteAllText(file, MillPage(i));
                files.Add(file);
            }
            // The original page of the tidal power story comes before its revision.
            string[] pages = ["mfa-maritime-answer.txt", "rodong-ko-spring.txt", "rodong-markup-title.txt", "vok-tidal-power.txt", "vok-tidal-power-revised.txt"];
            files.AddRange(pages.Select(p => Path.Combine(FixtureFolder, p)));
            var summary = new ImportJob(archive, new OutletCatalog()).Run(files);
            if (summary.Failures.Count > 0) throw new InvalidOperationException("fixture import failed: " + string.Join("; ", summary.Failures));

            using var session = archive.BeginImport();
            var vok = new Source(new OutletCatalog().Resolve("Voice of Korea"), "en");
            session.Store(Exported(vok, "Harbour cranes replaced at eastern port", new DateOnly(2026, 1, 20), RemovedUrl,
                ["New gantry cranes were installed at an eastern port to load timber and coal.", "Dockers said loading now takes half the time."],
                removedOn: new DateOnly(2026, 3, 1)));
            session.Store(Exported(vok, "Letter from a listener abroad", new DateOnly(2026, 1, 18), "javascript:alert(1)",
                ["A listener wrote to the station about its programmes on folk music."], removedOn: null));
            session.Commit();
        }
        finally
        {
            work.Delete(recursive: true);
        }
        return archive;
    }

    private static ArticleHistory Exported(Source source, string title, DateOnly published, string url, string[] body, DateOnly? removedOn)
    {
        var captured = published.AddDays(1);
        var article = new ArticleRecord(0, source, title, published, captured, url, ArticleStatus.Complete, null, body, 1, removedOn, null);
        var version = new ArticleVersion(1, title, body, captured, "", DateTimeOffset.UtcNow);
        return new ArticleHistory(article, [version]);
    }

    // Dates run back a day at a time from the end of December 2025, so these are older than the fixture pages.
    private static string MillPage(int n)
    {
        var published = new DateOnly(2025, 12, 31).AddDays(-n);
        var captured = published.AddDays(2);
        return $"""
            {captured.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}{captured.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}
            KCNA Voice of Korea (EN)

            Textile mill number {n} raises output

            Date: {published.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} | Source: Voice of Korea (EN)

            Weavers at textile mill number {n} ran their looms on longer shifts and raised the output of cotton cloth.

            The mill's managers credited new spinning frames built at a machine works in the same province.

            More Articles
            """;
    }
}
