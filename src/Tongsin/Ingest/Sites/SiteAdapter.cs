using Tongsin.Model;

namespace Tongsin.Ingest.Sites;

/// <summary>
/// What a crawler asks of a site. Most requests are plain GETs; kcna.kp pages its listings with a
/// form POST that carries the session's CSRF token, so a request may hold form fields.
/// </summary>
public sealed record PageRequest(Uri Url, IReadOnlyDictionary<string, string>? Form = null)
{
    public bool IsPost => Form is not null;
    public override string ToString() => IsPost ? $"POST {Url}" : Url.ToString();
}

/// <summary>An article a listing page links to, with what the listing says of it.</summary>
public sealed record ListingItem(Uri Url, string? Title, DateOnly? Published);

/// <summary>One listing page: its items in the order shown, and the request for the next page, if any.</summary>
public sealed record ListingPage(IReadOnlyList<ListingItem> Items, PageRequest? Next);

public enum ArticleState
{
    /// <summary>The page holds the article.</summary>
    Found,
    /// <summary>The site says the article is not there (its own "unknown address" page, an empty article).</summary>
    Gone,
}

/// <summary>What an article page said. <see cref="Article"/> is set when Found; its Captured is left to the caller.</summary>
public sealed record ArticleReading(ArticleState State, ArticleCapture? Article)
{
    public static ArticleReading Gone { get; } = new(ArticleState.Gone, null);
    public static ArticleReading Found(ArticleCapture article) => new(ArticleState.Found, article);
}

/// <summary>
/// One outlet's website: where its listings are, and how to read its listing and article pages.
/// Adapters are pure: HTML and an address in, records out; fetching is the crawler's job.
/// A page the adapter cannot make sense of throws <see cref="ImportFailureException"/>.
/// </summary>
public interface ISiteAdapter
{
    /// <summary>The site's name, as configuration writes it: "kcna.kp", "rodong.rep.kp" ...</summary>
    string Site { get; }

    /// <summary>The languages the site publishes in (ISO 639-1).</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>The first listing requests for the site's edition in a language, under a base address (the site or a mirror of it).</summary>
    IReadOnlyList<PageRequest> Listings(Uri baseUrl, string language);

    /// <summary>Whether an address is one of this site's article or listing pages (host aside: mirrors keep the paths).</summary>
    bool Handles(Uri url);

    /// <summary>Whether a saved page, whose address may be unknown, comes from this site.</summary>
    bool Recognises(string html);

    ListingPage ReadListing(string html, Uri url);

    ArticleReading ReadArticle(string html, Uri url);
}
