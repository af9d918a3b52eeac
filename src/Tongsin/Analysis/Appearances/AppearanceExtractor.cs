using System.Text.RegularExpressions;
using Tongsin.Analysis.Entities;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// Reads the appearances of followed persons one article reports (docs/appearances.md). A pure
/// function of the article's text: the gazetteer says who is followed and how each is spelt, so the
/// leaders are data. English: the report's lead sentence has a followed person as its subject (after
/// his titles) and an activity verb after him and his appositive; further places of one trip come in
/// "He also inspected ..." sentences; companions in "He was accompanied by ..." and the like. Korean:
/// "김정은동지께서 ... 현지지도하시였다". An article whose verb is one of sending or being sent, that
/// recalls an old event, or whose subject is someone else reports none.
/// </summary>
public sealed class AppearanceExtractor
{
    private readonly Dictionary<string, List<Entity>> _bySpelling = new(StringComparer.Ordinal);
    private readonly Regex _name;
    private readonly Regex _glued;
    private readonly Regex _verb;
    private readonly Regex _then;
    private readonly Regex? _korean;
    private readonly Regex _koreanVerb;
    private readonly CompanionReader _companions;

    public AppearanceExtractor(Gazetteer gazetteer)
    {
        _companions = new CompanionReader(gazetteer);
        var followed = gazetteer.Entities.Where(e => e.Followed && e.Kind == EntityKind.Person).ToList();
        var latin = new List<string>();
        var korean = new List<string>();
        foreach (var person in followed)
            foreach (var spelling in person.Spellings.Append(person.Korean ?? "").Where(s => s.Length > 0).Distinct())
            {
                (Hangul(spelling) ? korean : latin).Add(spelling);
                var list = _bySpelling.TryGetValue(spelling, out var l) ? l : _bySpelling[spelling] = [];
                if (!list.Contains(person)) list.Add(person);
            }
        var names = string.Join("|", latin.Distinct().OrderByDescending(s => s.Length).Select(Regex.Escape));
        _name = new Regex($@"(?<!\p{{L}})(?:{names})(?!\p{{L}})", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // kcna.kp glues a leader's name to its neighbours ("ComradeKim Jong Unwas"): a space goes back in.
        _glued = new Regex($@"(?<=\p{{L}})(?=(?:{names}))|(?<=(?:{names}))(?=\p{{Ll}})", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var activities = string.Join("|", AppearanceActivities.English.Select((a, i) => $"(?<a{i}>{a.Pattern})"));
        // Interpreted: compiled, this pattern of many named alternatives threw IndexOutOfRangeException inside the generated matcher.
        _verb = new Regex($@"\b(?:(?<no>{AppearanceActivities.EnglishNotAppearance})|(?<pass>{AppearanceActivities.EnglishPassing})|{activities})\b", RegexOptions.CultureInvariant);
        _then = new Regex($@"^(?:(?:Then|Next|Later|After that|After (?:the|this) [\w ]{{1,30}}?),? )?(?:[Hh]e|The (?:supreme )?leader|(?:[\w'’ ]{{0,40}}?)(?:{names})) (?:also |then |next |later |afterwards |again )?(?<verb>inspected|visited|toured|(?:gave|provided) field guidance to)\b",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
        if (korean.Count > 0)
            _korean = new Regex($@"(?:{string.Join("|", korean.Distinct().Select(Regex.Escape))})\s*(?:동지|원수님|동지께서|장군님|위원장님|총비서님)?께서", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var koreanActivities = string.Join("|", AppearanceActivities.Korean.Select((a, i) => $"(?<a{i}>{a.Pattern})"));
        _koreanVerb = new Regex($@"(?<no>{AppearanceActivities.KoreanNotAppearance})|{koreanActivities}", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>The appearances the article reports; none for an article in a language not read (English and Korean are).</summary>
    public IReadOnlyList<AppearanceReport> Extract(ArticleText article) => article.Language switch
    {
        "en" => English(article),
        "ko" => Korean(article),
        _ => [],
    };

    private IReadOnlyList<AppearanceReport> English(ArticleText article)
    {
        var title = Unglue(ReportSentences.Clean(article.Title));
        var paragraphs = article.Paragraphs.Select(p => Unglue(ReportSentences.Clean(p))).Where(p => p.Length > 0).ToList();
        if (paragraphs.Count > 0 && string.Equals(paragraphs[0].TrimEnd('.'), title.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)) paragraphs.RemoveAt(0);
        if (paragraphs.Count == 0 || EnglishReading.Recollects(title)) return [];
        // Cheap refusal first: nearly every article names no followed person in its first paragraphs.
        var lead = paragraphs.Take(2).ToList();
        if (!lead.Any(p => _name.IsMatch(p))) return [];

        EnglishReading.Reading? main = null;
        // The lead: the first sentence; when it names no followed person (a report opening on the
        // event: "The Unhasu concert was given ..."), the next paragraph's first ("Kim Jong Un appeared in the auditorium").
        var first = ReportSentences.Split(lead[0]).First();
        var leads = _name.IsMatch(first) || lead.Count < 2 ? [first] : new[] { first, ReportSentences.Split(lead[1]).First() };
        foreach (var sentence in leads)
        {
            var found = EnglishReading.Read(sentence, _name, _verb);
            if (found is null) continue;
            if (found.Excluded) return [];
            main = found;
            break;
        }
        if (main is null) return [];
        var person = Person(main.Spelling, article.Published.Year);
        if (person is null) return [];
        var date = EventDates.Of(main.Sentence, article.Dateline?.Date, article.Published);
        if (date.OtherYear || EnglishReading.Recalls(main.Sentence)) return [];

        var places = EnglishReading.SplitPlaces(main.Activity, main.Place).Select(p => (Activity: main.Activity, Place: p, Date: date, main.Sentence)).ToList();
        var sentences = paragraphs.SelectMany(ReportSentences.Split).ToList();
        foreach (var sentence in sentences.Skip(1))
        {
            var then = _then.Match(sentence);
            if (!then.Success) continue;
            var place = EnglishReading.Object(sentence[(then.Index + then.Length)..]);
            if (!EnglishReading.Named(place) || places.Any(p => PlaceKey.Alike(p.Place, place))) continue;
            var activity = then.Groups["verb"].Value switch
            {
                "inspected" => AppearanceActivities.Inspected,
                "visited" or "toured" => AppearanceActivities.Visited,
                _ => AppearanceActivities.FieldGuidance,
            };
            var own = EventDates.Of(sentence, article.Dateline?.Date, article.Published);
            if (own.OtherYear) continue;
            places.Add((activity, place, own.Basis == date.Basis && own.Date == date.Date || own.Basis != DateBasis.Stated ? date : own, sentence));
        }

        var companions = new List<Companion>();
        foreach (var sentence in sentences)
            foreach (var companion in _companions.Read(sentence, main.Spelling, date.Date.Year))
                if (!companions.Any(c => c.Name == companion.Name)) companions.Add(companion);

        return places.Select(p => new AppearanceReport(person.Slug, p.Date.Date, p.Date.Basis, p.Activity,
            AppearanceKindRules.Of(p.Activity, p.Place, p.Sentence + " " + title), p.Place, companions)).ToList();
    }

    private IReadOnlyList<AppearanceReport> Korean(ArticleText article)
    {
        if (_korean is null) return [];
        var paragraphs = article.Paragraphs.Select(ReportSentences.Clean).Where(p => p.Length > 0).ToList();
        foreach (var sentence in paragraphs.Take(2).SelectMany(p => ReportSentences.Split(p).Take(2)))
        {
            var subject = _korean.Match(sentence);
            if (!subject.Success) continue;
            var rest = sentence[(subject.Index + subject.Length)..];
            var verb = _koreanVerb.Match(rest);
            if (!verb.Success) continue;
            if (verb.Groups["no"].Success) return [];
            var activity = AppearanceActivities.Korean[Enumerable.Range(0, AppearanceActivities.Korean.Count).First(i => verb.Groups[$"a{i}"].Success)].Activity;
            var spelling = _bySpelling.Keys.Where(k => subject.Value.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length)!;
            var person = Person(spelling, article.Published.Year);
            if (person is null) return [];
            var date = EventDates.OfKorean(sentence, article.Dateline?.Date, article.Published);
            var place = KoreanReading.Place(rest[..verb.Index]);
            var companions = new List<Companion>();
            foreach (var s in paragraphs.SelectMany(ReportSentences.Split))
                foreach (var c in _companions.ReadKorean(s, spelling, date.Date.Year))
                    if (!companions.Any(x => x.Name == c.Name)) companions.Add(c);
            return [new AppearanceReport(person.Slug, date.Date, date.Basis, activity, KoreanReading.Kind(activity, place), place, companions)];
        }
        return [];
    }

    private string Unglue(string text) => _glued.Replace(text, " ");

    // The followed person a spelling names; of two sharing it (two officials named Kim Yong Il), the one holding a post that year.
    private Entity? Person(string spelling, int year)
    {
        if (!_bySpelling.TryGetValue(spelling, out var people)) return null;
        if (people.Count == 1) return people[0].Roles.Count == 0 || people[0].RolesIn(year).Any() || !people[0].Ambiguous.Contains(spelling) ? people[0] : null;
        var holding = people.Where(p => p.RolesIn(year).Any()).ToList();
        return holding.Count == 1 ? holding[0] : null;
    }

    private static bool Hangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');
}
