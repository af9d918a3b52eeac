using System.Globalization;

namespace Tongsin.Analysis.Lengths;

/// <summary>
/// How long each article is: paragraphs, words and characters of its current text, title
/// included. Counted over time and per outlet, it says how much each one published, which a count
/// of articles alone hides (a day of one long speech against a day of many short items). Words are
/// runs of letters or digits, so that Korean, written with spaces between words, counts as English does.
/// </summary>
public sealed class ArticleLengths : IAnalyser
{
    public static readonly DerivedTable Table = new("article_lengths", [("paragraphs", "integer"), ("words", "integer"), ("characters", "integer")]);

    public string Name => "lengths";

    public int Revision => 1;

    public IReadOnlyList<DerivedTable> Tables => [Table];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        var words = Words(article.Title) + article.Paragraphs.Sum(Words);
        var characters = new StringInfo(article.Title).LengthInTextElements + article.Paragraphs.Sum(p => new StringInfo(p).LengthInTextElements);
        yield return new DerivedRow(Table, new { paragraphs = article.Paragraphs.Count, words, characters });
    }

    /// <summary>Runs of letters or digits; an apostrophe or hyphen between two letters keeps a word whole (Workers', Jong-un).</summary>
    public static int Words(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var part = char.IsLetterOrDigit(c)
                || (inWord && c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]));
            if (part && !inWord) count++;
            inWord = part;
        }
        return count;
    }
}
