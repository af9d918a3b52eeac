using System.Globalization;
using Tongsin.Model;

namespace Tongsin.App.Web;

/// <summary>How dates, counts and teasers read on the pages.</summary>
internal static class Display
{
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "unknown";

    /// <summary>The KCNA Watch form: 19/03/2023.</summary>
    public static string DayMonthYear(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(long n, string one, string many) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>What a card shows under its title: the teaser, else the opening of the body.</summary>
    public static string? Teaser(ArticleRecord a, int length = 180)
    {
        // A card's teaser is cut off mid-sentence by the outlet; say so rather than let it read as whole.
        if (a.Status == ArticleStatus.Stub && a.Teaser is not null && a.Teaser.Length <= length) return a.Teaser + " …";
        var text = a.Teaser ?? (a.Paragraphs.Count > 0 ? a.Paragraphs[0] : null);
        if (text is null || text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)] + "…";
    }

    /// <summary>Only web addresses become links; anything else (javascript:, data:) is shown as nothing.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
