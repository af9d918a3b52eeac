using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Tongsin.Archive.Sqlite;

/// <summary>
/// tongsin_bm25(article_fts, df1, df2, ...): FTS5's own BM25 (k1 1.2, b 0.75, the row's length
/// over all columns, each phrase's hits weighted by column), with each phrase's document frequency
/// given by the caller instead of counted. FTS5's bm25() counts, on the first row of every query,
/// every row that matches each phrase, to work out its IDF: a full pass over the posting list of
/// a common word, as costly as the search itself. The caller keeps the frequencies instead (they
/// change slowly, and BM25 needs them only roughly), so a query ranks its matches and nothing more.
///
/// Registered through FTS5's C API (fts5_api.xCreateFunction), once per database connection.
/// Returns, like bm25(), the negated score: lower is better.
///
/// Beside it, tongsin_tally(article_fts) counts each matching row by the source and day a
/// <see cref="Tally"/> holds for it, for a search's facets and its counts over time, and returns 1:
/// one pass over the matches counts them by every source and day at once.
///
/// And tongsin_instances(fts) returns how many times the row matches the query's phrases: FTS5's
/// snippet() weighs every match against every other, so a row with thousands of them would take
/// seconds, and is cut from a shorter window instead (see <see cref="SqliteSnippets"/>).
/// </summary>
internal static unsafe partial class Fts5Bm25
{
    public const string Name = "tongsin_bm25";

    /// <summary>The index's columns' weights: title, teaser, body, ko, kof, names, meta.</summary>
    private static readonly double[] Weights = [10.0, 3.0, 1.0, 1.0, 1.0, 2.0, 0.0];

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const string Library = "e_sqlite3";

    /// <summary>
    /// What the functions of one database connection keep between rows: given to FTS5 as the
    /// functions' user data when they are registered, and freed with the connection. A connection
    /// serves one thread at a time, so its state needs no lock.
    /// </summary>
    private sealed class State
    {
        public int[]? Lengths;
        // The index's row count and token total, read on a ranking's first row: FTS5 reads them from
        // disk on every call, which, once a row, costs more than the score.
        public long Rows = -1, Tokens;
        public long Scored;
        public Tally? Tally;
    }

    /// <summary>
    /// Until disposed, rankings run on this connection take each row's length from
    /// <paramref name="lengths"/> (see <see cref="DocumentLengths"/>) rather than from the index,
    /// and count the rows they score.
    /// </summary>
    public static Ranking Begin(SqliteConnection connection, int[] lengths)
    {
        var state = StateOf(connection);
        state.Lengths = lengths;
        state.Rows = -1;
        state.Scored = 0;
        return new Ranking(state);
    }

    public sealed class Ranking : IDisposable
    {
        private readonly State _state;

        internal Ranking(object state) => _state = (State)state;

        /// <summary>How many rows the function has scored on this connection since the ranking began.</summary>
        public long Scored => _state.Scored;

        public void Dispose()
        {
            _state.Lengths = null;
            _state.Rows = -1;
        }
    }

    /// <summary>Registers the functions on the connection, once for its database handle.</summary>
    public static void Register(SqliteConnection connection) => StateOf(connection);

    // The connection's state, registering the functions with it the first time.
    private static State StateOf(SqliteConnection connection)
    {
        var db = connection.Handle!.DangerousGetHandle();
        fixed (byte* key = "tongsin.fts5\0"u8)
        {
            var known = sqlite3_get_clientdata(db, key);
            if (known != IntPtr.Zero) return (State)GCHandle.FromIntPtr(known).Target!;
            var state = new State();
            var handle = GCHandle.Alloc(state);
            var data = GCHandle.ToIntPtr(handle);
            try
            {
                var api = Api(db);
                Create(api, "tongsin_bm25\0"u8, data, &Score, "ranking");
                Create(api, "tongsin_tally\0"u8, data, &Count, "counting");
                Create(api, "tongsin_instances\0"u8, data, &Instances, "instance-counting");
            }
            catch
            {
                handle.Free();
                throw;
            }
            // The state goes with the connection: SQLite calls Free when it closes.
            sqlite3_set_clientdata(db, key, data, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, void>)&Free);
            return state;
        }
    }

    private static void Create(Fts5Api* api, ReadOnlySpan<byte> name, IntPtr data, delegate* unmanaged[Cdecl]<ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void> function, string what)
    {
        fixed (byte* n = name)
        {
            var rc = api->xCreateFunction(api, n, data, function, IntPtr.Zero);
            if (rc != 0) throw new InvalidOperationException($"FTS5 refused the {what} function (SQLite error {rc})");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(IntPtr data) => GCHandle.FromIntPtr(data).Free();

    private static State Of(ExtensionApi* api, IntPtr fts) => (State)GCHandle.FromIntPtr(api->xUserData(fts)).Target!;

    private static Fts5Api* Api(IntPtr db)
    {
        Fts5Api* api = null;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        fixed (byte* type = "fts5_api_ptr\0"u8)
        {
            if (sqlite3_prepare_v2(db, sql, -1, out var statement, IntPtr.Zero) != 0)
                throw new InvalidOperationException("this SQLite has no FTS5");
            try
            {
                sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero);
                sqlite3_step(statement);
            }
            finally { sqlite3_finalize(statement); }
        }
        if (api == null || api->iVersion < 2) throw new InvalidOperationException("this SQLite's FTS5 has no function API");
        return api;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Score(ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        var state = Of(api, fts);
        state.Scored++;
        var phrases = api->xPhraseCount(fts);
        // The phrases of the words come first, each with its frequency; the source and date tokens
        // after them weigh nothing and need none.
        if (count > phrases)
        {
            fixed (byte* message = "tongsin_bm25 was given more document frequencies than the query has phrases\0"u8) sqlite3_result_error(context, message, -1);
            return;
        }
        long rows = state.Rows, totalTokens = state.Tokens;
        int instances, length = 0;
        if (rows < 0 || state.Lengths is null)
        {
            if (api->xRowCount(fts, &rows) != 0 || api->xColumnTotalSize(fts, -1, &totalTokens) != 0) rows = -1;
            else if (state.Lengths is not null) (state.Rows, state.Tokens) = (rows, totalTokens);
        }
        if (rows < 0 || api->xInstCount(fts, &instances) != 0 || !Length(api, fts, state.Lengths, out length))
        {
            fixed (byte* message = "tongsin_bm25 could not read the index\0"u8) sqlite3_result_error(context, message, -1);
            return;
        }
        Span<double> frequency = phrases <= 64 ? stackalloc double[phrases] : new double[phrases];
        frequency.Clear();
        for (var i = 0; i < instances; i++)
        {
            int phrase, column, offset;
            if (api->xInst(fts, i, &phrase, &column, &offset) != 0) continue;
            if ((uint)column < (uint)Weights.Length) frequency[phrase] += Weights[column];
        }
        var averageLength = rows > 0 ? (double)totalTokens / rows : 1.0;
        var norm = K1 * (1 - B + B * length / averageLength);
        var score = 0.0;
        for (var p = 0; p < phrases; p++)
        {
            if (frequency[p] == 0) continue;
            if (p >= count)
            {
                fixed (byte* message = "tongsin_bm25 needs a document frequency for each weighted phrase\0"u8) sqlite3_result_error(context, message, -1);
                return;
            }
            var df = Math.Clamp(sqlite3_value_double(values[p]), 0, rows);
            // As FTS5: a phrase in more than half the rows would weigh less than nothing; it weighs almost nothing.
            var idf = Math.Max(Math.Log((rows - df + 0.5) / (df + 0.5)), 1e-6);
            score += idf * frequency[p] * (K1 + 1) / (frequency[p] + norm);
        }
        sqlite3_result_double(context, -score);
    }

    public const string TallyName = "tongsin_tally";

    /// <summary>
    /// Until disposed, tongsin_tally on this connection counts rows by the source and day <paramref name="rows"/> holds for each,
    /// and notes which of <paramref name="watched"/>'s rows it met (<see cref="Tally.Grouped"/>).
    /// </summary>
    public static Tally BeginTally(SqliteConnection connection, RowFacets.Snapshot rows, IReadOnlyDictionary<long, long>? watched = null)
    {
        var state = StateOf(connection);
        return state.Tally = new Tally(state, rows, watched);
    }

    public sealed class Tally : IDisposable
    {
        private readonly object _owner;
        internal readonly int[] Sources, Days;
        internal readonly int FirstDay, Span;

        internal Tally(object owner, RowFacets.Snapshot rows, IReadOnlyDictionary<long, long>? watched)
        {
            _owner = owner;
            Watched = watched;
            (Sources, Days) = (rows.Sources, rows.Days);
            (FirstDay, Span) = rows.LastDay < rows.FirstDay ? (0, 0) : (rows.FirstDay, rows.LastDay - rows.FirstDay + 1);
            // Rented: a search with facets counts into a new table every time, a few megabytes at most.
            _size = (rows.MostSource + 1) * Span;
            Cells = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(1, _size));
            Array.Clear(Cells, 0, _size);
        }

        private readonly int _size;

        /// <summary>Rows counted per source and day: cell source × span + (day − first day).</summary>
        internal long[] Cells { get; }

        internal readonly IReadOnlyDictionary<long, long>? Watched;

        /// <summary>The watched rows met, counted as the others are.</summary>
        public List<long> Grouped { get; } = [];

        /// <summary>Rows for which no source and day were given: added after the tables were read.</summary>
        public long Unknown { get; internal set; }

        /// <summary>The counted rows, by source id and day, the empty cells left out.</summary>
        public IEnumerable<(int Source, DateOnly Day, long Count)> Counts()
        {
            for (var i = 0; i < _size; i++)
                if (Cells[i] > 0) yield return (i / Span, DateOnly.FromDayNumber(FirstDay + i % Span), Cells[i]);
        }

        public void Dispose()
        {
            ((State)_owner).Tally = null;
            System.Buffers.ArrayPool<long>.Shared.Return(Cells);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Count(ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        var tally = Of(api, fts).Tally;
        if (tally is not null)
        {
            var row = api->xRowid(fts);
            int source;
            if ((ulong)row < (ulong)tally.Sources.Length && (source = tally.Sources[row]) != 0)
            {
                tally.Cells[source * tally.Span + (tally.Days[row] - tally.FirstDay)]++;
                if (tally.Watched is { } watched && watched.ContainsKey(row)) tally.Grouped.Add(row);
            }
            else tally.Unknown++;
        }
        sqlite3_result_double(context, 1);
    }

    public const string InstancesName = "tongsin_instances";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Instances(ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        int instances;
        if (api->xInstCount(fts, &instances) != 0) instances = int.MaxValue;
        sqlite3_result_double(context, instances);
    }

    private static bool Length(ExtensionApi* api, IntPtr fts, int[]? lengths, out int length)
    {
        var row = api->xRowid(fts);
        if (lengths is not null && (ulong)row < (ulong)lengths.Length && lengths[row] > 0)
        {
            length = lengths[row];
            return true;
        }
        int size;
        var rc = api->xColumnSize(fts, -1, &size);
        length = size;
        return rc == 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int iVersion;
        public IntPtr xCreateTokenizer;
        public IntPtr xFindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, IntPtr, delegate* unmanaged[Cdecl]<ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> xCreateFunction;
    }

    // The head of Fts5ExtensionApi, in its order; only the members used are typed.
    [StructLayout(LayoutKind.Sequential)]
    private struct ExtensionApi
    {
        public int iVersion;
        public delegate* unmanaged[Cdecl]<IntPtr, IntPtr> xUserData;
        public IntPtr xColumnCount;
        public delegate* unmanaged[Cdecl]<IntPtr, long*, int> xRowCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, int> xColumnTotalSize;
        public IntPtr xTokenize;
        public delegate* unmanaged[Cdecl]<IntPtr, int> xPhraseCount;
        public IntPtr xPhraseSize;
        public delegate* unmanaged[Cdecl]<IntPtr, int*, int> xInstCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int> xInst;
        public delegate* unmanaged[Cdecl]<IntPtr, long> xRowid;
        public IntPtr xColumnText;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int> xColumnSize;
    }

    [LibraryImport(Library)] private static partial int sqlite3_prepare_v2(IntPtr db, byte* sql, int bytes, out IntPtr statement, IntPtr tail);
    [LibraryImport(Library)] private static partial int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);
    [LibraryImport(Library)] private static partial int sqlite3_step(IntPtr statement);
    [LibraryImport(Library)] private static partial int sqlite3_finalize(IntPtr statement);
    [LibraryImport(Library)] private static partial IntPtr sqlite3_get_clientdata(IntPtr db, byte* name);
    [LibraryImport(Library)] private static partial int sqlite3_set_clientdata(IntPtr db, byte* name, IntPtr data, IntPtr destructor);
    [LibraryImport(Library)] private static partial void sqlite3_result_double(IntPtr context, double value);
    [LibraryImport(Library)] private static partial void sqlite3_result_error(IntPtr context, byte* message, int bytes);
    [LibraryImport(Library)] private static partial double sqlite3_value_double(IntPtr value);
}
