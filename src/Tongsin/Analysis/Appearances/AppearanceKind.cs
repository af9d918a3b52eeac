namespace Tongsin.Analysis.Appearances;

/// <summary>The kinds of activity docs/appearances.md names, as they are stored.</summary>
public static class AppearanceKind
{
    public const string Military = "military";
    public const string Economic = "economic";
    public const string Political = "political";
    public const string Diplomatic = "diplomatic";
    public const string SocialCultural = "social and cultural";

    public static readonly IReadOnlyList<string> All = [Military, Economic, Political, Diplomatic, SocialCultural];
}
