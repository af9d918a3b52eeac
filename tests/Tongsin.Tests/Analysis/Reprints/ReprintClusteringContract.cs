using Tongsin.Analysis;
using Tongsin.Analysis.Reprints;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Analysis.Reprints;

/// <summary>
/// Reprint clusters on every backend: copies across sources grouped with the earliest as the
/// original, different texts sharing formulas left apart, a new article taken in after an import,
/// and a rebuild that gives what the updates gave.
/// </summary>
public abstract class ReprintClusteringContract(Backend backend)
{
    private static string Page(string source, string published, string title, string[] body) =>
        new PageBuilder(Title: title, Source: source, Published: published, Body: body, Cards: []).ToString();

    private static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        f.Store(
            f.Page(Page("Korean Central News Agency (EN)", "05/05/2025", ReprintTexts.Title, ReprintTexts.Report)),
            f.Page(Page("Korean Central News Agency (EN)", "05/05/2025", "Premier Inspects Fertilizer Complex", ReprintTexts.OtherInspection)),
            f.Page(Page("Rodong Sinmun (EN)", "06/05/2025", ReprintTexts.ReprintTitle, ReprintTexts.Reprint)),
            f.Page(Page("Ministry of Foreign Affairs (EN)", "10/05/2025", "Statement of FM Spokesman", ReprintTexts.FirstStatement)),
            f.Page(Page("Ministry of Foreign Affairs (EN)", "11/05/2025", "Statement of FM Spokesperson", ReprintTexts.SecondStatement)));
        return f;
    }

    private static ReprintClusteringRun? Analyse(ArchiveFixture f)
    {
        new AnalyserRunner(f.Archive, [new ReprintSignatures()]).Run();
        return new ReprintClustering().Update(f.Archive);
    }

    private static long Id(ArchiveFixture f, string title) => f.All().Single(a => a.Article.Title == title).Article.Id;

    // Every row of the clusters' table, as (article, original, similarity to 3 places).
    private static List<(long, long, double)> Rows(ArchiveFixture f)
    {
        using var c = f.Archive.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT article_id, original_id, similarity FROM reprint_clusters ORDER BY article_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<(long, long, double)>();
        while (r.Read()) rows.Add((r.GetInt64(0), r.GetInt64(1), Math.Round(r.GetDouble(2), 3)));
        return rows;
    }

    [Fact]
    public void Copies_across_sources_form_one_cluster_whose_original_is_the_earliest_and_formulas_alone_make_none()
    {
        using var f = Archive(backend);
        var run = Analyse(f);
        Assert.True(run!.Rebuilt);
        Assert.Equal(1, run.Clusters);

        var original = Id(f, ReprintTexts.Title);
        var copy = Id(f, ReprintTexts.ReprintTitle);
        var cluster = new ReprintClusters(f.Archive).Of(copy)!;
        Assert.Equal(original, cluster.OriginalId);
        Assert.Equal([original, copy], cluster.Members.Select(m => m.ArticleId));
        Assert.Equal("rodong-sinmun-en", cluster.Members[1].Source);
        Assert.Equal(new DateOnly(2025, 5, 6), cluster.Members[1].Published);
        Assert.Equal(ReprintTexts.ReprintTitle, cluster.Members[1].Title);
        Assert.Equal(1.0, cluster.Original.Similarity);
        Assert.InRange(cluster.Members[1].Similarity, ReprintParameters.Chosen.Threshold, 0.99);

        Assert.Null(new ReprintClusters(f.Archive).Of(Id(f, "Premier Inspects Fertilizer Complex")));
        Assert.Null(new ReprintClusters(f.Archive).Of(Id(f, "Statement of FM Spokesperson")));
    }

    [Fact]
    public void A_new_copy_joins_after_an_import_an_earlier_one_becomes_the_original_and_a_rebuild_gives_the_same_clusters()
    {
        using var f = Archive(backend);
        Analyse(f);
        var original = Id(f, ReprintTexts.Title);

        // A weekly's copy, the honorific-free headline and a paragraph cut: taken in, not rebuilt.
        f.Store(f.Page(Page("The Pyongyang Times (EN)", "10/05/2025", "Premier Visits Reclamation Site", ReprintTexts.Report.Take(3).ToArray())));
        var update = Analyse(f)!;
        Assert.False(update.Rebuilt);
        Assert.Equal(1, update.Articles);
        Assert.Equal(3, new ReprintClusters(f.Archive).Of(original)!.Members.Count);

        // A copy published before the one taken for the original comes to light: it is the original now.
        f.Store(f.Page(Page("Voice of Korea (EN)", "04/05/2025", "Tideland Reclamation Progresses", ReprintTexts.Report)));
        Analyse(f);
        var earliest = Id(f, "Tideland Reclamation Progresses");
        var cluster = new ReprintClusters(f.Archive).Of(original)!;
        Assert.Equal(earliest, cluster.OriginalId);
        Assert.Equal(4, cluster.Members.Count);
        // The same paragraphs under another headline.
        Assert.InRange(cluster.Members.Single(m => m.ArticleId == original).Similarity, 0.9, 1.0);

        var updated = Rows(f);
        var rebuilt = new ReprintClustering().Rebuild(f.Archive);
        Assert.True(rebuilt.Rebuilt);
        Assert.Equal(updated, Rows(f));
    }

    [Fact]
    public void An_edited_article_leaves_its_cluster_when_it_is_no_longer_a_copy()
    {
        using var f = Archive(backend);
        Analyse(f);
        var copy = Id(f, ReprintTexts.ReprintTitle);
        f.Store(f.Page(Page("Rodong Sinmun (EN)", "06/05/2025", ReprintTexts.ReprintTitle,
            ["A bumper crop of wheat and barley was reaped on the cooperative farms of South Hwanghae Province this year, farm officials said."])));
        Analyse(f);
        Assert.Null(new ReprintClusters(f.Archive).Of(copy));
        Assert.Empty(Rows(f));
    }

    [Fact]
    public void Clusters_are_listed_by_the_original_date_and_by_a_member_source()
    {
        using var f = Archive(backend);
        Analyse(f);
        var clusters = new ReprintClusters(f.Archive);
        Assert.Single(clusters.List());
        Assert.Single(clusters.List(new DateOnly(2025, 5, 5), new DateOnly(2025, 5, 5)));
        Assert.Empty(clusters.List(new DateOnly(2025, 5, 6)));
        Assert.Single(clusters.List(sources: ["rodong-sinmun-en"]));
        Assert.Empty(clusters.List(sources: ["ministry-of-foreign-affairs-en"]));
    }

    [Fact]
    public void Nothing_is_clustered_before_the_analyser_has_run()
    {
        using var f = Archive(backend);
        Assert.Null(new ReprintClustering().Update(f.Archive));
        Assert.Empty(new ReprintClusters(f.Archive).List());
        Assert.Throws<InvalidOperationException>(() => new ReprintClustering().Rebuild(f.Archive));
    }
}

public sealed class SqliteReprintClusteringContract() : ReprintClusteringContract(Backend.Sqlite);

public sealed class PostgresReprintClusteringContract() : ReprintClusteringContract(Backend.Postgres);
