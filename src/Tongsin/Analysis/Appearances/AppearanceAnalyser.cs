using System.Globalization;
using Tongsin.Analysis.Entities;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// The `appearances` analyser: for each article, the appearances of followed persons it reports
/// (<see cref="AppearanceExtractor"/>), one row each in appearance_reports, and their companions in
/// order in appearance_report_companions. <see cref="AppearanceGrouping"/> then makes one
/// appearance of the reports of one activity.
/// </summary>
public sealed class AppearanceAnalyser : IAnalyser
{
    private readonly Lazy<AppearanceExtractor> _extractor;

    public AppearanceAnalyser(Gazetteer gazetteer) => _extractor = new(() => new AppearanceExtractor(gazetteer));

    /// <summary>With the gazetteer read only when an article is first analysed: a command that only names the analysers reads none.</summary>
    public AppearanceAnalyser(Func<Gazetteer> gazetteer) => _extractor = new(() => new AppearanceExtractor(gazetteer()));

    public const string AnalyserName = "appearances";

    public static readonly DerivedTable ReportTable = new("appearance_reports",
        [("report", "integer"), ("person", "text"), ("event_date", "text"), ("date_basis", "text"), ("activity", "text"), ("kind", "text"), ("place", "text"), ("companions", "text")]);

    public static readonly DerivedTable CompanionTable = new("appearance_report_companions",
        [("report", "integer"), ("position", "integer"), ("name", "text"), ("entity", "text")]);

    public string Name => AnalyserName;

    public int Revision => 2;

    public IReadOnlyList<DerivedTable> Tables => [ReportTable, CompanionTable];

    public IEnumerable<DerivedRow> Analyse(ArticleText article)
    {
        var reports = _extractor.Value.Extract(article);
        for (var report = 0; report < reports.Count; report++)
        {
            var r = reports[report];
            yield return new DerivedRow(ReportTable, new
            {
                report,
                person = r.Person,
                event_date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                date_basis = r.DateBasis,
                activity = r.Activity,
                kind = r.Kind,
                place = r.Place,
                companions = string.Join("; ", r.Companions.Select(c => c.Name)),
            });
            for (var position = 0; position < r.Companions.Count; position++)
                yield return new DerivedRow(CompanionTable, new { report, position, name = r.Companions[position].Name, entity = r.Companions[position].Entity });
        }
    }
}
