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
///
/// Everything a query asks is answered inside the index, without visiting the article row of
/// each match: source and date filters are tokens of the index's meta column, ANDed with the
/// words; the count is FTS5's own; facets count the matches per source and year token. Only the
/// page of hits is read from the article rows, with its snippets.
///
/// Ranking is FTS5's BM25 through <see cref="Fts5Bm25"/>, which takes each phrase's document
/// frequency from a cache and each row's length from memory instead of reading both from disk.
/// It must still score every match it ranks, and on a large archive a common word matches
/// hundreds of thousands of articles. So when a query matches more than twice
/// <see cref="RankWindow"/> articles, only about the newest <see cref="RankWindow"/> of them (by
/// when the archive received them) are ranked, and the results say how many
/// (<see cref="SearchResults.RankedAmong"/>); narrowing the query, by a date range for instance,
/// brings it under the window and ranks every match again. Counts and facets are always exact.
/// docs/search.md sets out the trade-off.
/// </summary>
internal sealed class SqliteSearch(Func<SqliteConnection> open, int rankWindow = SqliteSearch.DefaultRankWindow)
{
    public const int DefaultRankWindow = RankingWindow.Default;

    private readonly OutletCatalog _outlets = new();
    private readonly DocumentFrequencies _frequencies = new();
    private readonly DocumentLengths _lengths = new();
    private readonly RowFacets _rowFacets = new();
    private readonly CountCache<Counts> _counts = new();

    public int RankWindow => rankWindow;

    /// <summary>Whether counts are kept for the next search of the same query (see <see cref="CountCache{T}"/>).</summary>
    public bool CacheCounts { get; set; } = true;

    public SearchResults Run(SearchRequest request, CancellationToken cancel = default)
    {
        var parsed = request.Parse();
        using var budget = SearchBudget.Start(request.Limits, cancel);
        using var c = open();
        // Declared after the connection, so it is let go before the connection goes back to the pool.
        using var interrupt = Interrupts(c, budget);
        return budget.Run(() => Run(c, request, parsed, budget), e => e is SqliteException { SqliteErrorCode: SqliteInterrupted });
    }

    // SQLITE_INTERRUPT: a statement stopped by sqlite3_interrupt.
    private const int SqliteInterrupted = 9;

    /// <summary>Until disposed, the end of the budget stops the statement running on the connection.</summary>
    private static CancellationTokenRegistration Interrupts(SqliteConnection c, SearchBudget budget)
    {
        var handle = c.Handle!;
        return budget.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle));
    }

    private SearchResults Run(SqliteConnection c, SearchRequest request, ParsedQuery parsed, SearchBudget budget)
    {
        PrefixBound.Check(parsed.Text, request.Limits.PrefixTerms, (prefix, most) => WordsBeginning(c, prefix, most));
        budget.Check();
        Fts5Bm25.Register(c);
        var scope = SqliteScope.Resolve(c, request, parsed.Filters, _outlets);
        var within = scope.IsEmpty ? null : scope.Match(c);
        if (within is null) return new SearchResults(0, [], request.Facets ? NoFacets : null);
        if (parsed.Text is null) return Listing(c, request, scope, budget);

        var text = Fts5Query.From(parsed.Text, request.FoldKorean);
        var match = within.Length == 0 ? text.Expression : $"({text.Expression}) AND {within}";
        var counting = Counted(c, match, request.Facets, budget);
        var facets = counting.Facets;
        var need = request.Offset + request.Limit;
        long? rankedAmong = null;
        List<(long Id, double Score)>? ranked = null;
        // When the newer half of the archive alone holds more than twice the window, the window is
        // in it: the matches are ranked while the older half is still being counted.
        if (request.Limit > 0 && request.Sort == SearchSort.Relevance && counting.Newest is { } newest && RankingWindow.RanksNewestOnly(newest.Matches, RankingWindow.Size(rankWindow, need)))
            ranked = Ranked(c, match, Frequencies(c, text, within, 2 * newest.Matches), need, out rankedAmong, newest);
        var total = counting.Total();
        if (total == 0 || request.Limit == 0) return new SearchResults(total, [], facets);
        budget.Check();

        if (ranked is null && request.Sort == SearchSort.Relevance) ranked = Ranked(c, match, Frequencies(c, text, within, total), need, out rankedAmong);
        ranked ??= ByDate(c, match, total, need, request.Sort == SearchSort.Oldest).Select(id => (Id: id, Score: 0.0)).ToList();
        var page = ranked.Skip(request.Offset).Take(request.Limit).ToList();
        budget.Check();
        // FTS5 cannot point Korean bigrams back into the text: a Korean query's snippets are cut apart.
        var korean = Hangul.Contains(request.Query);
        var hits = Hits(c, page.Select(p => p.Id).ToList(), korean && KoreanOnly(parsed.Text) ? null : text.Expression, budget);
        var scores = page.ToDictionary(p => p.Id, p => p.Score);
        hits = hits.Select(h => h with { Score = scores[h.Id] }).ToList();
        if (korean) hits = KoreanSnippet.Recut(hits, parsed.Text, request.FoldKorean, id => KoreanText(c, id));
        return new SearchResults(total, hits, facets, rankedAmong);
    }

    private static readonly SearchFacets NoFacets = new([], [], []);

    private sealed record Counts(long Total, SearchFacets? Facets);

    /// <summary>
    /// A count under way: known, or known for the newer part of the archive (its first row id and
    /// its matches) while the older part is counted on another connection.
    /// </summary>
    private sealed class Counting(long? total, SearchFacets? facets, (long From, long Matches)? newest = null, Task<long>? older = null, Action<long>? done = null)
    {
        public SearchFacets? Facets => facets;

        /// <summary>The newer part's first row id and matches, while the older part is still being counted.</summary>
        public (long From, long Matches)? Newest => total is null ? newest : null;

        /// <summary>The exact count, waiting for the older part's when it is under way.</summary>
        public long Total()
        {
            if (total is null)
            {
                total = newest!.Value.Matches + older!.GetAwaiter().GetResult();
                done?.Invoke(total.Value);
            }
            return total.Value;
        }
    }

    /// <summary>
    /// The match's exact count, and its facets when asked: kept from an earlier search while the
    /// index is as it was then (FTS5 rewrites its structure record on every change), else counted.
    /// </summary>
    private Counting Counted(SqliteConnection c, string match, bool facets, SearchBudget budget)
    {
        var generation = CacheCounts ? Convert.ToBase64String(DocumentLengths.Structure(c)) : "";
        if (CacheCounts && _counts.TryGet(match, generation, out var known) && (!facets || known.Facets is not null))
            return new Counting(known.Total, facets ? known.Facets : null);
        void Keep(long total, SearchFacets? counted)
        {
            if (CacheCounts) _counts.Put(match, generation, new Counts(total, counted));
        }
        if (facets)
        {
            var counted = Facets(c, match);
            var total = counted.Sources.Sum(f => f.Count);
            Keep(total, counted);
            return new Counting(total, counted);
        }
        return Count(c, match, total => Keep(total, null), budget);
    }

    /// <summary>
    /// When a count is split in two (see <see cref="Count"/>): from how many rows in the index, and
    /// from how many matches. Below either, a second connection would cost more than it saves.
    /// </summary>
    public (long Rows, int Matches) SplitCount { get; set; } = (200_000, 2_000);

    // Counts whose older half is being counted on a second connection now.
    private int _splitting;

    /// <summary>
    /// The exact count. On a large archive the older and the newer half of the index are counted
    /// at once, on two connections: a count is a pass over every matching posting, and each half
    /// skips to its own rows, so the two passes together take about half as long where there is a
    /// second core. The newer half's count comes first, while the older half's is still under way.
    /// </summary>
    private Counting Count(SqliteConnection c, string match, Action<long> done, SearchBudget budget)
    {
        Counting Whole()
        {
            var total = CountRange(c, match, 0, long.MaxValue);
            done(total);
            return new Counting(total, null);
        }
        var last = Convert.ToInt64(Command(c, "SELECT coalesce(max(rowid), 0) FROM article_fts").ExecuteScalar(), CultureInfo.InvariantCulture);
        // A second connection pays only where a core is idle: not while as many counts as cores are running.
        if (last < SplitCount.Rows || Volatile.Read(ref _splitting) >= Environment.ProcessorCount) return Whole();
        // A query with few matches is counted on one connection: a second would cost more than it saves.
        // Finding out reads no more than the newest few thousand matches.
        using (var few = Command(c, "SELECT rowid FROM article_fts WHERE article_fts MATCH $m ORDER BY rowid DESC LIMIT 1 OFFSET $n", ("$m", match), ("$n", SplitCount.Matches)))
            if (few.ExecuteScalar() is null) return Whole();
        var middle = last / 2;
        Interlocked.Increment(ref _splitting);
        // A thread of its own, not one of the pool's: a busy server's pool would make it wait while this search waits for it.
        var older = Task.Factory.StartNew(() =>
        {
            try
            {
                using var other = open();
                using var interrupt = Interrupts(other, budget);
                return CountRange(other, match, 0, middle);
            }
            finally { Interlocked.Decrement(ref _splitting); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new Counting(null, null, (middle, CountRange(c, match, middle, long.MaxValue)), older, done);
    }

    private static long CountRange(SqliteConnection c, string match, long from, long to)
    {
        using var cmd = Command(c, "SELECT count(*) FROM article_fts WHERE article_fts MATCH $m AND rowid >= $from AND rowid < $to", ("$m", match), ("$from", from), ("$to", to));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The best <paramref name="need"/> matches by BM25, with a stub's score halved. BM25 is read
    /// for a few more than needed; since halving only lowers scores, the order is exact once the
    /// candidates hold <paramref name="need"/> full articles, and more are read when they do not.
    /// Over more than twice the window's matches, only the newest window's are scored (see the class).
    /// </summary>
    // The ranking's document frequencies: one for each phrase of the words (see DocumentFrequencies), with how many the match has.
    private Ranking Frequencies(SqliteConnection c, Fts5Match text, string within, long total)
    {
        var lastId = Convert.ToInt64(Command(c, "SELECT coalesce(max(id), 0) FROM articles").ExecuteScalar(), CultureInfo.InvariantCulture);
        return new Ranking(_frequencies.Of(c, text, alone: within.Length == 0, total, lastId), total, lastId);
    }

    // What ranking a match starts from: its phrases' document frequencies, its matches, the newest article's id.
    private sealed record Ranking(IReadOnlyList<long> Frequencies, long Total, long LastId);

    private List<(long Id, double Score)> Ranked(SqliteConnection c, string match, Ranking counted, int need, out long? rankedAmong, (long From, long Matches)? newest = null)
    {
        var (total, lastId) = (counted.Total, counted.LastId);
        var score = $"{Fts5Bm25.Name}(article_fts{string.Concat(counted.Frequencies.Select(df => ", " + df.ToString(CultureInfo.InvariantCulture)))})";
        var lengths = _lengths.Current(c);
        rankedAmong = null;
        // Up to twice the window, every match is ranked; beyond, the newest window's worth. Its lower
        // bound is first guessed as if the matches were spread evenly between the first and the
        // last; when the guess holds far fewer or far more than the window, the exact bound is read
        // off the index.
        var size = RankingWindow.Size(rankWindow, need);
        long? floor = null;
        if (newest is not null || RankingWindow.RanksNewestOnly(total, size))
        {
            // The matches' own first and last rows bound the guess: a source's matches may sit in one stretch of the archive.
            // When only the newer part of the archive is counted yet, the guess is made within it.
            var (from, matches) = newest ?? (0, total);
            var first = Convert.ToInt64(Command(c, "SELECT rowid FROM article_fts WHERE article_fts MATCH $m AND rowid >= $from ORDER BY rowid LIMIT 1", ("$m", match), ("$from", from)).ExecuteScalar() ?? from, CultureInfo.InvariantCulture);
            var last = Convert.ToInt64(Command(c, "SELECT rowid FROM article_fts WHERE article_fts MATCH $m ORDER BY rowid DESC LIMIT 1", ("$m", match)).ExecuteScalar() ?? lastId, CultureInfo.InvariantCulture);
            floor = Math.Max(first, last - (long)Math.Ceiling((last - first) * (double)size / matches));
        }
        for (var take = need * 2 + 10; ; take *= 4)
        {
            var candidates = new List<(long Id, double Score)>();
            long ranked;
            using (var ranking = Fts5Bm25.Begin(c, lengths))
            {
                using (var cmd = Command(c, $"SELECT rowid, {score} AS score FROM article_fts WHERE article_fts MATCH $m AND rowid >= $floor ORDER BY score LIMIT $take",
                    ("$m", match), ("$floor", floor ?? 0), ("$take", take)))
                using (var r = cmd.ExecuteReader())
                    while (r.Read()) candidates.Add((r.GetInt64(0), -r.GetDouble(1)));
                // Sorting by the score scores every row of the window: the count is the window's size.
                ranked = ranking.Scored;
            }
            if (floor is not null && (ranked < Math.Max(need, size / 2) || ranked > 4L * size) && rankedAmong is null)
            {
                floor = Convert.ToInt64(Command(c, "SELECT rowid FROM article_fts WHERE article_fts MATCH $m ORDER BY rowid DESC LIMIT 1 OFFSET $w",
                    ("$m", match), ("$w", size - 1)).ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
                rankedAmong = size;
                take /= 4;
                continue;
            }
            if (floor is not null) rankedAmong = ranked;
            var rows = ArticleRows(c, candidates.Select(x => x.Id));
            var full = candidates.Count(x => rows.TryGetValue(x.Id, out var row) && !row.IsStub);
            if (full >= need || candidates.Count >= ranked || take >= ranked)
            {
                return candidates
                    .Where(x => rows.ContainsKey(x.Id))
                    .Select(x => (x.Id, Score: rows[x.Id].IsStub ? x.Score * 0.5 : x.Score))
                    .OrderByDescending(x => x.Score).ThenByDescending(x => rows[x.Id].Published, StringComparer.Ordinal).ThenByDescending(x => x.Id)
                    .Take(need).ToList();
            }
        }
    }

    /// <summary>
    /// The first <paramref name="need"/> matches by publication date. Many matches are taken a year
    /// at a time from the meta column's year tokens, newest (or oldest) year first, so only the
    /// years the page reaches are sorted.
    /// </summary>
    private List<long> ByDate(SqliteConnection c, string match, long total, int need, bool oldest)
    {
        var order = oldest ? "a.published, a.id" : "a.published DESC, a.id DESC";
        const string sql = "SELECT a.id FROM article_fts JOIN articles a ON a.id = article_fts.rowid WHERE article_fts MATCH $m ORDER BY {0} LIMIT $n";
        List<long> Read(string m, int n)
        {
            using var cmd = Command(c, string.Format(CultureInfo.InvariantCulture, sql, order), ("$m", m), ("$n", n));
            using var r = cmd.ExecuteReader();
            var list = new List<long>();
            while (r.Read()) list.Add(r.GetInt64(0));
            return list;
        }
        if (RankingWindow.SortsAllByDate(total, rankWindow)) return Read(match, need);

        if (SqliteScope.PublishedSpan(c) is not (DateOnly firstDay, DateOnly lastDay)) return [];
        var (first, last) = (firstDay.Year, lastDay.Year);
        var ids = new List<long>();
        for (var i = 0; i <= last - first && ids.Count < need; i++)
        {
            var year = oldest ? first + i : last - i;
            ids.AddRange(Read($"({match}) AND {{meta}} : \"y{year:D4}\"", need - ids.Count));
        }
        return ids;
    }

    private readonly record struct Row(bool IsStub, string Published);

    private static Dictionary<long, Row> ArticleRows(SqliteConnection c, IEnumerable<long> ids)
    {
        var list = ids.ToList();
        var rows = new Dictionary<long, Row>(list.Count);
        if (list.Count == 0) return rows;
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT id, status = 'stub', published FROM articles WHERE id IN ({string.Join(',', list)})";
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows[r.GetInt64(0)] = new Row(r.GetInt64(1) == 1, r.GetString(2));
        return rows;
    }

    /// <summary>
    /// The page's hits in the given order, each with a snippet cut where it matches
    /// <paramref name="match"/> (see <see cref="SqliteSnippets"/>), or none when it is null.
    /// </summary>
    private static List<SearchHit> Hits(SqliteConnection c, List<long> ids, string? match, SearchBudget budget)
    {
        var hits = new Dictionary<long, SearchHit>(ids.Count);
        if (ids.Count == 0) return [];
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT a.id, a.title, s.label, s.slug, a.published, a.status, coalesce(a.teaser, '')
                FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN ({string.Join(',', ids)})
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                hits[r.GetInt64(0)] = new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(5) == "stub", r.GetString(6), 0);
        }
        if (match is not null)
        {
            var snippets = SqliteSnippets.Cut(c, hits.Keys, match, budget);
            // A hit matched only past the window shows the start of its text, as snippet() does where a column has no match.
            foreach (var hit in hits.Values.ToList())
                hits[hit.Id] = hit with { Snippet = snippets.TryGetValue(hit.Id, out var cut) ? cut : hit.IsStub ? hit.Snippet : Opening(c, hit.Id) };
        }
        return ids.Where(hits.ContainsKey).Select(id => hits[id]).ToList();
    }

    // The first words of an article's body, for a hit with nothing to mark.
    private static string Opening(SqliteConnection c, long id)
    {
        using var cmd = Command(c, "SELECT substr(body, 1, 200) FROM article_text WHERE id = $id", ("$id", id));
        var text = (cmd.ExecuteScalar() as string ?? "").Replace('\n', ' ');
        var cut = text.Length < 200 ? text : text[..Math.Max(text.LastIndexOf(' '), 1)] + "…";
        return cut;
    }

    /// <summary>
    /// How many words of the index begin with <paramref name="prefix"/>, counting no further than
    /// <paramref name="most"/>: read from the index's own list of words (fts5vocab), every column's.
    /// </summary>
    private static long WordsBeginning(SqliteConnection c, string prefix, int most)
    {
        using (var create = c.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_words USING fts5vocab(main, article_fts, row)";
            create.ExecuteNonQuery();
        }
        // U+10FFFF sorts after every character that can follow the prefix.
        using var cmd = Command(c, "SELECT count(*) FROM (SELECT 1 FROM temp.article_fts_words WHERE term >= $p AND term < $end LIMIT $most)",
            ("$p", prefix), ("$end", prefix + char.ConvertFromUtf32(0x10FFFF)), ("$most", most));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // Filters alone: what they select, newest first (or oldest), read from the article rows.
    private SearchResults Listing(SqliteConnection c, SearchRequest request, SearchScope scope, SearchBudget budget)
    {
        var filter = new SqlFilter();
        scope.AddTo(filter);
        const string from = "FROM articles a JOIN sources s ON s.id = a.source_id";
        var facets = request.Facets ? ListingFacets(c, filter, from) : null;
        var total = facets?.Sources.Sum(f => f.Count)
            ?? Convert.ToInt64(filter.Command(c, $"SELECT count(*) {from} {filter.Where}").ExecuteScalar(), CultureInfo.InvariantCulture);
        if (total == 0 || request.Limit == 0) return new SearchResults(total, [], facets);
        var order = request.Sort == SearchSort.Oldest ? "a.published, a.id" : "a.published DESC, a.id DESC";
        using var query = filter.Command(c, $"SELECT a.id {from} {filter.Where} ORDER BY {order} LIMIT $limit OFFSET $offset");
        query.Parameters.AddWithValue("$limit", request.Limit);
        query.Parameters.AddWithValue("$offset", request.Offset);
        var ids = new List<long>();
        using (var r = query.ExecuteReader())
            while (r.Read()) ids.Add(r.GetInt64(0));
        return new SearchResults(total, Hits(c, ids, null, budget), facets);
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private static bool KoreanOnly(QueryNode node) => node switch
    {
        WordNode w => Hangul.Contains(w.Text),
        PhraseNode p => Hangul.Contains(p.Text),
        AndNode a => a.Parts.Where(p => p is not NotNode).All(KoreanOnly),
        OrNode o => o.Parts.All(KoreanOnly),
        _ => false,
    };

    // A hit's title and the start of its body (a stub's teaser), for the Korean snippet cutter.
    private static (string Title, string Body) KoreanText(SqliteConnection c, long id)
    {
        using var cmd = Command(c, "SELECT a.title, substr(coalesce(v.body, a.teaser, ''), 1, $w) FROM articles a LEFT JOIN versions v ON v.article_id = a.id AND v.number = a.current_version WHERE a.id = $id",
            ("$id", id), ("$w", Snippets.Window));
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetString(0), r.GetString(1)) : ("", "");
    }

    /// <summary>
    /// The matches per source and day, in one pass over the matches: tongsin_tally counts each by
    /// the source and day <see cref="RowFacets"/> holds for it. Facets and counts over time are both
    /// read from it.
    /// </summary>
    private List<(int Source, DateOnly Day, long Count)> DayCounts(SqliteConnection c, string match, TallyGroups? once = null, List<(long Id, int Source, DateOnly Day)>? grouped = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = _rowFacets.Current(c);
            using var tally = Fts5Bm25.BeginTally(c, rows, once?.GroupOf);
            using (var cmd = Command(c, $"SELECT count(*) FROM article_fts WHERE article_fts MATCH $m AND {Fts5Bm25.TallyName}(article_fts) = 1", ("$m", match)))
                cmd.ExecuteScalar();
            // An article stored since the tables were read is counted on a second pass.
            if (tally.Unknown == 0 || attempt == 1)
            {
                if (grouped is not null)
                {
                    grouped.Clear();
                    grouped.AddRange(tally.Grouped.Select(id => (id, rows.Sources[id], DateOnly.FromDayNumber(rows.Days[id]))));
                }
                return tally.Counts().ToList();
            }
        }
    }

    private SearchFacets Facets(SqliteConnection c, string match)
    {
        var counts = DayCounts(c, match);
        var sources = Sources(c);
        return FacetCounts.Of(counts.GroupBy(x => (x.Source, x.Day.Year)).Select(g =>
        {
            var s = sources[g.Key.Source];
            return (s.Slug, s.Label, s.Language, Year: g.Key.Year.ToString("D4", CultureInfo.InvariantCulture), Count: g.Sum(x => x.Count));
        }).ToList());
    }

    private static Dictionary<long, (string Slug, string Label, string Language)> Sources(SqliteConnection c)
    {
        using var cmd = Command(c, "SELECT id, slug, label, language FROM sources");
        using var r = cmd.ExecuteReader();
        var sources = new Dictionary<long, (string, string, string)>();
        while (r.Read()) sources[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetString(3));
        return sources;
    }

    /// <summary>
    /// How many articles a query matches, per source and bucket of time: the matches of its words
    /// counted in one pass (<see cref="DayCounts"/>), or, for filters alone or a blank query, the
    /// articles they select, grouped by source and day.
    /// </summary>
    public IReadOnlyList<TallyCount> Tally(SearchRequest request, TallyInterval interval, CancellationToken cancel = default, TallyGroups? once = null)
    {
        var parsed = TallyBuckets.Parse(request);
        using var budget = SearchBudget.Start(request.Limits, cancel);
        using var c = open();
        using var interrupt = Interrupts(c, budget);
        return budget.Run(() =>
        {
            if (parsed.Text is not null) PrefixBound.Check(parsed.Text, request.Limits.PrefixTerms, (prefix, most) => WordsBeginning(c, prefix, most));
            Fts5Bm25.Register(c);
            var scope = SqliteScope.Resolve(c, request, parsed.Filters, _outlets);
            var within = scope.IsEmpty ? null : scope.Match(c);
            if (within is null) return [];
            var sources = Sources(c);
            List<(int Source, DateOnly Day, long Count)> days;
            // The grouped articles among the matches, with their source and day.
            var grouped = new List<(long Id, int Source, DateOnly Day)>();
            if (parsed.Text is null)
            {
                // Filters alone select by source and day, which the tables in memory hold for every article.
                var rows = _rowFacets.Current(c);
                days = rows.Count(scope).ToList();
                if (once is not null) grouped.AddRange(InScope(rows, scope, once.GroupOf.Keys));
            }
            else
            {
                var text = Fts5Query.From(parsed.Text, request.FoldKorean);
                days = DayCounts(c, within.Length == 0 ? text.Expression : $"({text.Expression}) AND {within}", once, grouped);
            }
            var counts = TallyBuckets.Sum(days.Select(d => new TallyCount(sources[d.Source].Slug, d.Day, d.Count)), interval);
            return (IReadOnlyList<TallyCount>)(once is null ? counts : once.Fold(counts, grouped.Select(g => (g.Id, sources[g.Source].Slug, g.Day)), interval));
        }, e => e is SqliteException { SqliteErrorCode: SqliteInterrupted });
    }

    // Of these articles, those a scope of sources and days takes in, by the source and day the tables hold for each.
    private static IEnumerable<(long Id, int Source, DateOnly Day)> InScope(RowFacets.Snapshot rows, SearchScope scope, IEnumerable<long> ids)
    {
        var (from, to) = (scope.From?.DayNumber ?? int.MinValue, scope.To?.DayNumber ?? int.MaxValue);
        foreach (var id in ids)
        {
            if ((ulong)id >= (ulong)rows.Sources.Length || rows.Sources[id] is var source && source == 0) continue;
            if (rows.Days[id] < from || rows.Days[id] > to || scope.SourceIds is { } allowed && !allowed.Contains(source)) continue;
            yield return (id, source, DateOnly.FromDayNumber(rows.Days[id]));
        }
    }

    // Filters alone: one pass over the articles they select, grouped by source and year.
    private static SearchFacets ListingFacets(SqliteConnection c, SqlFilter filter, string from)
    {
        using var cmd = filter.Command(c, $"SELECT s.slug, s.label, s.language, substr(a.published, 1, 4), count(*) {from} {filter.Where} GROUP BY s.id, 4");
        using var r = cmd.ExecuteReader();
        var rows = new List<(string Slug, string Label, string Language, string Year, long Count)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        return FacetCounts.Of(rows);
    }
}
