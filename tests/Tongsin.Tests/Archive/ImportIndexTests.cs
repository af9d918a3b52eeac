using Microsoft.Data.Sqlite;
using Tongsin.Archive;
using Tongsin.Ingest;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Archive;

/// <summary>
/// The full-text index after an import that spans several commits: stubs found by their teaser,
/// completed stubs and new versions found by their current text only, failed pages leaving nothing.
/// </summary>
public abstract class ImportIndexContract(Backend backend) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tongsin-index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Page(string captured, string title, string published, string[] paragraphs, params (string Title, string Teaser, string Date)[] cards)
    {
        var lines = new List<string> { captured, "KCNA Korean Central News Agency (EN)", "", title, "", $"Date: {published} | Source: Korean Central News Agency (EN) | Read original version at source", "" };
        foreach (var p in paragraphs) lines.AddRange([p, ""]);
        if (cards.Length > 0)
        {
            lines.AddRange(["More From Korean Central News Agency (EN)", ""]);
            foreach (var c in cards) lines.AddRange([c.Title, "", c.Title, "", c.Teaser, "", c.Date, "", c.Teaser, ""]);
        }
        lines.Add("More Articles");
        return string.Join('\n', lines);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Index_follows_stubs_completions_and_versions_across_commits()
    {
        var files = new List<string>
        {
            Write("1.txt", Page("March 02, 2024Mar 02, 2024", "Orchard Harvest Reported", "01/03/2024", ["Apples were picked at the Kwail orchard.", "Output rose sharply."],
                ("Tidal Flat Reclaimed", "Builders reclaimed the Honggondo tideland", "February 28, 2024"),
                ("Bridge Opened", "A new bridge opened over the Chongchon river", "February 27, 2024"))),
            Write("2.txt", "not a page at all"),
            Write("3.txt", Page("March 03, 2024Mar 03, 2024", "Tidal Flat Reclaimed", "28/02/2024", ["Builders reclaimed the Honggondo tideland in record time.", "Farmland grew."])),
            Write("4.txt", Page("March 09, 2024Mar 09, 2024", "Orchard Harvest Reported", "01/03/2024", ["Apples were picked at the Kwail orchard.", "Output rose by a third."])),
        };
        using var f = new ArchiveFixture(backend);
        var archive = f.Archive;
        var summary = new ImportJob(archive, new OutletCatalog(), commitEvery: 2).Run(files);
        Assert.Single(summary.Failures);
        Assert.Equal(new StoreOutcome(New: 2, Updated: 1, Unchanged: 0, NewStubs: 2, CompletedStubs: 1), summary.Outcome);

        Assert.True(Find(archive, "Chongchon").Hits.Single().IsStub);
        Assert.False(Find(archive, "record time").Hits.Single().IsStub);
        Assert.Equal(1, Find(archive, "third").Total);
        Assert.Equal(0, Find(archive, "sharply").Total);
        if (backend == Backend.Sqlite) CheckFts5Integrity(f.Location);
        // One search row an article, and none left over.
        else Assert.Equal(0L, Convert.ToInt64(f.Scalar("SELECT count(*) FROM articles a FULL JOIN article_search x ON x.article_id = a.id WHERE a.id IS NULL OR x.article_id IS NULL")));
    }

    private static void CheckFts5Integrity(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        // The index's derived columns come from a function the archive registers on its connections.
        Tongsin.Archive.Sqlite.SqliteSearchTerms.Register(c);
        using var check = c.CreateCommand();
        check.CommandText = "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)";
        check.ExecuteNonQuery();
    }

    private static SearchResults Find(IArchive archive, string query) => archive.Search(new SearchRequest(query));
}

public sealed class SqliteImportIndexContract() : ImportIndexContract(Backend.Sqlite);

public sealed class PostgresImportIndexContract() : ImportIndexContract(Backend.Postgres);
