using Tongsin.Search;

namespace Tongsin.Tests.Search;

public class QueryParserTests
{
    private static QueryNode? Text(string q) => QueryParser.Parse(q).Text;

    [Fact]
    public void Words_are_all_required()
    {
        var node = Assert.IsType<AndNode>(Text("missile launch"));
        Assert.Equal([new WordNode("missile"), new WordNode("launch")], node.Parts);
    }

    [Fact]
    public void Phrases_prefixes_and_title_fields()
    {
        var node = Assert.IsType<AndNode>(Text("\"Kim Jong Un\" sanction* title:statement title:\"press release\""));
        Assert.Equal(new PhraseNode("Kim Jong Un"), node.Parts[0]);
        Assert.Equal(new WordNode("sanction", Prefix: true), node.Parts[1]);
        Assert.Equal(new WordNode("statement", Field: "title"), node.Parts[2]);
        Assert.Equal(new PhraseNode("press release", "title"), node.Parts[3]);
    }

    [Fact]
    public void Or_binds_looser_than_and_and_parentheses_group()
    {
        var or = Assert.IsType<OrNode>(Text("a b OR c"));
        Assert.Equal([new WordNode("a"), new WordNode("b")], Assert.IsType<AndNode>(or.Parts[0]).Parts);
        Assert.Equal(new WordNode("c"), or.Parts[1]);

        var and = Assert.IsType<AndNode>(Text("a (b OR c)"));
        Assert.Equal(new WordNode("a"), and.Parts[0]);
        Assert.IsType<OrNode>(and.Parts[1]);
    }

    [Fact]
    public void Not_and_minus_exclude_but_hyphens_inside_words_do_not()
    {
        var node = Assert.IsType<AndNode>(Text("korea NOT south -japan Jong-un"));
        Assert.Equal(new WordNode("korea"), node.Parts[0]);
        Assert.Equal(new NotNode(new WordNode("south")), node.Parts[1]);
        Assert.Equal(new NotNode(new WordNode("japan")), node.Parts[2]);
        Assert.Equal(new WordNode("Jong-un"), node.Parts[3]);
    }

    [Fact]
    public void Filters_are_collected_beside_the_text()
    {
        var q = QueryParser.Parse("rally source:\"Voice of Korea (EN)\" -source:kcna-en outlet:\"Rodong Sinmun\" lang:KR date:2024-02");
        Assert.Equal(new WordNode("rally"), q.Text);
        Assert.Equal(["Voice of Korea (EN)"], q.Filters.Sources);
        Assert.Equal(["kcna-en"], q.Filters.ExcludedSources);
        Assert.Equal(["Rodong Sinmun"], q.Filters.Outlets);
        Assert.Equal(["ko"], q.Filters.Languages);
        Assert.Equal(new DateOnly(2024, 2, 1), q.Filters.From);
        Assert.Equal(new DateOnly(2024, 2, 29), q.Filters.To);
    }

    [Theory]
    [InlineData("date:2023-03-01..2023-03-31", "2023-03-01", "2023-03-31")]
    [InlineData("date:2023..2024-06", "2023-01-01", "2024-06-30")]
    [InlineData("date:2023-03-05..", "2023-03-05", null)]
    [InlineData("date:..2020", null, "2020-12-31")]
    [InlineData("after:2024-01-31", "2024-02-01", null)]
    [InlineData("before:2024", null, "2023-12-31")]
    [InlineData("after:2023 before:2023-06-01 date:2023-02..2023-12", "2024-01-01", null)]
    public void Dates_narrow_the_range(string filter, string? from, string? to)
    {
        if (from == "2024-01-01")
        {
            Assert.Throws<QueryException>(() => QueryParser.Parse("x " + filter));
            return;
        }
        var f = QueryParser.Parse("x " + filter).Filters;
        Assert.Equal(from is null ? null : DateOnly.Parse(from), f.From);
        Assert.Equal(to is null ? null : DateOnly.Parse(to), f.To);
    }

    [Fact]
    public void A_query_of_filters_alone_lists_what_they_select()
    {
        var q = QueryParser.Parse("source:voice-of-korea-en date:2026");
        Assert.Null(q.Text);
        Assert.Equal(["voice-of-korea-en"], q.Filters.Sources);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\"unclosed phrase", "position 1 is never closed")]
    [InlineData("(a OR b", "'(' at position 1 is never closed")]
    [InlineData("a OR b)", "')' at position 7 has no '('")]
    [InlineData("OR a", "OR at position 1 has nothing before it")]
    [InlineData("a OR", "OR at position 3 has nothing after it")]
    [InlineData("-japan", "cannot only exclude")]
    [InlineData("NOT a NOT b", "cannot only exclude")]
    [InlineData("a OR -b", "NOT cannot stand alone inside OR")]
    [InlineData("a ()", "parentheses at position 3 are empty")]
    [InlineData("a NOT", "NOT at position 3 has nothing after it")]
    [InlineData("sanc*tions", "'*' can only end a word")]
    [InlineData("*", "needs letters")]
    [InlineData("date:2024-13", "'2024-13' at position 1 is not a date")]
    [InlineData("x date:yesterday", "position 3 is not a date")]
    [InlineData("x lang:klingon", "not a language code")]
    [InlineData("x body:word", "unknown field 'body:'")]
    [InlineData("(x source:kcna)", "must stand at the top")]
    [InlineData("x -date:2024", "cannot be negated")]
    [InlineData("x source:", "needs a value")]
    [InlineData("x title:", "needs a word")]
    [InlineData("\"\"", "has no words")]
    [InlineData("!!! <->", "no words to search for")]
    public void Mistakes_are_named_with_their_position(string query, string message)
    {
        var e = Assert.Throws<QueryException>(() => QueryParser.Parse(query));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_overflowing()
    {
        var deep = new string('(', 200) + "x" + new string(')', 200);
        Assert.Contains("nest too deep", Assert.Throws<QueryException>(() => QueryParser.Parse(deep)).Message);
    }

    [Fact]
    public void Backend_syntax_is_plain_text()
    {
        // FTS5 and tsquery operators are words here, never syntax.
        var node = Assert.IsType<AndNode>(Text("NEAR/3 {title} ^start a:b & !x <-> y"));
        Assert.All(node.Parts, p => Assert.IsType<WordNode>(p));
    }
}
