using System.IO.Compression;
using Tongsin.Bench.Mentions;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Entities;

/// <summary>
/// The bench's evaluation of the recogniser (`mentions-eval`) on a judged sample written for the
/// tests (Fixtures/mentions: invented articles in KCNA's manner, and their judged pairs), with
/// one pair the recogniser cannot find and one that only its missing article holds.
/// </summary>
public class MentionEvaluationTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "mentions", name);

    [Fact]
    public void Pairs_are_scored_per_kind_by_slug_or_folded_name_with_the_false_positives_and_misses()
    {
        using var t = new TempFolder();
        using (var gz = new GZipStream(File.Create(t.File("kcna-kp-invented.jsonl.gz")), CompressionLevel.Fastest))
            File.OpenRead(Fixture("invented-corpus.jsonl")).CopyTo(gz);
        var sample = MentionSample.Read(Fixture("sample.jsonl"));
        var log = new StringWriter();
        var scores = MentionEvaluation.Evaluate(sample, t.Path, log).ToDictionary(s => s.Kind);

        Assert.Contains("3 of 4 judged articles read", log.ToString());
        Assert.Contains("not found in kcna-kp-invented.jsonl.gz: line 4", log.ToString());
        // People: Kim Jong Un, Pak Pong Ju and Ryang Chol Bom (no slug: "Ryang Chol-bom" folds to the name found); Kim Yo Jong missed.
        var people = scores["person"];
        Assert.Equal((4, 3, 3), (people.Judged, people.Found, people.Right));
        Assert.Equal("kim-yo-jong", Assert.Single(people.Misses).Identity);
        Assert.Equal(0.75, people.Recall);
        Assert.Equal(1.0, people.Precision);
        // Countries: the U.S., Japan, south Korea judged; China ("Chinese friends") found but not judged.
        var countries = scores["country"];
        Assert.Equal((3, 4, 3), (countries.Judged, countries.Found, countries.Right));
        Assert.Equal("china", Assert.Single(countries.FalsePositives).Identity);
        Assert.Equal(0.75, countries.Precision);
        Assert.Equal(1.0, scores["organisation"].Recall);

        var report = new StringWriter();
        MentionEvaluation.Write(scores.Values.ToList(), report);
        Assert.Contains("| person | 4 | 3 | 3 | 1.000 | 0.750 |", report.ToString());
        Assert.Contains("wrongly found: country china (China)", report.ToString());
        Assert.Contains("missed: person kim-yo-jong (Kim Yo Jong)", report.ToString());
    }

    [Fact]
    public void Without_the_sample_or_the_corpora_the_evaluation_says_what_is_missing()
    {
        using var t = new TempFolder();
        Assert.StartsWith("no judged sample at", MentionEvaluation.Missing(t.File("sample.jsonl"), t.Path));
        Assert.StartsWith("no corpora at", MentionEvaluation.Missing(Fixture("sample.jsonl"), t.File("corpora")));
        Assert.Null(MentionEvaluation.Missing(Fixture("sample.jsonl"), t.Path));
    }

    [Fact]
    public void A_sample_line_that_is_not_a_judged_article_is_refused_naming_its_line()
    {
        using var t = new TempFolder();
        File.WriteAllText(t.File("bad.jsonl"), "{\"corpus\": \"x.jsonl.gz\", \"url\": \"http://a\", \"mentions\": []}\n{\"corpus\": \"x.jsonl.gz\"}\n");
        var e = Assert.Throws<FormatException>(() => MentionSample.Read(t.File("bad.jsonl")));
        Assert.Contains("bad.jsonl:2: not a judged article", e.Message);
    }

    [Fact]
    public void A_judged_name_without_a_slug_that_the_gazetteer_has_gained_is_its_entity()
    {
        var gazetteer = Tongsin.Analysis.Entities.Gazetteer.Load();
        var judged = MentionEvaluation.Pairs("a", [
            new JudgedMention("person", null, "Choe Ryong-hae"),
            new JudgedMention("person", null, "Ri Yong Ho"),
            new JudgedMention("person", null, "Ri Chol Ho"),
            new JudgedMention("country", null, "Choe Ryong Hae"),
        ], gazetteer).Select(p => p.Identity).ToList();
        // One person of the gazetteer spelt so; two share the name; none; no country of the name.
        Assert.Equal(["choe-ryong-hae", "name:riyongho", "name:richolho", "name:choeryonghae"], judged);
        Assert.Equal("name:choeryonghae", MentionEvaluation.Pairs("a", [new JudgedMention("person", null, "Choe Ryong Hae")]).Single().Identity);
    }
}
