using System.Text;

namespace Tongsin.Text;

public enum DiffOp { Same, Removed, Added }

/// <summary>A run of words that both texts share, or that only the old or only the new one has.</summary>
public sealed record DiffPiece(DiffOp Op, string Text);

/// <summary>
/// Word-level differences between two versions of a text, by Myers' O((N+M)D) algorithm.
/// Words are runs of non-space characters; a line break is a word of its own ("\n") so that
/// paragraph boundaries show in the result. Pieces join their words with single spaces.
/// </summary>
public static class WordDiff
{
    public const string ParagraphBreak = "\n";

    // The trace Myers keeps grows with the square of the number of edits. Past this many edits
    // two texts share little, and showing the rest as one removal and one addition says as much.
    private const int MaxEdits = 2000;

    /// <summary>Compares two lists of paragraphs.</summary>
    public static IReadOnlyList<DiffPiece> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        Compare(string.Join('\n', before), string.Join('\n', after));

    public static IReadOnlyList<DiffPiece> Compare(string before, string after)
    {
        var a = Words(before);
        var b = Words(after);
        var ops = new List<(DiffOp Op, string Word)>(a.Count + b.Count);

        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        for (var i = 0; i < prefix; i++) ops.Add((DiffOp.Same, a[i]));
        Middle(a, prefix, a.Count - suffix, b, prefix, b.Count - suffix, ops);
        for (var i = a.Count - suffix; i < a.Count; i++) ops.Add((DiffOp.Same, a[i]));
        return Merge(ops);
    }

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || char.IsWhiteSpace(text[i]);
            if (!end) { if (start < 0) start = i; continue; }
            if (start >= 0) { words.Add(text[start..i]); start = -1; }
            if (i < text.Length && text[i] == '\n') words.Add(ParagraphBreak);
        }
        return words;
    }

    private static void Middle(List<string> a, int aStart, int aEnd, List<string> b, int bStart, int bEnd, List<(DiffOp, string)> ops)
    {
        int n = aEnd - aStart, m = bEnd - bStart;
        if (n == 0 && m == 0) return;
        var max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y]) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
        }
        if (found < 0)
        {
            for (var i = aStart; i < aEnd; i++) ops.Add((DiffOp.Removed, a[i]));
            for (var j = bStart; j < bEnd; j++) ops.Add((DiffOp.Added, b[j]));
            return;
        }

        // Walk back from the end through the saved frontiers, collecting the edit script backwards.
        var reversed = new List<(DiffOp, string)>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var prev = trace[d];
            var k = cx - cy;
            var down = k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1]);
            var pk = down ? k + 1 : k - 1;
            var px = prev[offset + pk];
            var py = px - pk;
            var sx = down ? px : px + 1;
            var sy = sx - k;
            while (cx > sx && cy > sy) { reversed.Add((DiffOp.Same, a[aStart + cx - 1])); cx--; cy--; }
            if (down) reversed.Add((DiffOp.Added, b[bStart + py]));
            else reversed.Add((DiffOp.Removed, a[aStart + px]));
            cx = px; cy = py;
        }
        while (cx > 0 && cy > 0) { reversed.Add((DiffOp.Same, a[aStart + cx - 1])); cx--; cy--; }
        reversed.Reverse();
        ops.AddRange(reversed);
    }

    private static List<DiffPiece> Merge(List<(DiffOp Op, string Word)> ops)
    {
        var pieces = new List<DiffPiece>();
        var run = new StringBuilder();
        DiffOp? current = null;
        foreach (var (op, word) in ops)
        {
            if (op != current && current is { } done)
            {
                pieces.Add(new DiffPiece(done, run.ToString()));
                run.Clear();
            }
            current = op;
            if (run.Length > 0 && word != ParagraphBreak && run[^1] != '\n') run.Append(' ');
            run.Append(word);
        }
        if (current is { } last) pieces.Add(new DiffPiece(last, run.ToString()));
        return pieces;
    }
}
