using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive;

/// <summary>
/// A page with everything the archive derives from its text worked out ahead: the body as stored,
/// the content hash, the title keys and the dates as written to the archive. It is pure work on the
/// page alone, so an import does it on the threads that parse pages, and the one thread that writes
/// is left with the writing.
/// </summary>
public sealed record PreparedPage(PageCapture Capture, PreparedArticle Article, IReadOnlyList<PreparedCard> Cards)
{
    public static PreparedPage From(PageCapture page)
    {
        var cards = new PreparedCard[page.Cards.Count];
        for (var i = 0; i < cards.Length; i++) cards[i] = PreparedCard.From(page.Cards[i]);
        return new PreparedPage(page, PreparedArticle.From(page.Article), cards);
    }
}

/// <summary>
/// An article capture with its stored body (paragraphs joined by newlines), hash, title key, ISO
/// dates, and the search terms the index derives from its title and body.
/// </summary>
public sealed record PreparedArticle(ArticleCapture Capture, string Body, string Hash, string TitleKey, string Published, string? Captured, SearchTerms Terms)
{
    public static PreparedArticle From(ArticleCapture a)
    {
        var body = string.Join('\n', a.Paragraphs);
        return new(a, body, ContentHash.Of(a.Title, a.Paragraphs), Text.TitleKey.From(a.Title),
            Dates.ToIso(a.Published), Dates.ToIso(a.Captured), SearchTerms.Of(a.Title, null, body));
    }
}

/// <summary>A card with its title key and ISO publication date.</summary>
public sealed record PreparedCard(CardCapture Capture, string TitleKey, string Published)
{
    public static PreparedCard From(CardCapture card) => new(card, Text.TitleKey.From(card.Title), Dates.ToIso(card.Published));
}
