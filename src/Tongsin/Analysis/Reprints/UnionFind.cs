namespace Tongsin.Analysis.Reprints;

/// <summary>Disjoint sets over 0..n-1, with path halving and union by size.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++) (_parent[i], _size[i]) = (i, 1);
    }

    public int Find(int x)
    {
        while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    public void Union(int a, int b)
    {
        (a, b) = (Find(a), Find(b));
        if (a == b) return;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
    }
}
