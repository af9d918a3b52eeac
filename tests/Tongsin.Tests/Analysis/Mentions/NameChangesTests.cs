using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Model;

namespace Tongsin.Tests.Analysis.Mentions;

public class NameChangesTests
{
    private static readonly MentionRecogniser Recogniser = new(Gazetteer.Load());

    private static ArticleVersion Version(int number, params string[] paragraphs) =>
        new(number, "Kim Jong Un Inspects Construction Site", paragraphs, new DateOnly(2013, 9, 1), "h" + number, DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_edit_that_takes_a_purged_official_out_of_a_report_drops_him_and_keeps_the_others()
    {
        var before = Version(1,
            "Pyongyang, September 1 (KCNA) -- Kim Jong Un inspected the construction site of a housing district.",
            "He was accompanied by Jang Song Thaek, Choe Ryong Hae and Pak Pong Ju.",
            "Jang Song Thaek reported on the progress of the work.");
        var after = Version(2,
            "Pyongyang, September 1 (KCNA) -- Kim Jong Un inspected the construction site of a housing district.",
            "He was accompanied by Choe Ryong Hae, Pak Pong Ju and Ri Pyong Chol.",
            "Choe Ryong Hae reported on the progress of the work.");

        var changes = NameChanges.Between(Recogniser, before, after, 2013);

        var dropped = Assert.Single(changes, c => c.Dropped);
        Assert.Equal(("jang-song-thaek", "Jang Song Thaek", 2, 0), (dropped.Key, dropped.Name, dropped.Before, dropped.After));
        Assert.Equal("ri-pyong-chol", Assert.Single(changes, c => c.Added).Key);
        var more = Assert.Single(changes, c => !c.Dropped && !c.Added);
        Assert.Equal(("choe-ryong-hae", 1, 2), (more.Key, more.Before, more.After));
        Assert.True(changes[0].Dropped);
        Assert.DoesNotContain(changes, c => c.Key is "kim-jong-un" or "pak-pong-ju");
    }

    [Fact]
    public void Versions_that_name_the_same_entities_as_often_differ_by_no_name()
    {
        var before = Version(1, "Kim Jong Un inspected a farm.", "He was accompanied by Choe Ryong Hae.");
        var after = Version(2, "Kim Jong Un inspected a model farm.", "He was accompanied by Choe Ryong Hae.");
        Assert.Empty(NameChanges.Between(Recogniser, before, after, 2013));
    }
}
