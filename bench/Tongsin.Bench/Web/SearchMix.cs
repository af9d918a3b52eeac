using System.Globalization;
using Tongsin.Search;

namespace Tongsin.Bench.Web;

/// <summary>One search of the mix: its class, the query text and the form's filters beside it.</summary>
internal sealed record SearchCase(string Class, string Query, string? Source = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The address the API is asked, every value URL-encoded.</summary>
    public string Path
    {
        get
        {
            var path = "/api/search?q=" + Uri.EscapeDataString(Query);
            if (Source is not null) path += "&source=" + Uri.EscapeDataString(Source);
            if (From is { } from) path += "&from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (To is { } to) path += "&to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return path;
        }
    }

    /// <summary>How the case reads on the page: the query and its parameters.</summary>
    public string Label =>
        Query + (Source is null ? "" : $" & source={Source}") + (From is null ? "" : $" & from={From:yyyy-MM-dd}") + (To is null ? "" : $" & to={To:yyyy-MM-dd}");

    public SearchRequest Request(IReadOnlyList<string>? sourceSlugs) => new(Query, sourceSlugs, null, From, To);
}

/// <summary>
/// The searches the benchmark sends, in equal shares per class. Every word comes from the
/// generator's vocabulary, so each query finds articles in any archive it builds; the common
/// words are in most articles, the rare ones (place names built from syllables, countries named
/// once in a while) in a fraction of a percent of them.
/// </summary>
internal static class SearchMix
{
    public const string CommonWord = "single common word";
    public const string RareWord = "single rare word";
    public const string TwoWords = "two words";
    public const string Phrase = "phrase";
    public const string Filtered = "filtered";

    public static readonly string[] Classes = [CommonWord, RareWord, TwoWords, Phrase, Filtered];

    public static readonly SearchCase[] Cases =
    [
        new(CommonWord, "people"),
        new(CommonWord, "socialist"),
        new(CommonWord, "production"),
        new(CommonWord, "korea"),

        new(RareWord, "Suriname"),
        new(RareWord, "Greenland"),
        new(RareWord, "Phungsup"),
        new(RareWord, "Kyejin"),

        new(TwoWords, "missile launch"),
        new(TwoWords, "rice harvest"),
        new(TwoWords, "steel production"),
        new(TwoWords, "Pyongyang delegation"),

        new(Phrase, "\"Workers' Party of Korea\""),
        new(Phrase, "\"aircraft carrier\""),
        new(Phrase, "\"nuclear war\""),
        new(Phrase, "\"great leader\""),

        new(Filtered, "sanctions", Source: "ministry-of-foreign-affairs-en"),
        new(Filtered, "harvest", From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 12, 31)),
        new(Filtered, "people source:voice-of-korea-en"),
        new(Filtered, "missile date:2024-03"),
    ];
}
