namespace Tongsin.Analysis.Reprints;

/// <summary>
/// 64-bit hashes that are the same in every process and on every machine (string.GetHashCode is
/// seeded per process): signatures written by one run are compared by the next.
/// </summary>
public static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 units, finished with <see cref="Mix"/>.</summary>
    public static ulong Of(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>SplitMix64's finaliser: every input bit moves about half the output bits.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
