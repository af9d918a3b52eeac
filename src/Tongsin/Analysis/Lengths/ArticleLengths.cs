namespace Tongsin.Analysis.Lengths;

/// <summary>
/// How long each article is: paragraphs, words and characters of its current text, title
/// included. Counted over time and per outlet, it says how much each one published, which a count
/// of articles alone hides (a day of one long speech against a day of many short items). Words are
/// runs of letters or digits, so that Korean, written with spaces between words, counts as English does;
/// characters are Unicode code points.
/// </summary>
public sealed class ArticleLengths : IAnalyser
{
    public static readonly DerivedTable Table = new("article_lengths", [("paragraphs", "integer"), ("words", "integer"), ("characters", "integer")]);

    public string Name => "lengths";

    public int Revision => 1;

    public IReadOnlyList<DerivedTable> Tables => [Table];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        var (words, characters) = Count(article.Title);
        foreach (var paragraph in article.Paragraphs)
        {
            var (w, c) = Count(paragraph);
            (words, characters) = (words + w, characters + c);
        }
        yield return new DerivedRow(Table, new { paragraphs = article.Paragraphs.Count, words, characters });
    }

    /// <summary>Runs of letters or digits; an apostrophe or hyphen between two letters keeps a word whole (Workers', Jong-un).</summary>
    public static int Words(string text) => Count(text).Words;

    // Words and characters (code points: a character outside the BMP is two UTF-16 units) in one pass.
    private static (int Words, int Characters) Count(string text)
    {
        int words = 0, characters = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLowSurrogate(c)) characters++;
            var part = char.IsLetterOrDigit(c)
                || (inWord && c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]));
            if (part && !inWord) words++;
            inWord = part;
        }
        return (words, characters);
    }
}
