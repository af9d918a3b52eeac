using System.Globalization;
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
///
/// As on SQLite, everything is answered from article_search without visiting the article rows of
/// the matches: every GIN index holds the meta tokens (source, year, month, day, and the stretch
/// of 4,096 arrivals the article's id falls in) beside its own column, so source and date filters
/// are keys of the same index scan. One pass over the matches counts them, per stretch, and per
/// source and year for the facets. Only the page of hits is read from the article rows, with its
/// snippets.
///
/// ts_rank must read every match it orders. So when a query matches more than twice
/// <see cref="RankWindow"/> articles, only about the newest <see cref="RankWindow"/> of them (by
/// when the archive received them, the article id) are ranked, and the results say how many
/// (<see cref="SearchResults.RankedAmong"/>): the fewest newest stretches that hold that many,
/// read through their tokens, so that the ranking's index scan skips the older matches. Counts
/// and facets are always exact. docs/postgres.md sets out the design and its costs.
/// </summary>
internal sealed class PostgresSearch(Func<NpgsqlConnection> open, int rankWindow = PostgresSearch.DefaultRankWindow)
{
    public const int DefaultRankWindow = RankingWindow.Default;

    // tongsin_search_meta writes the stretch of arrivals an article belongs to as b || (id >> 12),
    // and the runs of sixteen and 256 stretches as c || (id >> 16) and e || (id >> 20).
    private const int StretchShift = 12;

    private readonly OutletCatalog _outlets = new();

    public int RankWindow => rankWindow;

    /// <summary>Whether counts are kept for the next search of the same query (see <see cref="CountCache{T}"/>).</summary>
    public bool CacheCounts { get; set; } = true;

    private readonly CountCache<Counts> _counts = new();

    private static readonly string HeadlineOptions =
        $"StartSel={Snippets.MatchStart}, StopSel={Snippets.MatchEnd}, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \"";

    private static readonly SearchFacets NoFacets = new([], [], []);

    public SearchResults Run(SearchRequest request, CancellationToken cancel = default)
    {
        var parsed = request.Parse();
        using var budget = SearchBudget.Start(request.Limits, cancel);
        using var c = open();
        // Declared after the connection, so it is let go before the connection goes back to the pool.
        using var stop = Cancels(c, budget);
        return budget.Run(() => Run(c, request, parsed, budget), e => e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled });
    }

    /// <summary>
    /// Until disposed, the end of the budget cancels the statement running on the connection: the
    /// server is asked, from another connection, to stop that backend's statement.
    /// </summary>
    private CancellationTokenRegistration Cancels(NpgsqlConnection c, SearchBudget budget)
    {
        var backend = c.ProcessID;
        return budget.Token.Register(() =>
        {
            try
            {
                using var other = open();
                using var cmd = new NpgsqlCommand("SELECT pg_cancel_backend(@pid)", other);
                cmd.Parameters.AddWithValue("pid", backend);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { }
        });
    }

    private SearchResults Run(NpgsqlConnection c, SearchRequest request, ParsedQuery parsed, SearchBudget budget)
    {
        if (parsed.Text is not { } text) return Listing(c, request, parsed.Filters);
        if (Matching(c, request, parsed, text) is not var (filter, terms)) return new SearchResults(0, [], request.Facets ? NoFacets : null);

        var tally = Counted(c, filter, request.Facets);
        var total = tally.Stretches.Values.Sum();
        if (total == 0 || request.Limit == 0) return new SearchResults(total, [], tally.Facets);
        budget.Check();

        var need = request.Offset + request.Limit;
        long? rankedAmong = null;
        var words = Any(terms.WordQueries);
        var ranked = request.Sort == SearchSort.Relevance
            ? Ranked(c, filter, Score(words, Any(terms.KoreanQueries), Any(terms.NameQueries)), tally.Stretches, need, out rankedAmong)
            : ByDate(c, filter, total, need, request.Sort == SearchSort.Oldest).Select(id => (Id: id, Score: 0.0)).ToList();
        var page = ranked.Skip(request.Offset).Take(request.Limit).ToList();
        budget.Check();
        var hits = Hits(c, filter, page, words);
        if (Hangul.Contains(request.Query)) hits = KoreanSnippet.Recut(hits, text, request.FoldKorean, id => KoreanText(c, id));
        return new SearchResults(total, hits, tally.Facets, rankedAmong);
    }

    /// <summary>
    /// The condition on article_search (x) that the query's words and scope make, and the
    /// tsqueries of its words; null when no article can be in the scope.
    /// </summary>
    private (PgFilter Filter, TsQueryBuilder Terms)? Matching(NpgsqlConnection c, SearchRequest request, ParsedQuery parsed, QueryNode text)
    {
        Settle(c, request.Limits.Budget);
        var scope = SearchScope.Resolve(() => PostgresArchive.SourceRows(c).ConvertAll(r => (r.Id, r.Source)), request, parsed.Filters, _outlets);
        var within = scope.IsEmpty ? null : ScopeQuery(c, scope);
        if (within is null) return null;
        var filter = new PgFilter();
        var terms = new TsQueryBuilder(filter, request.FoldKorean);
        filter.Add(terms.Condition(text));
        if (within.Length > 0) filter.Add($"x.meta @@ {filter.Parameter(within)}::tsquery");
        return (filter, terms);
    }

    /// <summary>
    /// How many articles a query matches, per source and bucket of time, grouped in one pass over
    /// the matches (or, for filters alone or a blank query, over the articles they select).
    /// </summary>
    public IReadOnlyList<TallyCount> Tally(SearchRequest request, TallyInterval interval, CancellationToken cancel = default, TallyGroups? once = null)
    {
        var parsed = TallyBuckets.Parse(request);
        using var budget = SearchBudget.Start(request.Limits, cancel);
        using var c = open();
        using var stop = Cancels(c, budget);
        return budget.Run(() => Tally(c, request, parsed, interval, once), e => e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled });
    }

    private List<TallyCount> Tally(NpgsqlConnection c, SearchRequest request, ParsedQuery parsed, TallyInterval interval, TallyGroups? once)
    {
        var unit = interval.ToString().ToLowerInvariant();
        PgFilter filter;
        NpgsqlCommand cmd;
        // What the grouped articles among the matches are read from, by the same condition.
        string grouped;
        if (parsed.Text is not { } text)
        {
            filter = new PgFilter();
            AddFilters(c, filter, request, parsed.Filters);
            // Filters alone select by source and day: the archive's count per source and day answers them.
            cmd = filter.Command(c, $"SELECT s.slug, date_trunc('{unit}', a.published)::date, sum(a.articles)::bigint FROM article_days a JOIN sources s ON s.id = a.source_id {filter.Where} GROUP BY 1, 2");
            grouped = "SELECT a.id, s.slug, a.published FROM articles a JOIN sources s ON s.id = a.source_id {0} AND a.id = ANY({1})";
        }
        else
        {
            if (Matching(c, request, parsed, text) is not var (matching, _)) return [];
            filter = matching;
            cmd = Command(c, filter, $"SELECT s.slug, x.day, x.n FROM (SELECT x.source_id, date_trunc('{unit}', x.published)::date AS day, count(*) AS n FROM article_search x {filter.Where} GROUP BY 1, 2) x JOIN sources s ON s.id = x.source_id");
            grouped = "SELECT x.article_id, s.slug, x.published FROM article_search x JOIN sources s ON s.id = x.source_id {0} AND x.article_id = ANY({1})";
        }
        var counts = new List<TallyCount>();
        using (cmd)
        using (var r = cmd.ExecuteReader())
            while (r.Read()) counts.Add(new TallyCount(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2)));
        counts = counts.OrderBy(t => t.Bucket).ThenBy(t => t.Source, StringComparer.Ordinal).ToList();
        if (once is null || once.GroupOf.Count == 0) return counts;

        var ids = filter.Parameter(once.GroupOf.Keys.ToArray());
        var where = filter.Where.Length == 0 ? "WHERE true" : filter.Where;
        var matched = new List<(long, string, DateOnly)>();
        using (var read = filter.Command(c, string.Format(CultureInfo.InvariantCulture, grouped, where, ids)))
        using (var r = read.ExecuteReader())
            while (r.Read()) matched.Add((r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateOnly>(2)));
        return once.Fold(counts, matched, interval);
    }

    /// <summary>
    /// Settings for the statements of one search, undone when the connection goes back to the pool.
    /// Every statement is planned for its own words (a plan made for one word is wrong for another:
    /// a tsquery's selectivity is known only from its value). The planner does not know that
    /// testing a row against a tsquery means reading its whole text: for a word in most articles
    /// it would read every row's text rather than the index, several times slower. A search is a
    /// few short statements, which neither parallel workers nor JIT compilation make faster.
    /// </summary>
    private static void Settle(NpgsqlConnection c, TimeSpan budget)
    {
        // No one statement outlasts the search's budget, even where the cancel request is lost.
        var timeout = budget == Timeout.InfiniteTimeSpan ? 0 : (long)Math.Ceiling(budget.TotalMilliseconds);
        using var cmd = new NpgsqlCommand($"SET plan_cache_mode = force_custom_plan; SET enable_seqscan = off; SET max_parallel_workers_per_gather = 0; SET jit = off; SET statement_timeout = {timeout}", c);
        cmd.ExecuteNonQuery();
    }

    private static string? Any(List<string> queries) => queries.Count == 0 ? null : "(" + string.Join(" || ", queries) + ")";

    private static string Score(string? words, string? korean, string? names)
    {
        var parts = new List<string>();
        if (words is not null) parts.Add($"ts_rank('{{0.1, 0.2, 0.3, 1.0}}', x.words, {words}, 1)");
        if (korean is not null) parts.Add($"0.1 * ts_rank(x.ko, {korean}) + 0.1 * ts_rank(x.kof, {korean})");
        if (names is not null) parts.Add($"0.2 * ts_rank(x.names, {names})");
        if (parts.Count == 0) return "0.0::float8";
        return $"(({string.Join(" + ", parts)}) * (CASE WHEN x.stub THEN 0.5 ELSE 1.0 END))::float8";
    }

    /// <summary>What one pass over the matches finds: how many there are in each stretch of arrivals, and the facets when asked.</summary>
    private sealed record Counts(SortedDictionary<long, long> Stretches, SearchFacets? Facets);

    /// <summary>
    /// The tally of the matches: kept from an earlier search while nothing was written to the
    /// database since (its write-ahead log has not moved: any write moves it, so this errs only
    /// by counting again), else counted.
    /// </summary>
    /// <summary>
    /// What moves with every write to the database: the write-ahead log's position. A standby has
    /// no position of its own to read: null, and what would be kept is counted every time.
    /// </summary>
    internal static string? Generation(NpgsqlConnection c)
    {
        using var lsn = new NpgsqlCommand("SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_insert_lsn()::text END", c);
        return lsn.ExecuteScalar() as string;
    }

    private Counts Counted(NpgsqlConnection c, PgFilter filter, bool facets)
    {
        if (!CacheCounts) return Tally(c, filter, facets);
        if (Generation(c) is not { } generation) return Tally(c, filter, facets);
        var key = filter.Key;
        if (_counts.TryGet(key, generation, out var known) && (!facets || known.Facets is not null))
            return facets ? known : known with { Facets = null };
        var counted = Tally(c, filter, facets);
        _counts.Put(key, generation, counted);
        return counted;
    }

    /// <summary>
    /// The exact count, in one pass over the matches: an index scan and a visit to each match's row
    /// in article_search (PostgreSQL counts no other way), grouped by the stretch of arrivals the
    /// row's id falls in, for the ranking window, and by its source and year when facets are asked.
    /// </summary>
    private static Counts Tally(NpgsqlConnection c, PgFilter filter, bool facets)
    {
        var stretches = new SortedDictionary<long, long>();
        var rows = new List<(long Source, int Year, long Count)>();
        var by = facets ? ", x.source_id, date_part('year', x.published)::int" : "";
        using (var cmd = Command(c, filter, $"SELECT x.article_id >> {StretchShift}{by}, count(*) FROM article_search x {filter.Where} GROUP BY 1{(facets ? ", 2, 3" : "")}"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var n = r.GetInt64(facets ? 3 : 1);
                stretches[r.GetInt64(0)] = stretches.GetValueOrDefault(r.GetInt64(0)) + n;
                if (facets) rows.Add((r.GetInt64(1), r.GetInt32(2), n));
            }
        }
        if (!facets) return new Counts(stretches, null);
        var sources = PostgresArchive.SourceRows(c).ToDictionary(s => s.Id);
        return new Counts(stretches, FacetCounts.Of(rows.GroupBy(x => (x.Source, x.Year)).Select(g =>
        {
            var s = sources[g.Key.Source];
            return (s.Source.Slug, s.Label, s.Source.Language, g.Key.Year.ToString("D4", CultureInfo.InvariantCulture), g.Sum(x => x.Count));
        }).ToList()));
    }

    /// <summary>
    /// The best <paramref name="need"/> matches by ts_rank, a stub's score halved, ties broken by
    /// the newer publication. Over more than twice the window's matches, only about the newest
    /// window's are scored: the fewest newest stretches of arrivals that hold the window's worth,
    /// read through their tokens, so the scan skips the older matches (see the class).
    /// </summary>
    private List<(long Id, double Score)> Ranked(NpgsqlConnection c, PgFilter filter, string score, SortedDictionary<long, long> stretches, int need, out long? rankedAmong)
    {
        rankedAmong = null;
        var size = RankingWindow.Size(rankWindow, need);
        var window = "";
        var values = new List<(string, object)>();
        if (RankingWindow.RanksNewestOnly(stretches.Values.Sum(), size))
        {
            // From the newest stretch with matches down to the one that completes the window.
            long matches = 0, oldest = 0, inOldest = 0;
            foreach (var (stretch, n) in stretches.Reverse())
            {
                matches += n;
                (oldest, inOldest) = (stretch, n);
                if (matches >= size) break;
            }
            window = " AND x.meta @@ @window::tsquery";
            values.Add(("window", StretchQuery(oldest, stretches.Keys.Max())));
            rankedAmong = matches;
            if (matches > 2L * size)
            {
                // The window is a small part of its oldest stretch: its exact lower bound, read off that stretch alone.
                using var bound = Command(c, filter, $"""
                    SELECT x.article_id FROM article_search x {filter.Where} AND x.meta @@ @stretch::tsquery
                    ORDER BY x.article_id + 0 DESC OFFSET @skip LIMIT 1
                    """, ("stretch", StretchQuery(oldest, oldest)), ("skip", size - (matches - inOldest) - 1));
                // "+ 0" keeps the planner from walking the primary key: the stretches' tokens narrow the match far more.
                window += " AND x.article_id + 0 >= @floor";
                values.Add(("floor", Convert.ToInt64(bound.ExecuteScalar(), CultureInfo.InvariantCulture)));
                rankedAmong = size;
            }
        }
        using var cmd = Command(c, filter, $"""
            SELECT x.article_id, {score} AS score FROM article_search x {filter.Where}{window}
            ORDER BY score DESC, x.published DESC, x.article_id DESC LIMIT @need
            """, [.. values, ("need", need)]);
        using var r = cmd.ExecuteReader();
        var ranked = new List<(long, double)>(need);
        while (r.Read()) ranked.Add((r.GetInt64(0), r.GetDouble(1)));
        return ranked;
    }

    /// <summary>
    /// Stretches <paramref name="from"/> to <paramref name="to"/> as a tsquery: whole runs of sixteen
    /// as one c token, of 256 as one e token, the rest as b tokens.
    /// </summary>
    private static string StretchQuery(long from, long to)
    {
        var tokens = new List<string>();
        for (var b = from; b <= to;)
        {
            if (b % 256 == 0 && b + 255 <= to) { tokens.Add($"'e{(b >> 8).ToString(CultureInfo.InvariantCulture)}'"); b += 256; }
            else if (b % 16 == 0 && b + 15 <= to) { tokens.Add($"'c{(b >> 4).ToString(CultureInfo.InvariantCulture)}'"); b += 16; }
            else { tokens.Add($"'b{b.ToString(CultureInfo.InvariantCulture)}'"); b++; }
        }
        return string.Join(" | ", tokens);
    }

    /// <summary>
    /// The first <paramref name="need"/> matches by publication date. Many matches are taken a year
    /// at a time through the meta column's year tokens, newest (or oldest) year first, so only the
    /// years the page reaches are sorted.
    /// </summary>
    private List<long> ByDate(NpgsqlConnection c, PgFilter filter, long total, int need, bool oldest)
    {
        var order = oldest ? "x.published, x.article_id" : "x.published DESC, x.article_id DESC";
        List<long> Read(string? year, int n)
        {
            var and = year is null ? "" : " AND x.meta @@ @year::tsquery";
            using var cmd = Command(c, filter, $"SELECT x.article_id FROM article_search x {filter.Where}{and} ORDER BY {order} LIMIT @n",
                year is null ? [("n", n)] : [("year", $"'y{year}'"), ("n", n)]);
            using var r = cmd.ExecuteReader();
            var list = new List<long>();
            while (r.Read()) list.Add(r.GetInt64(0));
            return list;
        }
        if (RankingWindow.SortsAllByDate(total, rankWindow)) return Read(null, need);

        if (PublishedSpan(c) is not (DateOnly firstDay, DateOnly lastDay)) return [];
        var (first, last) = (firstDay.Year, lastDay.Year);
        var ids = new List<long>();
        for (var i = 0; i <= last - first && ids.Count < need; i++)
        {
            var year = oldest ? first + i : last - i;
            ids.AddRange(Read(year.ToString("D4", CultureInfo.InvariantCulture), need - ids.Count));
        }
        return ids;
    }

    /// <summary>The page's hits in the given order, each with a snippet cut where the words match.</summary>
    private static List<SearchHit> Hits(NpgsqlConnection c, PgFilter filter, List<(long Id, double Score)> page, string? words)
    {
        if (page.Count == 0) return [];
        // Cut from the first Snippets.Window characters, whatever the article's size.
        var shown = $"left(CASE WHEN a.status = 'stub' THEN coalesce(a.teaser, '') ELSE coalesce(v.body, '') END, {Snippets.Window})";
        var snippet = words is null ? $"left({shown}, 160)" : $"ts_headline('{PostgresSearchRow.Config}', {shown}, {words}, @headline)";
        using var cmd = Command(c, filter, $"""
            SELECT a.id, a.title, s.label, s.slug, a.published, a.status, {snippet}
            FROM articles a JOIN sources s ON s.id = a.source_id
            LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version
            WHERE a.id = ANY(@ids)
            """, ("ids", page.Select(p => p.Id).ToArray()), ("headline", HeadlineOptions));
        var hits = new Dictionary<long, SearchHit>(page.Count);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                hits[r.GetInt64(0)] = new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.GetFieldValue<DateOnly>(4), r.GetString(5) == "stub", r.IsDBNull(6) ? "" : r.GetString(6).Replace('\n', ' '), 0);
        }
        return page.Where(p => hits.ContainsKey(p.Id)).Select(p => hits[p.Id] with { Score = p.Score }).ToList();
    }

    // A hit's title and the start of its body (a stub's teaser), for the Korean snippet cutter.
    private static (string Title, string Body) KoreanText(NpgsqlConnection c, long id)
    {
        using var cmd = new NpgsqlCommand("SELECT a.title, left(coalesce(v.body, a.teaser, ''), @w) FROM articles a LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version WHERE a.id = @id", c);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("w", Snippets.Window);
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetString(0), r.GetString(1)) : ("", "");
    }

    /// <summary>
    /// The scope as a tsquery over the meta column, to AND with the words; empty when the scope takes
    /// in the whole archive, null when no article can be in it (dates outside the archive's). Dates
    /// are first cut to the days the archive covers. The tokens are those of the SQLite index.
    /// </summary>
    private static string? ScopeQuery(NpgsqlConnection c, SearchScope scope)
    {
        static string AnyOf(IEnumerable<string> tokens) => "(" + string.Join(" | ", tokens.Select(t => $"'{t}'")) + ")";
        var parts = new List<string>();
        if (scope.SourceIds is { } ids) parts.Add(AnyOf(ids.Order().Select(id => "s" + id.ToString(CultureInfo.InvariantCulture))));
        if ((scope.From is not null || scope.To is not null) && PublishedSpan(c) is (DateOnly first, DateOnly last))
        {
            var from = scope.From is { } f && f > first ? f : first;
            var to = scope.To is { } t && t < last ? t : last;
            if (from > to) return null;
            if (from > first || to < last)
            {
                var (any, not) = MetaTokens.Dates(from, to);
                parts.Add(not.Count == 0 ? AnyOf(any) : $"({AnyOf(any)} & !{AnyOf(not)})");
            }
        }
        return string.Join(" & ", parts);
    }

    /// <summary>The first and last publication days in the archive, each read off the date index; null when it is empty.</summary>
    private static (DateOnly First, DateOnly Last)? PublishedSpan(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand("SELECT min(published), max(published) FROM articles", c);
        using var r = cmd.ExecuteReader();
        if (!r.Read() || r.IsDBNull(0)) return null;
        return (r.GetFieldValue<DateOnly>(0), r.GetFieldValue<DateOnly>(1));
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, PgFilter filter, string sql, params (string Name, object Value)[] values)
    {
        var cmd = filter.Command(c, sql);
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    // ---- filters alone: what they select, newest first (or oldest), read from the article rows ----

    private SearchResults Listing(NpgsqlConnection c, SearchRequest request, QueryFilters filters)
    {
        var filter = new PgFilter();
        AddFilters(c, filter, request, filters);
        const string from = "FROM articles a JOIN sources s ON s.id = a.source_id";
        var facets = request.Facets ? ListingFacets(c, filter, from) : null;
        long total;
        if (facets is not null) total = facets.Sources.Sum(f => f.Count);
        else
        {
            using var count = filter.Command(c, $"SELECT count(*) {from} {filter.Where}");
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        if (total == 0 || request.Limit == 0) return new SearchResults(total, [], facets);
        var order = request.Sort == SearchSort.Oldest ? "a.published, a.id" : "a.published DESC, a.id DESC";
        using var query = filter.Command(c, $"""
            SELECT a.id, a.title, s.label, s.slug, a.published, a.status, coalesce(a.teaser, '')
            {from} {filter.Where} ORDER BY {order} LIMIT @limit OFFSET @offset
            """);
        query.Parameters.AddWithValue("limit", request.Limit);
        query.Parameters.AddWithValue("offset", request.Offset);
        var hits = new List<SearchHit>();
        using (var r = query.ExecuteReader())
        {
            while (r.Read())
                hits.Add(new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.GetFieldValue<DateOnly>(4), r.GetString(5) == "stub", r.GetString(6).Replace('\n', ' '), 0));
        }
        return new SearchResults(total, hits, facets);
    }

    // One pass over the articles the filters select, grouped by source and year.
    private static SearchFacets ListingFacets(NpgsqlConnection c, PgFilter filter, string from)
    {
        using var cmd = filter.Command(c, $"SELECT s.slug, s.label, s.language, to_char(a.published, 'YYYY'), count(*) {from} {filter.Where} GROUP BY s.id, s.slug, s.label, s.language, 4");
        using var r = cmd.ExecuteReader();
        var rows = new List<(string Slug, string Label, string Language, string Year, long Count)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        return FacetCounts.Of(rows);
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
