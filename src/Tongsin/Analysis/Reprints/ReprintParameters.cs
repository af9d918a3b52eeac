namespace Tongsin.Analysis.Reprints;

/// <summary>
/// How texts are compared: shingles of <see cref="ShingleSize"/> words, a MinHash signature of
/// <see cref="Bands"/> × <see cref="Rows"/> values cut into bands for the candidate lookup, and the
/// estimated Jaccard similarity at or above which two texts are copies of one, when they came out
/// at most <see cref="MostDays"/> days apart. Chosen by
/// measurement on the labelled pairs (docs/reprints.md); a change of any of them is a new revision
/// of the analyser, which rebuilds the signatures.
/// </summary>
public sealed record ReprintParameters(int ShingleSize, int Bands, int Rows, double Threshold, int MostDays)
{
    public static readonly ReprintParameters Chosen = new(ShingleSize: 3, Bands: 20, Rows: 3, Threshold: 0.45, MostDays: 14);

    public int Hashes => Bands * Rows;

    public ReprintParameters Check()
    {
        if (ShingleSize < 1 || Bands < 1 || Rows < 1 || Threshold is <= 0 or > 1 || MostDays < 0)
            throw new ArgumentException($"reprint parameters out of range: {this}");
        return this;
    }
}
