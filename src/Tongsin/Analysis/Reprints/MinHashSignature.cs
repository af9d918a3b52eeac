namespace Tongsin.Analysis.Reprints;

/// <summary>
/// A text's MinHash signature: for each of n hash functions, the least hash of its shingles. The
/// share of places where two signatures agree estimates the Jaccard similarity of the two shingle
/// sets. Stored as base64 of the values, little-endian, so it travels as a short text column.
/// </summary>
public sealed class MinHashSignature
{
    private readonly uint[] _values;

    private MinHashSignature(uint[] values) => _values = values;

    public int Count => _values.Length;

    public ReadOnlySpan<uint> Values => _values;

    /// <summary>The signature of these shingle hashes under <paramref name="hashes"/> hash functions; null for no shingles.</summary>
    public static MinHashSignature? Of(ReadOnlySpan<ulong> shingles, int hashes)
    {
        if (shingles.IsEmpty) return null;
        if (hashes is < 1 or > MostHashes) throw new ArgumentException($"a signature has 1 to {MostHashes} values, not {hashes}");
        var values = new uint[hashes];
        Array.Fill(values, uint.MaxValue);
        foreach (var s in shingles)
        {
            // Hash function i is a*x + b over a 64-bit mix of the shingle, the high half kept:
            // one multiply and add a function, with a and b fixed per i.
            var x = StableHash.Mix(s);
            for (var i = 0; i < values.Length; i++)
            {
                var v = (uint)((Multipliers[i] * x + Addends[i]) >> 32);
                if (v < values[i]) values[i] = v;
            }
        }
        return new MinHashSignature(values);
    }

    /// <summary>The estimated Jaccard similarity: the share of places where the values agree.</summary>
    public double Similarity(MinHashSignature other) => Similarity(_values, other._values);

    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"signatures of {a.Length} and {b.Length} values cannot be compared");
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>
    /// One bucket a band: the hash of the band's values with its number and the text's language,
    /// so that only texts of one language, agreeing on one whole band, meet in a bucket.
    /// </summary>
    public long[] Buckets(string language, int bands, int rows)
    {
        if (bands * rows != _values.Length) throw new ArgumentException($"{bands} bands of {rows} do not cut a signature of {_values.Length} values");
        var lang = StableHash.Of(language);
        var buckets = new long[bands];
        for (var b = 0; b < bands; b++)
        {
            var h = StableHash.Mix(lang ^ (ulong)(b + 1));
            for (var r = 0; r < rows; r++) h = StableHash.Mix(h ^ _values[b * rows + r]);
            buckets[b] = (long)h;
        }
        return buckets;
    }

    public string Encode()
    {
        var bytes = new byte[_values.Length * 4];
        for (var i = 0; i < _values.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), _values[i]);
        if (!BitConverter.IsLittleEndian) for (var i = 0; i < _values.Length; i++) bytes.AsSpan(i * 4, 4).Reverse();
        return Convert.ToBase64String(bytes);
    }

    public static MinHashSignature Decode(string text)
    {
        var bytes = Convert.FromBase64String(text);
        if (bytes.Length == 0 || bytes.Length % 4 != 0) throw new FormatException($"a signature of {bytes.Length} bytes, not a whole number of 4-byte values");
        var values = new uint[bytes.Length / 4];
        Decode(text, values);
        return new MinHashSignature(values);
    }

    /// <summary>Decodes into <paramref name="values"/> (as many values as it holds), for readers that keep signatures packed.</summary>
    public static void Decode(string text, Span<uint> values)
    {
        var bytes = Convert.FromBase64String(text);
        if (bytes.Length != values.Length * 4) throw new FormatException($"a signature of {bytes.Length} bytes where {values.Length * 4} were expected");
        for (var i = 0; i < values.Length; i++)
        {
            var v = BitConverter.ToUInt32(bytes, i * 4);
            values[i] = BitConverter.IsLittleEndian ? v : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
        }
    }

    public static MinHashSignature FromValues(uint[] values) => new((uint[])values.Clone());

    // Fixed per hash function, from a fixed seed: the same functions on every machine, for ever.
    private const int MostHashes = 512;
    private static readonly ulong[] Multipliers = Seeded(0x5EED_0001UL, odd: true);
    private static readonly ulong[] Addends = Seeded(0x5EED_0002UL, odd: false);

    private static ulong[] Seeded(ulong seed, bool odd)
    {
        var values = new ulong[MostHashes];
        var state = seed;
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            values[i] = StableHash.Mix(state) | (odd ? 1UL : 0UL);
        }
        return values;
    }
}
