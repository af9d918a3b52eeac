using System.Text.RegularExpressions;

namespace Tongsin.Model;

/// <summary>An outlet in one language, written like "Voice of Korea (EN)".</summary>
public sealed partial record Source(Outlet Outlet, string Language)
{
    public string Label => $"{Outlet.Name} ({Language.ToUpperInvariant()})";
    public string Slug => $"{Outlet.Slug}-{Language}";

    [GeneratedRegex(@"^(?<name>.*?)\s*\((?<code>[A-Za-z]{2,3})\)$")]
    private static partial Regex LabelPattern();

    /// <summary>
    /// Reads a label such as "Ministry of Foreign Affairs (EN)". Without a language code the
    /// language is guessed from <paramref name="sampleText"/>.
    /// </summary>
    public static Source FromLabel(string label, OutletCatalog outlets, string? sampleText = null)
    {
        var text = label.Trim();
        var m = LabelPattern().Match(text);
        if (m.Success && Languages.Normalise(m.Groups["code"].Value) is { } lang && m.Groups["name"].Length > 0)
            return new Source(outlets.Resolve(m.Groups["name"].Value), lang);
        return new Source(outlets.Resolve(text), Languages.Guess(sampleText ?? text));
    }

    public override string ToString() => Label;
}
