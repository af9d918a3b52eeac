using Tongsin.Analysis;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Analysis.Mentions;

/// <summary>
/// The mentions analyser through the runner, and <see cref="EntityMentions"/> reading what it
/// wrote, the same on every backend: one row per entity an article names, counts per article,
/// months, co-mentions, newest articles, and the names the gazetteer lacks.
/// </summary>
public abstract class MentionsContract(Backend backend)
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Load();

    public static ArchiveFixture Archive(Backend backend)
    {
        var f = new ArchiveFixture(backend);
        using var s = f.Archive.BeginImport();
        s.Store(f.Page(new PageBuilder(Title: "Kim Jong Un Inspects Farm", Published: "03/05/2024",
            Body: ["Pyongyang, May 3 (KCNA) -- The respected Comrade Kim Jong Un inspected a farm in South Hwanghae Province.",
                   "He was accompanied by Ryang Chol Bom and Pak Pong Ju. Kim Jong Un praised the farmers."], Cards: []).ToString()));
        s.Store(f.Page(new PageBuilder(Title: "Greetings to Russian President", Published: "12/06/2024",
            Body: ["Kim Jong Un sent a message of greeting to Vladimir Putin, president of Russia."], Cards: []).ToString()));
        s.Store(f.Page(new PageBuilder(Title: "Farm Work Brisk", Published: "20/06/2024",
            Body: ["Director Ryang Chol Bom said the farm finished transplanting."], Cards: []).ToString()));
        s.Commit();
        return f;
    }

    [Fact]
    public void Each_article_gets_a_row_an_entity_and_the_reads_count_them()
    {
        using var f = Archive(backend);
        var run = Assert.Single(new AnalyserRunner(f.Archive, [new MentionAnalyser(Gazetteer)]).Run());
        Assert.Equal(3, run.Articles);
        Assert.Equal(8, run.Rows);
        Assert.Equal(3L, Convert.ToInt64(f.Scalar("SELECT mentions FROM mentions WHERE entity = 'kim-jong-un' AND published = '2024-05-03'")));
        Assert.Equal("person", f.Scalar("SELECT kind FROM mentions WHERE entity = 'person:ryang-chol-bom' AND published = '2024-05-03'"));
        // The dateline's KCNA is the agency filing, not a mention.
        Assert.Equal(0L, Convert.ToInt64(f.Scalar("SELECT count(*) FROM mentions WHERE entity = 'kcna'")));

        var reads = new EntityMentions(f.Archive);
        Assert.Equal(2, reads.ArticleCount("kim-jong-un"));
        Assert.Equal((new DateOnly(2024, 5, 3), new DateOnly(2024, 6, 12)), reads.Span("kim-jong-un"));
        Assert.Null(reads.Span("nobody"));
        Assert.Equal([new MonthCount("2024-05", 1), new MonthCount("2024-06", 1)], reads.PerMonth("kim-jong-un"));
        var with = reads.CoMentioned("kim-jong-un");
        Assert.Equal(["pak-pong-ju", "person:ryang-chol-bom", "russia", "south-hwanghae", "vladimir-putin"], with.Select(c => c.Entity).Order(StringComparer.Ordinal).ToList());
        Assert.All(with, c => Assert.Equal(1, c.Articles));
        Assert.Equal(["Greetings to Russian President", "Kim Jong Un Inspects Farm"], reads.Newest("kim-jong-un").Select(a => a.Title).ToList());

        var all = reads.All();
        Assert.Equal("kim-jong-un", all[0].Entity);
        Assert.Equal(4, all[0].Mentions);
        Assert.Equal(["kim-jong-un", "pak-pong-ju", "vladimir-putin"], reads.All("person").Where(e => !e.Entity.Contains(':')).Select(e => e.Entity).Order(StringComparer.Ordinal).ToList());

        var candidate = Assert.Single(reads.Candidates(minArticles: 2));
        Assert.Equal(("person:ryang-chol-bom", "Ryang Chol Bom", 2L), (candidate.Entity, candidate.Name, candidate.Articles));
        Assert.Equal(["Farm Work Brisk", "Kim Jong Un Inspects Farm"], candidate.Examples.Select(a => a.Title).ToList());
        Assert.Empty(reads.Candidates(minArticles: 3));
    }

    [Fact]
    public void Reads_before_the_first_run_answer_empty()
    {
        using var f = Archive(backend);
        var reads = new EntityMentions(f.Archive);
        Assert.Equal(0, reads.ArticleCount("kim-jong-un"));
        Assert.Empty(reads.All());
        Assert.Empty(reads.Candidates(1));
    }
}

public sealed class SqliteMentionsContract() : MentionsContract(Backend.Sqlite);

public sealed class PostgresMentionsContract() : MentionsContract(Backend.Postgres);
