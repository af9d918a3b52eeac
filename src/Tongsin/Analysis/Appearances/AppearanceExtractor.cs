using System.Text.RegularExpressions;
using Tongsin.Analysis.Entities;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// Reads the appearances of followed persons one article reports (docs/appearances.md). A pure
/// function of the article's text: the gazetteer says who is followed and how each is spelt, so the
/// leaders are data. English: the report's lead, the first sentence of its opening paragraphs that
/// has a followed person as its subject (after his titles) and an activity verb after him and his
/// appositive; further places of one trip come as a list after the verb and in its legs ("The next
/// leg of his guidance was ...", "He also inspected ..."); companions in "He was accompanied by ..."
/// and the like. Korean:
/// "김정은동지께서 ... 현지지도하시였다". An article whose verb is one of sending or being sent, that
/// recalls an old event, or whose subject is someone else reports none.
/// </summary>
public sealed partial class AppearanceExtractor
{
    private readonly Dictionary<string, List<Entity>> _bySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _spelling = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex _name;
    private readonly Regex _glued;
    private readonly Regex _verb;
    private readonly Regex _leg;

    // How far into a report its lead may be: the first paragraph and the first sentences of the next few.
    private const int LeadParagraphs = 6;
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
                _spelling.TryAdd(spelling, spelling);
            }
        var names = string.Join("|", latin.Distinct().OrderByDescending(s => s.Length).Select(Regex.Escape));
        // Any case: older pages misspell a leader's name in case ("Kim Jong il").
        _name = new Regex($@"(?<!\p{{L}})(?:{names})(?!\p{{L}})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);
        // kcna.kp glues a leader's name to its neighbours ("ComradeKim Jong Unwas"): a space goes back in.
        _glued = new Regex($@"(?<=\p{{L}})(?=(?:{names}))|(?<=(?:{names}))(?=\p{{Ll}})", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var activities = string.Join("|", AppearanceActivities.English.Select((a, i) => $"(?<a{i}>{a.Pattern})"));
        // Interpreted: compiled, this pattern of many named alternatives threw IndexOutOfRangeException inside the generated matcher.
        _verb = new Regex($@"\b(?:(?<no>{AppearanceActivities.EnglishNotAppearance})|(?<pass>{AppearanceActivities.EnglishPassing})|{activities})\b", RegexOptions.CultureInvariant);
        // A further place of one trip: "He also inspected ...", "The next leg of his guidance was ...", "His inspection went to ...", "Then he moved to ...".
        _leg = new Regex($@"^(?:(?:Then|Next|Later|After that|Afterwards|After (?:the|this|that) [\w ]{{1,30}}?),? )?(?:(?:The|His) (?:first|next|second|third|fourth|fifth|last|final|following) (?:leg|stop|place|destination|course|round) of (?:his|the) (?:[\w-]+ ){{0,3}}?(?:was|were) |(?:His|The) (?<verb>inspection|field guidance|on-the-spot guidance|guidance)(?: tour)? (?:then |next )?(?:went|continued|moved|took him) to |(?:[Hh]e|The (?:supreme )?leader|(?:[\w'’ ]{{0,40}}?)(?:{names})) (?:first |also |then |next |later |afterwards |again |once again )*(?<verb>inspected|visited|toured|went round|looked round|dropped in at|moved to|went to|called at|(?:gave|provided) (?:field|on-the-spot) guidance to)\s)",
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
        if (!paragraphs.Take(LeadParagraphs).Any(p => _name.IsMatch(p))) return [];
        var dated = article.Dateline?.Date;
        if (dated is null && EventDates.LooseDateline(paragraphs[0], article.Published) is { } loose)
        {
            dated = loose.Day;
            paragraphs[0] = loose.After;
        }

        // The lead: the first sentence that has a followed person doing something. Reports often
        // open on the event or its occasion ("The Unhasu concert was given ...", "There took place
        // sports matches ...") and come to him in a later paragraph, so every sentence of the first
        // paragraph is tried, then the first of each of the next few.
        var sentences = paragraphs.Select(p => ReportSentences.Split(p).ToList()).ToList();
        var leads = sentences[0].Concat(sentences.Skip(1).Take(LeadParagraphs - 1).Where(s => s.Count > 0).Select(s => s[0])).ToList();
        EnglishReading.Reading? main = null;
        var before = new List<string>();
        string? named = null;
        var lead = "";
        foreach (var sentence in leads)
        {
            var names = _name.Matches(sentence);
            // "... was conducted by a combat order of Marshal Kim Jong Un. He watched the drill": "He" is the one just named.
            var read = names.Count == 0 && named is not null && Pronoun().Match(sentence) is { Success: true } he ? named + sentence[(he.Length - 1)..] : sentence;
            var found = names.Count > 0 || !ReferenceEquals(read, sentence) ? EnglishReading.Read(read, _name, _verb) : null;
            named = names.Count > 0 && names.Select(n => n.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1
                && Directing().IsMatch(sentence[..names[0].Index]) ? names[0].Value : null;
            if (found is null) { before.Add(sentence); continue; }
            // Past the first sentence, the activity must be of someone the title has as its subject
            // ("Kim Jong Un Watches ..."): an article on something else ("Mosaics Depicting ... Kim Jong Il
            // Erected", "Anniversary ... Observed in Uzbekistan") may retell his activities further down.
            if (before.Count > 0 && !EnglishReading.Heads(title, _name, found.Spelling)) return [];
            if (found.Excluded) return [];
            main = found;
            lead = sentence;
            break;
        }
        if (main is null) return [];
        main = main with { Spelling = _spelling.GetValueOrDefault(main.Spelling, main.Spelling) };
        var person = Person(main.Spelling, article.Published.Year);
        if (person is null) return [];
        var date = EventDates.Of(main.Sentence, dated, article.Published);
        if (date.OtherYear || EnglishReading.Recalls(main.Sentence)) return [];
        // The day may be told before him: "The opening ceremony was held on Wednesday. ... Kim Jong Un appeared".
        if (date.Basis != DateBasis.Stated && date.Basis != DateBasis.Recently)
            foreach (var sentence in before)
                if (EventDates.Of(sentence, dated, article.Published) is { Basis: DateBasis.Stated, OtherYear: false } earlier) { date = earlier; break; }

        var places = EnglishReading.Places(main.Activity, main.Rest, main.Place).Select(p => (Activity: main.Activity, Place: p, Date: date, main.Sentence)).ToList();
        var all = sentences.SelectMany(s => s).ToList();
        foreach (var sentence in all.SkipWhile(s => !ReferenceEquals(s, lead)).Skip(1))
        {
            var leg = _leg.Match(sentence);
            if (!leg.Success) continue;
            var rest = sentence[(leg.Index + leg.Length)..];
            var activity = leg.Groups["verb"].Value switch
            {
                "" => main.Activity,
                "inspected" or "inspection" => AppearanceActivities.Inspected,
                "moved to" or "went to" => main.Activity,
                var v when v.Contains("guidance", StringComparison.Ordinal) => AppearanceActivities.FieldGuidance,
                _ => AppearanceActivities.Visited,
            };
            var own = EventDates.Of(sentence, dated, article.Published);
            if (own.OtherYear) continue;
            foreach (var place in EnglishReading.Places(activity, rest, EnglishReading.Object(rest)))
            {
                if (!EnglishReading.Named(place) || places.Any(p => PlaceKey.Alike(p.Place, place))) continue;
                places.Add((activity, place, own.Basis == date.Basis && own.Date == date.Date || own.Basis != DateBasis.Stated ? date : own, sentence));
            }
        }
        // A round of several places ("various units in Manpho City") is its places, when the report names them.
        if (places.Count > 1 && EnglishReading.Round(places[0].Place)) places.RemoveAt(0);

        var companions = new List<Companion>();
        foreach (var sentence in all)
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
            var all = paragraphs.SelectMany(ReportSentences.Split).ToList();
            var companions = new List<Companion>();
            foreach (var s in all)
                foreach (var c in _companions.ReadKorean(s, spelling, date.Date.Year))
                    if (!companions.Any(x => x.Name == c.Name)) companions.Add(c);
            var places = new List<(string Activity, string Place)> { (activity, place) };
            // The legs of a trip: "먼저 ...을 돌아보시였다", "이어 ...을 찾으시였다", each a place of its own.
            foreach (var s in all.SkipWhile(x => x != sentence).Skip(1))
            {
                var leg = _koreanVerb.Match(s);
                if (!leg.Success || leg.Groups["no"].Success) continue;
                var legActivity = AppearanceActivities.Korean[Enumerable.Range(0, AppearanceActivities.Korean.Count).First(i => leg.Groups[$"a{i}"].Success)].Activity;
                if (legActivity is not (AppearanceActivities.FieldGuidance or AppearanceActivities.Inspected or AppearanceActivities.Visited)) continue;
                var legPlace = KoreanReading.LegPlace(s[..leg.Index]);
                if (legPlace is null || places.Any(p => PlaceKey.Alike(p.Place, legPlace))) continue;
                places.Add((legActivity, legPlace));
            }
            if (places.Count > 1 && KoreanReading.Round(places[0].Place)) places.RemoveAt(0);
            return places.Select(p => new AppearanceReport(person.Slug, date.Date, date.Basis, p.Activity, KoreanReading.Kind(p.Activity, p.Place), p.Place, companions)).ToList();
        }
        return [];
    }

    [GeneratedRegex(@"^(?:And |Then )?[Hh]e ")]
    private static partial Regex Pronoun();

    // What an event was done by: "by a combat order of Marshal", "on orders of Supreme Commander", "under the guidance of".
    [GeneratedRegex(@"\b(?:order|orders|guidance|initiative|presence|supervision|direction) of (?:[\w'’.()-]+ ){0,14}?$")]
    private static partial Regex Directing();

    private string Unglue(string text) => _glued.Replace(text, " ");

    // The followed person a spelling names; of two sharing it (two officials named Kim Yong Il), the one holding a post that year.
    // No one appears after his last post ended (Kim Jong Il's in 2011): what is told of him later is recalled.
    private Entity? Person(string spelling, int year)
    {
        var person = Holder(spelling, year);
        return person is { Roles.Count: > 0 } && person.Roles.All(r => r.To is not null) && year > person.Roles.Max(r => r.To) ? null : person;
    }

    private Entity? Holder(string spelling, int year)
    {
        if (!_bySpelling.TryGetValue(spelling, out var people)) return null;
        if (people.Count == 1) return people[0].Roles.Count == 0 || people[0].RolesIn(year).Any() || !people[0].Ambiguous.Contains(spelling) ? people[0] : null;
        var holding = people.Where(p => p.RolesIn(year).Any()).ToList();
        return holding.Count == 1 ? holding[0] : null;
    }

    private static bool Hangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');
}
