using System.Globalization;
using System.Text;

namespace Tongsin.Bench.Generation;

/// <summary>Lays out one page in the KCNA Watch text format described in ARCHITECTURE.md.</summary>
internal static class PageWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(ArticlePlan plan, PageSpec page)
    {
        var article = plan.Articles[page.Article];
        var source = ArticlePlan.Sources[article.Source];
        var paragraphs = page.Edited
            ? ArticleText.Edited(article.TextSeed, source.Korean)
            : ArticleText.Paragraphs(article.TextSeed, source.Korean);

        var sb = new StringBuilder(12_000);
        sb.Append(page.Captured.ToString("MMMM dd, yyyy", Invariant)).Append(page.Captured.ToString("MMM dd, yyyy", Invariant)).Append('\n');
        sb.Append("KCNA ").Append(source.Label).Append("\n\n");
        sb.Append(article.Title).Append("\n\n");
        sb.Append("Date: ").Append(article.Published.ToString("dd/MM/yyyy", Invariant)).Append(" | Source: ").Append(source.Label);
        // A few pages lack the link to the original.
        if ((article.TextSeed & 31) != 0) sb.Append(" | Read original version at source");
        sb.Append("\n\n");
        foreach (var p in paragraphs) sb.Append(p).Append("\n\n");

        if (page.Cards.Length > 0)
        {
            sb.Append("More From ").Append(source.Label).Append("\n\n");
            foreach (var c in page.Cards)
            {
                var card = plan.Articles[c];
                sb.Append(card.Title).Append("\n\n").Append(card.Title).Append("\n\n").Append(card.Teaser).Append("\n\n")
                  .Append(card.Published.ToString("MMMM dd, yyyy", Invariant)).Append("\n\n").Append(card.Teaser).Append("\n\n");
            }
        }
        sb.Append("More Articles");
        return sb.ToString();
    }
}
