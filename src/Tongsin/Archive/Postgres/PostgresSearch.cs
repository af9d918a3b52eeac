using Npgsql;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// Search over article_search with the GIN indexes of its tsvector columns. The matches and their
/// count are those of the SQLite archive for the same query (the translation follows it case by
/// case); the order among them is close but not the same. SQLite ranks by BM25 with the title
/// weighing ten times the body and the teaser three times; here ts_rank weighs the title (A) 1.0,
/// the teaser (B) 0.3 and the body (D) 0.1, divided by the log of the text's length, plus a tenth of
/// the Korean bigrams' rank and a fifth of the name keys'. ts_rank knows no document frequencies, so
/// a rare word and a common one count alike where BM25 prefers the rare one. As on SQLite, a stub
/// scores half. A query of filters alone lists what they select, newest first.
/// </summary>
internal sealed class PostgresSearch(Func<NpgsqlConnection> open)
{
    private readonly OutletCatalog _outlets = new();

    private static readonly string HeadlineOptions =
        $"StartSel={Snippets.MatchStart}, StopSel={Snippets.MatchEnd}, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \"";

    public SearchResults Run(SearchRequest request)
    {
        if (request.Limit is < 0 or > 1000) throw new QueryException("the limit must be between 0 and 1000");
        if (request.Offset < 0) throw new QueryException("the offset must not be negative");
        var parsed = QueryParser.Parse(request.Query);

        using var c = open();
        var filter = new PgFilter();
        var terms = new TsQueryBuilder(filter, request.FoldKorean);
        if (parsed.Text is { } text) filter.Add(terms.Condition(text));
        AddFilters(c, filter, request, parsed.Filters);

        var from = parsed.Text is null
            ? "FROM articles a JOIN sources s ON s.id = a.source_id"
            : "FROM article_search x JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = a.source_id";
        var facets = request.Facets ? Facets(c, filter, from) : null;
        long total;
        if (facets is not null) total = facets.Sources.Sum(f => f.Count);
        else
        {
            using var count = filter.Command(c, $"SELECT count(*) {from} {filter.Where}");
            total = Convert.ToInt64(count.ExecuteScalar());
        }
        if (total == 0 || request.Limit == 0) return new SearchResults(total, [], facets);

        var sort = parsed.Text is null && request.Sort == SearchSort.Relevance ? SearchSort.Newest : request.Sort;
        var order = sort switch
        {
            SearchSort.Newest => "a.published DESC, a.id DESC",
            SearchSort.Oldest => "a.published, a.id",
            _ => "score DESC, a.published DESC, a.id DESC",
        };
        var words = Any(terms.WordQueries);
        var score = parsed.Text is null ? "0.0" : Score(words, Any(terms.KoreanQueries), Any(terms.NameQueries));
        // The snippet is cut only for the page of hits, once they are chosen.
        const string shown = "CASE WHEN p.status = 'stub' THEN coalesce(p.teaser, '') ELSE coalesce(v.body, '') END";
        var snippet = parsed.Text is null ? "coalesce(p.teaser, '')"
            : words is null ? $"left({shown}, 160)"
            : $"ts_headline('{PostgresSearchRow.Config}', {shown}, {words}, @headline)";
        using var query = filter.Command(c, $"""
            SELECT p.id, p.title, p.label, p.slug, p.published, p.status, {snippet}, p.score
            FROM (SELECT a.id, a.title, s.label, s.slug, a.published, a.status, a.teaser, a.current_version, ({score})::float8 AS score
                  {from} {filter.Where}
                  ORDER BY {order} LIMIT @limit OFFSET @offset) p
            LEFT JOIN versions v ON v.article_id = p.id AND v.number = p.current_version
            ORDER BY {order.Replace("a.", "p.")}
            """);
        query.Parameters.AddWithValue("headline", HeadlineOptions);
        query.Parameters.AddWithValue("limit", request.Limit);
        query.Parameters.AddWithValue("offset", request.Offset);
        var hits = new List<SearchHit>();
        using (var r = query.ExecuteReader())
        {
            while (r.Read())
                hits.Add(new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.GetFieldValue<DateOnly>(4), r.GetString(5) == "stub",
                    r.IsDBNull(6) ? "" : r.GetString(6).Replace('\n', ' '), r.GetDouble(7)));
        }
        if (parsed.Text is { } korean && Hangul.Contains(request.Query)) hits = WithKoreanSnippets(c, hits, KoreanSnippet.WordsOf(korean), request.FoldKorean);
        return new SearchResults(total, hits, facets);
    }

    private static string? Any(List<string> queries) => queries.Count == 0 ? null : "(" + string.Join(" || ", queries) + ")";

    private static string Score(string? words, string? korean, string? names)
    {
        var parts = new List<string>();
        if (words is not null) parts.Add($"ts_rank('{{0.1, 0.2, 0.3, 1.0}}', x.words, {words}, 1)");
        if (korean is not null) parts.Add($"0.1 * ts_rank(x.ko, {korean}) + 0.1 * ts_rank(x.kof, {korean})");
        if (names is not null) parts.Add($"0.2 * ts_rank(x.names, {names})");
        if (parts.Count == 0) return "0.0";
        return $"({string.Join(" + ", parts)}) * (CASE WHEN a.status = 'stub' THEN 0.5 ELSE 1.0 END)";
    }

    private static List<SearchHit> WithKoreanSnippets(NpgsqlConnection c, List<SearchHit> hits, List<string> words, bool fold)
    {
        if (words.Count == 0) return hits;
        var result = new List<SearchHit>(hits.Count);
        foreach (var h in hits)
        {
            if (h.Snippet.Contains(Snippets.MatchStart)) { result.Add(h); continue; }
            using var cmd = new NpgsqlCommand("SELECT a.title || chr(10) || coalesce(v.body, a.teaser, '') FROM articles a LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version WHERE a.id = @id", c);
            cmd.Parameters.AddWithValue("id", h.Id);
            var text = cmd.ExecuteScalar() as string ?? "";
            // The title is shown above the snippet; the snippet is cut from the body where it can be.
            var body = text[(text.IndexOf('\n') + 1)..];
            var cut = KoreanSnippet.Cut(body, words, fold) ?? KoreanSnippet.Cut(text, words, fold);
            result.Add(cut is null ? h : h with { Snippet = cut });
        }
        return result;
    }

    // One pass over the matches, grouped by source and year; languages follow from the sources.
    private static SearchFacets Facets(NpgsqlConnection c, PgFilter filter, string from)
    {
        using var cmd = filter.Command(c, $"SELECT s.slug, s.label, s.language, to_char(a.published, 'YYYY'), count(*) {from} {filter.Where} GROUP BY s.id, s.slug, s.label, s.language, 4");
        using var r = cmd.ExecuteReader();
        var rows = new List<(string Slug, string Label, string Language, string Year, long Count)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        return new SearchFacets(
            rows.GroupBy(x => (x.Slug, x.Label)).Select(g => new Facet(g.Key.Slug, g.Key.Label, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Label).ToList(),
            rows.GroupBy(x => x.Language).Select(g => new Facet(g.Key, g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
            rows.GroupBy(x => x.Year).Select(g => new Facet(g.Key, g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Value).ToList());
    }

    // The request's own filters (from the command line or the search form) and the query's filters all apply.
    private void AddFilters(NpgsqlConnection c, PgFilter filter, SearchRequest request, QueryFilters q)
    {
        filter.Sources(request.SourceSlugs);
        if (request.Language is { } lang) filter.Add($"s.language = {filter.Parameter(lang)}");
        filter.Published(request.From, request.To);
        if (q.Languages.Count > 0) filter.In("s.language", q.Languages);
        filter.Published(q.From, q.To);
        if (q.Sources.Count + q.ExcludedSources.Count + q.Outlets.Count + q.ExcludedOutlets.Count == 0) return;

        var known = PostgresArchive.ReadSourceList(c);
        // Each source: filter narrows to its sources; several source: filters mean any of them.
        if (q.Sources.Count > 0) filter.In("s.slug", q.Sources.SelectMany(s => Sources(s, known)).Distinct().ToList());
        if (q.ExcludedSources.Count > 0) filter.NotIn("s.slug", q.ExcludedSources.SelectMany(s => Sources(s, known)).Distinct().ToList());
        if (q.Outlets.Count > 0) filter.In("s.slug", q.Outlets.SelectMany(o => OutletSources(o, known)).Distinct().ToList());
        if (q.ExcludedOutlets.Count > 0) filter.NotIn("s.slug", q.ExcludedOutlets.SelectMany(o => OutletSources(o, known)).Distinct().ToList());
    }

    private IReadOnlyList<string> Sources(string text, List<Source> known)
    {
        var slugs = SourceMatcher.Match(text, known, _outlets);
        return slugs.Count > 0 ? slugs : throw new QueryException($"unknown source '{text}'; the archive's sources are listed at /sources and by 'tongsin sources'");
    }

    private IReadOnlyList<string> OutletSources(string text, List<Source> known)
    {
        var slugs = SourceMatcher.MatchOutlet(text, known, _outlets);
        return slugs.Count > 0 ? slugs : throw new QueryException($"unknown outlet '{text}'");
    }
}
