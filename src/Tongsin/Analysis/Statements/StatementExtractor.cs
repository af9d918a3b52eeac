using System.Globalization;
using System.Text.RegularExpressions;
using Tongsin.Analysis.Entities;
using Tongsin.Text;

namespace Tongsin.Analysis.Statements;

/// <summary>
/// Tells from an article's title and first paragraphs whether it carries a statement, of what kind,
/// by whom and against whom (docs/statements.md has the rules; <see cref="StatementRules"/> holds
/// them as data). A pure function of the text, given the recogniser that names the entities.
/// </summary>
public sealed class StatementExtractor(MentionRecogniser recogniser)
{
    // How many paragraphs are read for the issuer, an answer and the dateline: the old pages repeat the title first.
    private const int Lead = 3;

    private static readonly Regex Report = new($@"\b(?:{string.Join('|', StatementRules.NotStatements.Select(Regex.Escape))})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string OutletNames = string.Join('|', StatementRules.Outlets.Select(Regex.Escape));

    // "KCNA Commentary on ...", "...: KCNA Commentary", "... = KCNA Commentary =", "...: Rodong Sinmun", "Rodong Sinmun on ...".
    private static readonly Regex OutletCommentary = new($@"\b(?<who>{OutletNames})\s+commentary\b|:\s*(?<who>{OutletNames})\s*[=:]?\s*$|^(?<who>{OutletNames})\s+(?:on|{string.Join('|', StatementRules.IssuerVerbs)})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "Press Statement of (Kim Yo Jong, ...)", "Answer of (Spokesman for ...) to Question", "Letter to X from (Y)".
    private static readonly Regex OfIssuer = new(@"\b(?:press statement|statement|memorandum|press release|answers?|letter|commentary)\s+(?:of|by|from)\s+(?<who>.+)$|\bletter\s+to\s+.+?\s+from\s+(?<who>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex VerbIssuer = new($@"^(?<who>.+?)\s+(?:{string.Join('|', StatementRules.IssuerVerbs)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Case-sensitive: KCNA's titles keep these words lower case, and a capitalised "To" or "On" is part of a name.
    private static readonly Regex IssuerEnd = new($@"\s+(?:{string.Join('|', StatementRules.IssuerEnds)})\s.*$", RegexOptions.CultureInvariant);

    private static readonly Regex Spaces = new(@"\s+");

    /// <summary>The statement the article carries, or null when it carries none.</summary>
    public Statement? Extract(string title, IReadOnlyList<string> paragraphs, DateOnly published)
    {
        var t = Spaces.Replace(title, " ").Trim();
        if (t.Length == 0 || Report.IsMatch(t)) return null;
        var lead = string.Join("\n", paragraphs.Take(Lead));
        var outlet = OutletCommentary.Match(t);
        StatementKind? kind = outlet.Success ? StatementKind.Commentary : StatementRules.Kinds.FirstOrDefault(k => k.Title.IsMatch(t)) is { Title: not null } found ? found.Kind : null;
        if (kind is not { } k) return null;
        if (k == StatementKind.Statement && !t.Contains("statement", StringComparison.OrdinalIgnoreCase) && StatementRules.AnswerInBody.IsMatch(lead)) k = StatementKind.Answer;

        var year = published.Year;
        var who = outlet.Success ? outlet.Groups["who"].Value : IssuerPhrase(t);
        var issuer = who is null ? null : Issuer(who, year);
        // "FM Spokesman on ...": the title names no body; the first paragraphs do ("a spokesman for the DPRK Foreign Ministry").
        if (issuer is null || (issuer.Person is null && issuer.OfficeSlug is null && !issuer.Foreign))
            if (StatementRules.SpokespersonInBody().Match(lead) is { Success: true } body && Issuer("Spokesman for " + body.Groups["body"].Value, year) is { OfficeSlug: not null } better)
                issuer = better;

        var own = new HashSet<string>(StatementRules.NeverTargets, StringComparer.Ordinal);
        if (issuer is not null) own.UnionWith(issuer.Named);
        var targets = Targets(recogniser.Recognise(title, paragraphs, year), title.Length, own);
        return new Statement(k, issuer?.Person, issuer?.PersonSlug, issuer?.Office, issuer?.OfficeSlug, issuer is null || !issuer.Foreign, targets, Dated(paragraphs, published));
    }

    private sealed record IssuerParts(string? Person, string? PersonSlug, string? Office, string? OfficeSlug, bool Foreign, IReadOnlyList<string> Named);

    /// <summary>The part of the title that names who issued it, or null.</summary>
    internal static string? IssuerPhrase(string title)
    {
        string? who = null;
        if (OfIssuer.Match(title) is { Success: true } of) who = IssuerEnd.Replace(of.Groups["who"].Value, "");
        else if (VerbIssuer.Match(title) is { Success: true } verb && verb.Groups["who"].Value.Split(' ').Length <= 12) who = verb.Groups["who"].Value;
        who = who?.Trim(' ', ',', ':', '=', '"', '\'');
        return string.IsNullOrEmpty(who) ? null : who;
    }

    // The person and the office in the issuer's phrase; foreign when it names a country other than the DPRK or a foreign person.
    private IssuerParts Issuer(string who, int year)
    {
        var named = recogniser.Recognise(who, [], year);
        var person = named.FirstOrDefault(m => m.Kind == EntityKind.Person);
        var office = who;
        if (person is not null)
        {
            var length = person.Entity?.Spellings.Where(s => who.AsSpan(person.FirstPosition).StartsWith(s, StringComparison.OrdinalIgnoreCase)).Select(s => s.Length).DefaultIfEmpty(0).Max() ?? 0;
            if (length == 0 && who.AsSpan(person.FirstPosition).StartsWith(person.Name, StringComparison.OrdinalIgnoreCase)) length = person.Name.Length;
            if (length > 0) office = who.Remove(person.FirstPosition, length);
        }
        office = Spaces.Replace(office, " ").Trim(' ', ',', ';', ':');
        var organisation = named.FirstOrDefault(m => m.Kind == EntityKind.Organisation && m.Entity is not null);
        var foreign = named.Any(m => m.Kind == EntityKind.Country && m.Key != "dprk")
            || person?.Entity?.Source.File.Contains("foreign", StringComparison.Ordinal) == true;
        return new IssuerParts(person?.Name, person?.Entity?.Slug, office.Length == 0 ? null : office, organisation?.Entity?.Slug, foreign,
            named.Where(m => m.Entity is not null).Select(m => m.Key).ToList());
    }

    /// <summary>
    /// The countries and organisations named in the title; when the title names none, those named at
    /// least twice in the text; never the DPRK, nor the issuer's own body (<paramref name="own"/>).
    /// </summary>
    internal static IReadOnlyList<string> Targets(IReadOnlyList<RecognisedMention> mentions, int titleLength, IReadOnlySet<string> own)
    {
        var candidates = mentions.Where(m => m.Entity is not null && m.Kind is EntityKind.Country or EntityKind.Organisation && !own.Contains(m.Key)).ToList();
        var inTitle = candidates.Where(m => m.FirstPosition < titleLength).ToList();
        return (inTitle.Count > 0 ? inTitle : candidates.Where(m => m.Count >= 2)).Select(m => m.Key).ToList();
    }

    /// <summary>The dateline's day ("Pyongyang, May 20 (KCNA) --") when the first paragraphs have one, else the publication's.</summary>
    internal static DateOnly Dated(IReadOnlyList<string> paragraphs, DateOnly published)
    {
        foreach (var p in paragraphs.Take(Lead))
        {
            var m = DatelinePatterns.Latin().Match(p.Trim());
            if (!m.Success) continue;
            if (!DateTime.TryParseExact(m.Groups["date"].Value.Trim().Replace(".", ""), ["MMMM d", "MMM d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return published;
            // The line names a day and month; the year is the publication's, or the one before for a late-December dateline published in January.
            var year = day.Month > published.Month ? published.Year - 1 : published.Year;
            return DateOnly.TryParse($"{year:D4}-{day.Month:D2}-{day.Day:D2}", CultureInfo.InvariantCulture, out var d) ? d : published;
        }
        return published;
    }
}
