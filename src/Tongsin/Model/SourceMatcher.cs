namespace Tongsin.Model;

/// <summary>
/// Finds the sources a user means: a label ("Voice of Korea (EN)"), a slug ("voice-of-korea-en"),
/// or an outlet by any of its names ("Voice of Korea", "VOK", "조선의 소리"), which means every
/// language of it.
/// </summary>
public static class SourceMatcher
{
    public static IReadOnlyList<string> Match(string text, IReadOnlyList<Source> all, OutletCatalog outlets)
    {
        var wanted = text.Trim();

        // A label or a slug names one source; "KCNA (EN)" is the agency's English source.
        var labelled = wanted.EndsWith(')') ? Source.FromLabel(wanted, outlets).Slug : null;
        var one = all.Where(s => s.Label.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || s.Slug.Equals(wanted, StringComparison.OrdinalIgnoreCase) || s.Slug == labelled).ToList();
        if (one.Count > 0) return one.Select(s => s.Slug).ToList();

        return MatchOutlet(wanted, all, outlets);
    }

    /// <summary>Every language of the outlet a name means ("Rodong Sinmun", "VOK", "조선의 소리").</summary>
    public static IReadOnlyList<string> MatchOutlet(string text, IReadOnlyList<Source> all, OutletCatalog outlets)
    {
        var wanted = text.Trim();
        var outlet = outlets.Find(wanted)?.Slug ?? Slugs.From(wanted);
        return all.Where(s => s.Outlet.Slug == outlet).Select(s => s.Slug).ToList();
    }
}
