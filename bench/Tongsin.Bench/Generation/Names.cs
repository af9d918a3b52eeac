using V = Tongsin.Bench.Generation.Vocabulary;

namespace Tongsin.Bench.Generation;

/// <summary>
/// Korean proper names built from romanised syllables: thousands of places, works and people,
/// which is what makes the vocabulary of real state media so large.
/// </summary>
internal static class Names
{
    public static string Place(Random rng)
    {
        var first = ArticleText.Pick(rng, V.PlaceSyllables);
        var second = ArticleText.Pick(rng, V.PlaceSyllables).ToLowerInvariant();
        return rng.Next(8) == 0 ? first + second + "gang" : first + second;
    }

    public static string County(Random rng) => Place(rng) + " County of " + ArticleText.Pick(rng, V.Provinces);

    public static string Works(Random rng) =>
        Place(rng) + " " + ArticleText.Pick(rng, V.Products) + " " + ArticleText.Pick(rng, V.Works);

    public static string Farm(Random rng) => Place(rng) + " " + ArticleText.Pick(rng, V.Farms);

    public static string Person(Random rng) =>
        ArticleText.Pick(rng, V.FamilyNames) + " " + ArticleText.Pick(rng, V.GivenSyllables) + " " + ArticleText.Pick(rng, V.GivenSyllables);
}
