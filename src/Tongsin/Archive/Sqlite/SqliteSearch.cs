using System.Globalization;
using Microsoft.Data.Sqlite;
using Tongsin.Model;
using Tongsin.Search;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// Search over the FTS5 index. Titles weigh ten times the body in BM25, teasers three times; a stub
/// scores half, because BM25 favours short texts and a reader wants the full article first.
/// A query of filters alone lists what they select, newest first.
/// </summary>
internal sealed class SqliteSearch(Func<SqliteConnection> open)
{
    private readonly OutletCatalog _outlets = new();

    public SearchResults Run(SearchRequest request)
    {
        if (request.Limit is < 0 or > 1000) throw new QueryException("the limit must be between 0 and 1000");
        if (request.Offset < 0) throw new QueryException("the offset must not be negative");
        var parsed = QueryParser.Parse(request.Query);

        using var c = open();
        var filter = new SqlFilter();
        if (parsed.Text is { } text) filter.Add("article_fts MATCH $match", ("$match", Fts5Query.From(text, request.FoldKorean)));
        AddFilters(c, filter, request, parsed.Filters);

        var from = parsed.Text is null
            ? "FROM articles a JOIN sources s ON s.id = a.source_id"
            : "FROM article_fts JOIN articles a ON a.id = article_fts.rowid JOIN sources s ON s.id = a.source_id";
        var facets = request.Facets ? Facets(c, filter, from) : null;
        var total = facets?.Sources.Sum(f => f.Count)
            ?? Convert.ToInt64(filter.Command(c, $"SELECT count(*) {from} {filter.Where}").ExecuteScalar(), CultureInfo.InvariantCulture);
        if (total == 0 || request.Limit == 0) return new SearchResults(total, [], facets);

        var sort = parsed.Text is null && request.Sort == SearchSort.Relevance ? SearchSort.Newest : request.Sort;
        var order = sort switch
        {
            SearchSort.Newest => "a.published DESC, a.id DESC",
            SearchSort.Oldest => "a.published, a.id",
            _ => "score, a.published DESC",
        };
        var columns = parsed.Text is null
            ? "a.id, a.title, s.label, s.slug, a.published, a.status, coalesce(a.teaser, ''), 0.0 AS score"
            : """
              a.id, a.title, s.label, s.slug, a.published, a.status,
              snippet(article_fts, CASE WHEN a.status = 'stub' THEN 1 ELSE 2 END, $hs, $he, '…', 24),
              bm25(article_fts, 10.0, 3.0, 1.0, 1.0, 1.0, 2.0) * (CASE WHEN a.status = 'stub' THEN 0.5 ELSE 1.0 END) AS score
              """;
        using var query = filter.Command(c, $"SELECT {columns} {from} {filter.Where} ORDER BY {order} LIMIT $limit OFFSET $offset");
        query.Parameters.AddWithValue("$hs", Snippets.MatchStart.ToString());
        query.Parameters.AddWithValue("$he", Snippets.MatchEnd.ToString());
        query.Parameters.AddWithValue("$limit", request.Limit);
        query.Parameters.AddWithValue("$offset", request.Offset);
        var hits = new List<SearchHit>();
        using (var r = query.ExecuteReader())
        {
            while (r.Read())
                hits.Add(new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(5) == "stub",
                    r.IsDBNull(6) ? "" : r.GetString(6).Replace('\n', ' '), -r.GetDouble(7)));
        }
        if (parsed.Text is { } korean && Hangul.Contains(request.Query)) hits = WithKoreanSnippets(c, hits, KoreanWords(korean), request.FoldKorean);
        return new SearchResults(total, hits, facets);
    }

    private static List<string> KoreanWords(QueryNode node) => node switch
    {
        WordNode w when Hangul.Contains(w.Text) => [w.Text],
        PhraseNode p when Hangul.Contains(p.Text) => [.. p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        AndNode a => a.Parts.Where(p => p is not NotNode).SelectMany(KoreanWords).ToList(),
        OrNode o => o.Parts.SelectMany(KoreanWords).ToList(),
        _ => [],
    };

    private static List<SearchHit> WithKoreanSnippets(SqliteConnection c, List<SearchHit> hits, List<string> words, bool fold)
    {
        if (words.Count == 0) return hits;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT a.title || char(10) || coalesce(v.body, a.teaser, '') FROM articles a LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version WHERE a.id = $id";
        var id = cmd.Parameters.Add("$id", SqliteType.Integer);
        return hits.Select(h =>
        {
            if (h.Snippet.Contains(Snippets.MatchStart)) return h;
            id.Value = h.Id;
            var text = cmd.ExecuteScalar() as string ?? "";
            // The title is shown above the snippet; the snippet is cut from the body where it can be.
            var body = text[(text.IndexOf('\n') + 1)..];
            var cut = KoreanSnippet.Cut(body, words, fold) ?? KoreanSnippet.Cut(text, words, fold);
            return cut is null ? h : h with { Snippet = cut };
        }).ToList();
    }

    // One pass over the matches, grouped by source and year; languages follow from the sources.
    private static SearchFacets Facets(SqliteConnection c, SqlFilter filter, string from)
    {
        using var cmd = filter.Command(c, $"SELECT s.slug, s.label, s.language, substr(a.published, 1, 4), count(*) {from} {filter.Where} GROUP BY s.id, 4");
        using var r = cmd.ExecuteReader();
        var rows = new List<(string Slug, string Label, string Language, string Year, long Count)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        return new SearchFacets(
            rows.GroupBy(x => (x.Slug, x.Label)).Select(g => new Facet(g.Key.Slug, g.Key.Label, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Label).ToList(),
            rows.GroupBy(x => x.Language).Select(g => new Facet(g.Key, g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value).ToList(),
            rows.GroupBy(x => x.Year).Select(g => new Facet(g.Key, g.Key, g.Sum(x => x.Count))).OrderByDescending(f => f.Value).ToList());
    }

    // The request's own filters (from the command line or the search form) and the query's filters all apply.
    private void AddFilters(SqliteConnection c, SqlFilter filter, SearchRequest request, QueryFilters q)
    {
        filter.Sources(request.SourceSlugs);
        if (request.Language is { } lang) filter.Add("s.language = $lang", ("$lang", lang));
        filter.Published(request.From, request.To);
        if (q.Languages.Count > 0) filter.In("s.language", q.Languages);
        filter.Published(q.From, q.To);
        if (q.Sources.Count + q.ExcludedSources.Count + q.Outlets.Count + q.ExcludedOutlets.Count == 0) return;

        var known = SqliteArchive.ReadSourceList(c);
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
