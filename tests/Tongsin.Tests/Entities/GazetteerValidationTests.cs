using Tongsin.Analysis.Entities;

namespace Tongsin.Tests.Entities;

public class GazetteerValidationTests
{
    private static Gazetteer Read(string text, string file = "mine.jsonl") => Gazetteer.Read([(file, new StringReader(text))]);

    private static string ErrorOf(string text) => Assert.Single(Assert.Throws<GazetteerException>(() => Read(text)).Errors);

    private const string KimJongUn = """{"slug":"kim-jong-un","kind":"person","name":"Kim Jong Un","korean":"김정은"}""";

    [Fact]
    public void Comments_and_blank_lines_are_skipped_and_lines_counted()
    {
        var gazetteer = Read("# people\n\n" + KimJongUn + "\n");
        Assert.Equal(new EntitySource("mine.jsonl", 3), Assert.Single(gazetteer.Entities).Source);
    }

    [Fact]
    public void A_duplicate_slug_names_both_lines() =>
        Assert.Equal("mine.jsonl:2: duplicate slug 'kim-jong-un' (first at mine.jsonl:1)",
            ErrorOf(KimJongUn + "\n" + """{"slug":"kim-jong-un","kind":"place","name":"Elsewhere"}"""));

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.StartsWith("mine.jsonl:1: unknown kind 'persn'", ErrorOf("""{"slug":"a","kind":"persn","name":"A"}"""));

    [Fact]
    public void A_role_that_ends_before_it_begins_is_refused() =>
        Assert.Equal("mine.jsonl:2: role 'Premier' ends (2003) before it begins (2007)",
            ErrorOf("\n" + """{"slug":"a","kind":"person","name":"A","roles":[{"title":"Premier","from":2007,"to":2003}]}"""));

    [Theory]
    [InlineData("Kim Jong Un")]
    [InlineData("김정은 (KJU)")]
    [InlineData("ㄱㅈㅇ")]
    public void A_korean_name_must_be_hangul(string korean) =>
        Assert.Equal($"mine.jsonl:1: korean '{korean}' is not Hangul",
            ErrorOf($$"""{"slug":"a","kind":"person","name":"A","korean":"{{korean}}"}"""));

    [Fact]
    public void A_spelling_claimed_by_two_entities_of_one_kind_is_refused()
    {
        var error = ErrorOf(KimJongUn + "\n" + """{"slug":"other","kind":"person","name":"Other","aliases":["Kim Jong-un"]}""");
        Assert.StartsWith("mine.jsonl:2: 'Kim Jong-un' is also a spelling of kim-jong-un (mine.jsonl:1)", error);
    }

    [Fact]
    public void A_spelling_both_mark_ambiguous_is_allowed_and_finds_both()
    {
        var gazetteer = Read("""
            {"slug":"kim-yong-il-a","kind":"person","name":"Kim Yong Il","ambiguous":["Kim Yong Il"]}
            {"slug":"kim-yong-il-b","kind":"person","name":"Kim Yong Il","ambiguous":["Kim Yong Il"]}
            """);
        Assert.Equal(2, gazetteer.Find("kim yong-il").Count);
    }

    [Fact]
    public void Marking_only_one_side_ambiguous_is_not_enough() =>
        Assert.Contains("is also a spelling of kim-yong-il-a", ErrorOf("""
            {"slug":"kim-yong-il-a","kind":"person","name":"Kim Yong Il"}
            {"slug":"kim-yong-il-b","kind":"person","name":"Kim Yong Il","ambiguous":["Kim Yong Il"]}
            """));

    [Fact]
    public void The_same_spelling_in_two_kinds_is_allowed() =>
        Assert.Equal(2, Read("""
            {"slug":"kim-chaek","kind":"person","name":"Kim Chaek"}
            {"slug":"kimchaek","kind":"place","name":"Kimchaek"}
            """).Find("Kim Chaek").Count);

    [Fact]
    public void An_ambiguous_mark_must_be_one_of_the_entitys_spellings() =>
        Assert.Equal("mine.jsonl:1: 'Kim Yong Nam' is marked ambiguous but is not one of its spellings",
            ErrorOf("""{"slug":"a","kind":"person","name":"Kim Yong Il","ambiguous":["Kim Yong Nam"]}"""));

    [Theory]
    [InlineData("""{"slug":"a","kind":"person","name":"A","nmae":"typo"}""")]
    [InlineData("""{"slug":"a","kind":"person",""")]
    [InlineData("""["a"]""")]
    public void A_line_that_is_not_an_entity_is_refused_with_its_line(string line) =>
        Assert.StartsWith("mine.jsonl:2: not an entity", ErrorOf("# heading\n" + line));

    [Theory]
    [InlineData("""{"kind":"person","name":"A"}""", "mine.jsonl:1: no slug")]
    [InlineData("""{"slug":"Kim Jong Un","kind":"person","name":"A"}""", "mine.jsonl:1: slug 'Kim Jong Un' is not lower-case words joined by hyphens")]
    [InlineData("""{"slug":"a","kind":"person"}""", "mine.jsonl:1: no name")]
    public void Missing_or_malformed_fields_are_named(string line, string error) => Assert.Equal(error, ErrorOf(line));

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var e = Assert.Throws<GazetteerException>(() => Read("""
            {"slug":"a","kind":"thing","name":"A"}
            {"slug":"b","kind":"person","name":"B","korean":"B"}
            """));
        Assert.Equal(2, e.Errors.Count);
        Assert.Contains("mine.jsonl:1:", e.Message);
        Assert.Contains("mine.jsonl:2:", e.Message);
    }

    [Fact]
    public void A_users_file_or_folder_loads_and_its_errors_name_its_path()
    {
        var folder = Directory.CreateTempSubdirectory("gazetteer").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "people.jsonl"), KimJongUn + "\n");
            File.WriteAllText(Path.Combine(folder, "places.jsonl"), """{"slug":"pyongyang","kind":"place","name":"Pyongyang","korean":"평양"}""" + "\n");
            Assert.Equal(2, Gazetteer.Load(folder).Entities.Count);
            var file = Path.Combine(folder, "places.jsonl");
            File.WriteAllText(file, """{"slug":"pyongyang","kind":"city","name":"Pyongyang"}""" + "\n");
            Assert.StartsWith($"{file}:1: unknown kind 'city'", Assert.Single(Assert.Throws<GazetteerException>(() => Gazetteer.Load(file)).Errors));
            Assert.Throws<GazetteerException>(() => Gazetteer.Load(Path.Combine(folder, "missing.jsonl")));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
