using System.Text.RegularExpressions;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// Reads a KCNA Watch article page saved as text: capture date, feed line, title, the
/// "Date: dd/mm/yyyy | Source: ..." line, the body, then the "More From &lt;source&gt;" cards and
/// "More Articles". Every non-blank line is one paragraph, so pages separated by single newlines
/// read the same as the usual blank-line-separated ones.
/// </summary>
public sealed partial class KcnaWatchPageReader(OutletCatalog outlets)
{
    private const string FeedPrefix = "KCNA ";
    private const string RelatedPrefix = "More From ";
    private const string EndOfPage = "More Articles";
    // The Date/Source line comes within a few lines of the top; a page that has none there is something else.
    private const int HeaderLines = 8;

    [GeneratedRegex(@"^Date:\s*(?<date>\d{1,2}/\d{1,2}/\d{4})\s*\|\s*Source:\s*(?<source>[^|]*?)\s*(?:\|\s*(?<link>Read original.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateSourceLine();

    [GeneratedRegex(@"^Date:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex DateLineStart();

    /// <summary>
    /// Reads a page of at most <paramref name="maxLines"/> non-blank lines: a page of more is refused as
    /// too large before its lines are all split out, which would take some twenty times its size.
    /// </summary>
    public PageCapture Read(string text, int maxLines = int.MaxValue)
    {
        var lines = Lines.NonBlank(text, maxLines == int.MaxValue ? maxLines : maxLines + 1);
        if (lines.Count > maxLines)
            throw new ImportFailureException(ImportFailureKind.TooLarge, $"the page has more than {maxLines.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} lines of text");
        if (lines.Count == 0)
            throw new ImportFailureException(ImportFailureKind.Empty, "no text");

        var captured = Dates.ReadWrittenDate(lines[0].Text, out _)
            ?? throw new ImportFailureException(ImportFailureKind.NotAPage,
                $"expected the capture date (like 'January 29, 2026'), found '{Clip(lines[0].Text)}'", lines[0].Number);

        var dateIndex = FindDateLine(lines);
        if (dateIndex < 0)
        {
            if (lines.Count <= HeaderLines)
                throw new ImportFailureException(ImportFailureKind.Truncated, "the page ends before its 'Date: ... | Source: ...' line");
            throw new ImportFailureException(ImportFailureKind.NotAPage,
                $"no 'Date: dd/mm/yyyy | Source: ...' line near the top", lines[Math.Min(lines.Count - 1, 2)].Number);
        }

        var dateLine = lines[dateIndex];
        var m = DateSourceLine().Match(dateLine.Text);
        if (!m.Success || m.Groups["source"].Length == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid,
                $"expected 'Date: dd/mm/yyyy | Source: <source>', found '{Clip(dateLine.Text)}'", dateLine.Number);
        var published = Dates.ParseDayMonthYear(m.Groups["date"].Value)
            ?? throw new ImportFailureException(ImportFailureKind.Invalid,
                $"'{m.Groups["date"].Value}' is not a real day/month/year date", dateLine.Number);
        var sourceLabel = m.Groups["source"].Value;

        // Between the capture date and the Date line: the feed line ("KCNA <source>") and the title.
        var headStart = 1;
        string? feedLabel = null;
        if (dateIndex - headStart >= 2 && lines[headStart].Text.StartsWith(FeedPrefix, StringComparison.Ordinal))
        {
            feedLabel = lines[headStart].Text[FeedPrefix.Length..].Trim();
            headStart++;
        }
        var title = string.Join(' ', lines.Skip(headStart).Take(dateIndex - headStart).Select(l => l.Text));
        if (title.Length == 0)
            throw new ImportFailureException(ImportFailureKind.Invalid, $"the page has no title before its Date line", dateLine.Number);

        var hasEnd = lines.Count > dateIndex + 1 && lines[^1].Text.Equals(EndOfPage, StringComparison.OrdinalIgnoreCase);
        var end = hasEnd ? lines.Count - 1 : lines.Count;
        var related = FindRelatedBlock(lines, dateIndex + 1, end, sourceLabel, feedLabel);

        var bodyEnd = related >= 0 ? related : end;
        var paragraphs = new List<string>(Math.Max(0, bodyEnd - dateIndex - 1));
        for (var i = dateIndex + 1; i < bodyEnd; i++) paragraphs.Add(lines[i].Text);

        if (!hasEnd && related < 0 && (paragraphs.Count == 0 || !EndsLikeSentence(paragraphs[^1])))
            throw new ImportFailureException(ImportFailureKind.Truncated,
                paragraphs.Count == 0 ? "the page ends right after its Date line" : "the page ends in the middle of its body (no 'More Articles' and the last paragraph is cut off)");

        var sample = title + " " + (paragraphs.Count > 0 ? paragraphs[0] : "");
        var source = Source.FromLabel(sourceLabel, outlets, sample);
        var cards = related >= 0 ? ReadCards(lines, related + 1, end, hasEnd, source, captured) : [];
        var article = new ArticleCapture(source, title, published, captured, Url: null, paragraphs);
        return new PageCapture(article, cards);
    }

    private static int FindDateLine(List<Line> lines)
    {
        // Start at the third line: the first is the capture date and a title is always before the Date line.
        for (var i = 2; i < Math.Min(lines.Count, HeaderLines + 1); i++)
            if (DateLineStart().IsMatch(lines[i].Text)) return i;
        return -1;
    }

    /// <summary>The last "More From &lt;source&gt;" line naming this page's own source, or -1.</summary>
    private static int FindRelatedBlock(List<Line> lines, int from, int end, string sourceLabel, string? feedLabel)
    {
        for (var i = end - 1; i >= from; i--)
        {
            var text = lines[i].Text;
            if (!text.StartsWith(RelatedPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var named = text[RelatedPrefix.Length..].Trim();
            if (named == sourceLabel || (feedLabel is not null && named == feedLabel)) return i;
        }
        return -1;
    }

    // A card is: title, the title again, teaser, date, the teaser again. The repeats are optional,
    // and so is the teaser, because a card without one is still a known article.
    private static List<CardCapture> ReadCards(List<Line> lines, int start, int end, bool hasEnd, Source source, DateOnly captured)
    {
        var cards = new List<CardCapture>();
        var i = start;
        while (i < end)
        {
            var titleLine = lines[i++];
            var title = titleLine.Text;
            if (i < end && TitleKey.From(lines[i].Text) == TitleKey.From(title)) i++;
            string? teaser = null;
            DateOnly? date = null;
            while (i < end)
            {
                var line = lines[i++];
                if (Dates.ParseDateLine(line.Text) is { } d) { date = d; break; }
                teaser ??= line.Text;
            }
            if (date is null)
            {
                if (!hasEnd)
                    throw new ImportFailureException(ImportFailureKind.Truncated,
                        $"the page ends inside the card '{Clip(title)}' (line {titleLine.Number}), before 'More Articles'");
                throw new ImportFailureException(ImportFailureKind.Invalid,
                    $"the card '{Clip(title)}' has no date", titleLine.Number);
            }
            if (teaser is not null && i < end && lines[i].Text == teaser) i++;
            cards.Add(new CardCapture(source, title, date.Value, teaser));
        }
        return cards;
    }

    private static bool EndsLikeSentence(string paragraph) =>
        paragraph.Length > 0 && paragraph[^1] is '.' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or ')' or '\u00BB'
            or '\u3002' or '\u2026' or ':' or ']' or '\u300D' or '\u300F';

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
