namespace Tongsin.Analysis.Appearances;

/// <summary>One article's report of one activity, as the grouping reads it from appearance_reports.</summary>
public sealed record ArticleReport(long ArticleId, int Report, DateOnly Published, AppearanceReport Appearance);

/// <summary>One activity and every article reporting it: its fields are those of its surest report, its companions those of the report naming most.</summary>
public sealed record GroupedAppearance(long Id, AppearanceReport Appearance, IReadOnlyList<long> Articles, long First);

/// <summary>
/// Merges the reports of one activity (docs/appearances.md, "One activity, many reports"): the same
/// person, the same day and a place alike (<see cref="PlaceKey"/>). A report whose day is only its
/// dateline's or its publication's is matched to an activity up to two days before it (a reprint
/// the next day says no more than "inspected"); one saying "recently", up to a week before. Two
/// reports of one article are never merged: they are two places of one trip. Pure: the same reports
/// give the same appearances, numbered by day.
/// </summary>
public static class AppearanceGroups
{
    private sealed class Bunch(ArticleReport anchor, IReadOnlySet<string> words)
    {
        public ArticleReport Anchor { get; } = anchor;
        public IReadOnlySet<string> Words { get; } = words;
        public List<ArticleReport> Members { get; } = [anchor];
    }

    public static IReadOnlyList<GroupedAppearance> Group(IEnumerable<ArticleReport> reports)
    {
        var groups = new List<Bunch>();
        var byPerson = new Dictionary<string, List<Bunch>>(StringComparer.Ordinal);
        var ordered = reports
            .OrderBy(r => r.Appearance.Person, StringComparer.Ordinal)
            .ThenBy(r => r.Appearance.Date)
            .ThenBy(r => DateBasis.Rank(r.Appearance.DateBasis))
            .ThenBy(r => r.Published)
            .ThenBy(r => r.ArticleId)
            .ThenBy(r => r.Report);
        foreach (var report in ordered)
        {
            var a = report.Appearance;
            var words = PlaceKey.Words(a.Place);
            var window = a.DateBasis switch { DateBasis.Stated => 0, DateBasis.Recently => 7, _ => 2 };
            var list = byPerson.TryGetValue(a.Person, out var l) ? l : byPerson[a.Person] = [];
            Bunch? match = null;
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var g = list[i];
                var day = g.Anchor.Appearance.Date;
                if (day < a.Date.AddDays(-window)) break;
                if (day > a.Date) continue;
                if (g.Members.Any(m => m.ArticleId == report.ArticleId)) continue;
                if (!PlaceKey.Alike(g.Words, words) && !(g.Anchor.Appearance.Activity == a.Activity && (g.Words.Count == 0 || words.Count == 0))) continue;
                match = g;
                break;
            }
            if (match is null)
            {
                var g = new Bunch(report, words);
                list.Add(g);
                groups.Add(g);
            }
            else match.Members.Add(report);
        }
        return groups
            .Select(g => (Group: g, First: g.Members.MinBy(m => (m.Published, m.ArticleId))!))
            .OrderBy(x => x.Group.Anchor.Appearance.Date)
            .ThenBy(x => x.Group.Anchor.Appearance.Person, StringComparer.Ordinal)
            .ThenBy(x => x.First.ArticleId)
            .ThenBy(x => x.First.Report)
            .Select((x, i) =>
            {
                var companions = x.Group.Members.MaxBy(m => m.Appearance.Companions.Count)!.Appearance.Companions;
                return new GroupedAppearance(i + 1, x.Group.Anchor.Appearance with { Companions = companions },
                    x.Group.Members.Select(m => m.ArticleId).Distinct().Order().ToList(), x.First.ArticleId);
            })
            .ToList();
    }
}
