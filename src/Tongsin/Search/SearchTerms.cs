using Tongsin.Text;

namespace Tongsin.Search;

/// <summary>
/// What the index holds beside an article's words: its Korean as bigrams, as written and with the
/// DPRK's initial sounds folded to the South's, and the keys of the names it mentions. The archive
/// computes these from the text whenever it indexes it, so they are never stored twice.
/// </summary>
public readonly record struct SearchTerms(string Korean, string KoreanFolded, string Names)
{
    public static SearchTerms Empty { get; } = new("", "", "");

    public static SearchTerms Of(string? title, string? teaser, string? body)
    {
        var text = string.Join('\n', title ?? "", teaser ?? "", body ?? "");
        return new SearchTerms(Hangul.IndexTokens(text, fold: false), Hangul.IndexTokens(text, fold: true), Romanisation.IndexKeys(text));
    }
}
