using Tongsin.Text;

namespace Tongsin.Tests.Text;

public class WordDiffTests
{
    private static string Show(IReadOnlyList<DiffPiece> pieces) =>
        string.Join(" ", pieces.Select(p => p.Op switch { DiffOp.Removed => $"[-{p.Text}-]", DiffOp.Added => $"{{+{p.Text}+}}", _ => p.Text }));

    [Fact]
    public void Identical_texts_are_one_same_piece()
    {
        var pieces = WordDiff.Compare("the mill raised output", "the mill raised output");
        Assert.Equal([new DiffPiece(DiffOp.Same, "the mill raised output")], pieces);
    }

    [Fact]
    public void A_changed_word_is_a_removal_and_an_addition()
    {
        Assert.Equal("fitted [-twelve-] {+fourteen+} turbines", Show(WordDiff.Compare("fitted twelve turbines", "fitted fourteen turbines")));
    }

    [Fact]
    public void Insertions_and_deletions_in_the_middle()
    {
        Assert.Equal("a {+new+} b c [-d-] e", Show(WordDiff.Compare("a b c d e", "a new b c e")));
    }

    [Fact]
    public void Whitespace_differences_are_not_changes()
    {
        Assert.Equal([new DiffPiece(DiffOp.Same, "one two three")], WordDiff.Compare("one  two\tthree ", " one two three"));
    }

    [Fact]
    public void Empty_sides()
    {
        Assert.Empty(WordDiff.Compare("", ""));
        Assert.Equal([new DiffPiece(DiffOp.Added, "all new")], WordDiff.Compare("", "all new"));
        Assert.Equal([new DiffPiece(DiffOp.Removed, "all gone")], WordDiff.Compare("all gone", " "));
    }

    [Fact]
    public void Paragraph_breaks_are_kept_as_line_breaks()
    {
        var pieces = WordDiff.Compare(["First one.", "Second one."], ["First one.", "Second two.", "Third."]);
        Assert.Equal("First one.\nSecond [-one.-] {+two.\nThird.+}", Show(pieces));
    }

    [Fact]
    public void The_result_rebuilds_both_texts()
    {
        var random = new Random(7);
        string[] vocabulary = ["the", "mill", "farm", "port", "raised", "built", "new", "old", "."];
        for (var round = 0; round < 200; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 40)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
            var b = Enumerable.Range(0, random.Next(0, 40)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
            var pieces = WordDiff.Compare(string.Join(' ', a), string.Join(' ', b));
            var before = pieces.Where(p => p.Op != DiffOp.Added).SelectMany(p => WordDiff.Words(p.Text));
            var after = pieces.Where(p => p.Op != DiffOp.Removed).SelectMany(p => WordDiff.Words(p.Text));
            Assert.Equal(a, before);
            Assert.Equal(b, after);
            // Myers finds a shortest edit script: its length is n + m - 2·LCS.
            var edits = pieces.Where(p => p.Op != DiffOp.Same).Sum(p => WordDiff.Words(p.Text).Count);
            Assert.Equal(a.Count + b.Count - 2 * Lcs(a, b), edits);
        }
    }

    [Fact]
    public void Texts_with_nothing_in_common_beyond_the_edit_limit_still_diff()
    {
        var a = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "a" + i));
        var b = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "b" + i));
        var pieces = WordDiff.Compare(a, b);
        Assert.Equal([DiffOp.Removed, DiffOp.Added], pieces.Select(p => p.Op));
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var t = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
            for (var j = 1; j <= b.Count; j++)
                t[i, j] = a[i - 1] == b[j - 1] ? t[i - 1, j - 1] + 1 : Math.Max(t[i - 1, j], t[i, j - 1]);
        return t[a.Count, b.Count];
    }
}
