using System.Text;
using Tongsin.Text;

namespace Tongsin.Search;

/// <summary>
/// A snippet around the first place a text holds one of a query's Korean words, with every such
/// place in it marked. The index finds Korean through bigrams, which it cannot point back into the
/// text, so the snippet is cut here. Folding compares initial sounds as the search did (로동/노동).
/// </summary>
public static class KoreanSnippet
{
    private const int Before = 40;
    private const int Length = 160;

    /// <summary>
    /// The hits, each whose snippet marks nothing given one cut around the query's Korean words:
    /// from its body where they stand there, else from its title and body.
    /// <paramref name="textOf"/> reads a hit's title and the first <see cref="Snippets.Window"/>
    /// characters of its body (or a stub's teaser), so a huge article costs no more than a long one.
    /// </summary>
    public static List<SearchHit> Recut(IReadOnlyList<SearchHit> hits, QueryNode query, bool fold, Func<long, (string Title, string Body)> textOf)
    {
        var words = WordsOf(query);
        if (words.Count == 0) return [.. hits];
        return hits.Select(h =>
        {
            if (h.Snippet.Contains(Snippets.MatchStart)) return h;
            var (title, body) = textOf(h.Id);
            // The title is shown above the snippet; the snippet is cut from the body where it can be.
            var cut = Cut(body, words, fold) ?? Cut(title + "\n" + body, words, fold);
            return cut is null ? h : h with { Snippet = cut };
        }).ToList();
    }

    public static string? Cut(string text, IEnumerable<string> words, bool fold)
    {
        var needles = words.SelectMany(HangulRuns).Select(w => Fold(w, fold)).Where(w => w.Length > 0).Distinct().ToList();
        if (needles.Count == 0 || text.Length == 0) return null;
        var haystack = Fold(text, fold);
        var first = needles.Select(n => haystack.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (first < 0) return null;
        var start = Math.Max(0, first - Before);
        var end = Math.Min(text.Length, start + Length);
        var marks = new bool[end - start];
        foreach (var needle in needles)
            for (var at = haystack.IndexOf(needle, start, StringComparison.Ordinal); at >= 0 && at < end; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
                for (var k = at; k < Math.Min(end, at + needle.Length); k++) marks[k - start] = true;
        var sb = new StringBuilder(end - start + 16);
        if (start > 0) sb.Append('…');
        for (var i = start; i < end; i++)
        {
            var marked = marks[i - start];
            if (marked && (i == start || !marks[i - start - 1])) sb.Append(Snippets.MatchStart);
            sb.Append(text[i] == '\n' ? ' ' : text[i]);
            if (marked && (i == end - 1 || !marks[i - start + 1])) sb.Append(Snippets.MatchEnd);
        }
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>The Korean words of a query a snippet should show: those of its positive parts.</summary>
    public static List<string> WordsOf(QueryNode node) => node switch
    {
        WordNode w when Hangul.Contains(w.Text) => [w.Text],
        PhraseNode p when Hangul.Contains(p.Text) => [.. p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        AndNode a => a.Parts.Where(p => p is not NotNode).SelectMany(WordsOf).ToList(),
        OrNode o => o.Parts.SelectMany(WordsOf).ToList(),
        _ => [],
    };

    private static IEnumerable<string> HangulRuns(string word)
    {
        var run = new StringBuilder();
        foreach (var c in word)
        {
            if (Hangul.IsSyllable(c)) { run.Append(c); continue; }
            if (run.Length > 0) { yield return run.ToString(); run.Clear(); }
        }
        if (run.Length > 0) yield return run.ToString();
    }

    // Folding changes one syllable for another, so positions in the folded text are positions in the text.
    private static string Fold(string text, bool fold) => fold ? string.Create(text.Length, text, (span, t) =>
    {
        for (var i = 0; i < t.Length; i++) span[i] = Hangul.FoldInitial(t[i]);
    }) : text;
}
