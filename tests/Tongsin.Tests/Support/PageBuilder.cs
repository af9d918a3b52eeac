using System.Text;

namespace Tongsin.Tests.Support;

/// <summary>Writes KCNA Watch text pages for tests that need many pages or a variant of one.</summary>
public sealed record PageBuilder(
    string Title = "Delegation Leaves for Overseas Visit",
    string Source = "Korean Central News Agency (EN)",
    string Published = "12/02/2025",
    string Captured = "February 13, 2025Feb 13, 2025",
    bool ReadOriginal = true,
    IReadOnlyList<string>? Body = null,
    IReadOnlyList<(string Title, string Teaser, string Date)>? Cards = null,
    bool EndMarker = true)
{
    public static readonly string[] DefaultBody =
    [
        "A delegation of the Ministry of External Economic Relations left Pyongyang on Tuesday for an official visit.",
        "The delegation is led by the vice-minister of the ministry.",
        "It was seen off at the airport by officials concerned.",
    ];

    public static readonly (string, string, string)[] DefaultCards =
    [
        ("Factory Completes Renovation", "The workers of the machine factory completed the renovation of its main workshop ahead of the", "February 12, 2025"),
        ("Exhibition of Paintings Opens", "An exhibition of paintings by young artists opened at the Korean Art Gallery on February 11, showing", "February 11, 2025"),
    ];

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Captured).Append('\n').Append("KCNA ").Append(Source).Append("\n\n");
        sb.Append(Title).Append("\n\n");
        sb.Append("Date: ").Append(Published).Append(" | Source: ").Append(Source);
        if (ReadOriginal) sb.Append(" | Read original version at source");
        sb.Append("\n\n");
        foreach (var p in Body ?? DefaultBody) sb.Append(p).Append("\n\n");
        var cards = Cards ?? DefaultCards;
        if (cards.Count > 0)
        {
            sb.Append("More From ").Append(Source).Append("\n\n");
            foreach (var (title, teaser, date) in cards)
                sb.Append(title).Append("\n\n").Append(title).Append("\n\n").Append(teaser).Append("\n\n")
                  .Append(date).Append("\n\n").Append(teaser).Append("\n\n");
        }
        if (EndMarker) sb.Append("More Articles");
        return sb.ToString();
    }
}
