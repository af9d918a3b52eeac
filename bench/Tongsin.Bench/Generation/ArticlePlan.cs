using Tongsin.Text;

namespace Tongsin.Bench.Generation;

internal sealed record SourceSpec(string Label, bool Korean, int Weight);

/// <summary>An article of the run: what a card shows of it, and the seed its text is written from.</summary>
internal sealed record ArticleSpec(int Source, DateOnly Published, string Title, string Teaser, int TextSeed);

/// <summary>One page to write: a capture of an article (an edited one when <paramref name="Edited"/>), and its cards.</summary>
internal sealed record PageSpec(int Article, DateOnly Captured, bool Edited, int[] Cards);

/// <summary>
/// Decides what a run holds before any text is written: the articles, their sources and dates, the
/// order pages were captured in, and which other articles each page shows as cards. Cards are the
/// latest articles of the same source as of the capture date, as on the real site, so a card can
/// come before or after the page of its article.
/// </summary>
internal sealed class ArticlePlan
{
    public static readonly SourceSpec[] Sources =
    [
        new("Korean Central News Agency (EN)", false, 34),
        new("Rodong Sinmun (EN)", false, 20),
        new("Voice of Korea (EN)", false, 14),
        new("Pyongyang Times (EN)", false, 10),
        new("Ministry of Foreign Affairs (EN)", false, 8),
        new("Minju Joson (EN)", false, 11),
        new("Rodong Sinmun (KO)", true, 3),
    ];

    public static readonly DateOnly FirstDay = new(2016, 1, 1);
    public static readonly DateOnly LastDay = new(2025, 12, 31);
    private const double EditedShare = 0.015;
    private const int TeaserLength = 130;

    public required IReadOnlyList<ArticleSpec> Articles { get; init; }
    public required IReadOnlyList<PageSpec> Pages { get; init; }

    public static ArticlePlan Make(int pages, int seed)
    {
        var rng = new Random(seed);
        var edited = pages - ArticleCount(pages);
        var articles = MakeArticles(rng, pages - edited);
        var bySource = Enumerable.Range(0, Sources.Length)
            .Select(s => Enumerable.Range(0, articles.Count).Where(i => articles[i].Source == s)
                .OrderBy(i => articles[i].Published).ThenBy(i => i).ToArray())
            .ToArray();

        var order = Enumerable.Range(0, articles.Count).ToArray();
        rng.Shuffle(order);
        var list = new List<PageSpec>(pages);
        var capturedOn = new DateOnly[articles.Count];
        foreach (var a in order)
        {
            capturedOn[a] = CaptureDate(rng, articles[a].Published);
            list.Add(new PageSpec(a, capturedOn[a], false, Cards(rng, articles, bySource, a, capturedOn[a])));
        }

        // A second capture of an article already captured earlier in the run, with one paragraph edited.
        var insertions = new List<(int Position, PageSpec Page)>(edited);
        for (var i = 0; i < edited; i++)
        {
            var position = rng.Next(list.Count / 10, list.Count + 1);
            var original = list[rng.Next(0, Math.Max(1, position))].Article;
            var captured = Min(capturedOn[original].AddDays(rng.Next(1, 90)), LastDay.AddDays(60));
            insertions.Add((position, new PageSpec(original, captured, true, Cards(rng, articles, bySource, original, captured))));
        }
        foreach (var (position, page) in insertions.OrderByDescending(x => x.Position)) list.Insert(position, page);
        return new ArticlePlan { Articles = articles, Pages = list };
    }

    /// <summary>How many distinct articles a plan of this many pages holds; the other pages are edited second captures.</summary>
    public static int ArticleCount(int pages) => pages - (pages >= 100 ? (int)Math.Round(pages * EditedShare) : 0);

    private static List<ArticleSpec> MakeArticles(Random rng, int count)
    {
        var totalWeight = Sources.Sum(s => s.Weight);
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        var taken = new HashSet<(int, DateOnly, string)>();
        var articles = new List<ArticleSpec>(count);
        for (var i = 0; i < count; i++)
        {
            var source = PickSource(rng.Next(totalWeight));
            var published = FirstDay.AddDays(rng.Next(days));
            var korean = Sources[source].Korean;
            string title;
            var attempt = 0;
            do
            {
                title = ArticleText.Title(rng, korean);
                if (++attempt > 8) title += " (" + attempt + ")";
            } while (!taken.Add((source, published, TitleKey.From(title))));
            var textSeed = rng.Next();
            articles.Add(new ArticleSpec(source, published, title, Teaser(ArticleText.Lead(textSeed, korean)), textSeed));
        }
        return articles;
    }

    private static int PickSource(int roll)
    {
        for (var s = 0; s < Sources.Length; s++)
        {
            if (roll < Sources[s].Weight) return s;
            roll -= Sources[s].Weight;
        }
        return 0;
    }

    // Most pages are captured within days of publication; some years later, when the site was filled in.
    private static DateOnly CaptureDate(Random rng, DateOnly published)
    {
        var late = rng.Next(10) == 0;
        var days = late ? rng.Next(1, LastDay.DayNumber + 30 - published.DayNumber) : rng.Next(0, 3);
        return published.AddDays(days);
    }

    private static int[] Cards(Random rng, List<ArticleSpec> articles, int[][] bySource, int article, DateOnly captured)
    {
        var same = bySource[articles[article].Source];
        // The last article of the source published on or before the capture date.
        int lo = 0, hi = same.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (articles[same[mid]].Published <= captured) lo = mid + 1; else hi = mid;
        }
        var want = rng.Next(12, 16);
        var cards = new List<int>(want);
        for (var i = lo - 1; i >= 0 && cards.Count < want; i--)
            if (same[i] != article) cards.Add(same[i]);
        return cards.ToArray();
    }

    /// <summary>The lead cut at a word boundary near 130 characters, as the site's cards show it.</summary>
    private static string Teaser(string lead)
    {
        if (lead.Length <= TeaserLength) return lead;
        var cut = lead.LastIndexOf(' ', TeaserLength);
        return lead[..(cut > 0 ? cut : TeaserLength)].TrimEnd(' ', ',');
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
