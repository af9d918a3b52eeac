using System.Reflection;
using ArchUnitNET.Loader;

namespace Tongsin.Tests.Architecture;

/// <summary>
/// Which namespace of the engine uses which, read from its compiled code: a type depends on every
/// type it names in its signatures, fields, attributes and method bodies. Only the project's own
/// namespaces (Tongsin.*) count, and a namespace's use of itself is left out.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, SortedSet<string>> _edges;

    private NamespaceGraph(Dictionary<string, SortedSet<string>> edges) => _edges = edges;

    /// <summary>The engine's graph, read once: loading the assembly takes a second or two.</summary>
    public static NamespaceGraph Engine { get; } = Of(typeof(Tongsin.Model.Source).Assembly);

    public static NamespaceGraph Of(Assembly assembly)
    {
        var architecture = new ArchLoader().LoadAssemblies(assembly).Build();
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in architecture.Types)
        {
            var from = type.Namespace?.FullName;
            if (from is null || !IsProject(from)) continue;
            if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                // Generic parameters and the like belong to no namespace.
                if (dependency.Target?.Namespace?.FullName is { } to && IsProject(to) && to != from) targets.Add(to);
            }
        }
        return new NamespaceGraph(edges);
    }

    public static NamespaceGraph Of(IReadOnlyDictionary<string, string[]> edges) =>
        new(edges.ToDictionary(e => e.Key, e => new SortedSet<string>(e.Value, StringComparer.Ordinal), StringComparer.Ordinal));

    private static bool IsProject(string ns) => ns == "Tongsin" || ns.StartsWith("Tongsin.", StringComparison.Ordinal);

    public IEnumerable<string> Namespaces => _edges.Keys.Order(StringComparer.Ordinal);

    /// <summary>The namespaces <paramref name="ns"/> uses directly.</summary>
    public IReadOnlySet<string> Uses(string ns) => _edges.TryGetValue(ns, out var t) ? t : new SortedSet<string>();

    /// <summary>The top-level namespace a namespace belongs to: Tongsin.Archive.Sqlite is in Tongsin.Archive.</summary>
    public static string TopLevel(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length <= 2 ? ns : parts[0] + "." + parts[1];
    }

    /// <summary>The same graph with every namespace folded into its top-level one.</summary>
    public NamespaceGraph TopLevels()
    {
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (from, targets) in _edges)
        {
            var top = TopLevel(from);
            if (!edges.TryGetValue(top, out var set)) edges[top] = set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var to in targets.Select(TopLevel).Where(t => t != top)) set.Add(to);
        }
        return new NamespaceGraph(edges);
    }

    /// <summary>A cycle, written "A -> B -> A", or null when the graph has none.</summary>
    public string? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<string>();

        string? Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
                return done ? null : string.Join(" -> ", path.Skip(path.IndexOf(node)).Append(node));
            state[node] = false;
            path.Add(node);
            foreach (var next in Uses(node))
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }

        return Namespaces.Select(Visit).FirstOrDefault(c => c is not null);
    }

    /// <summary>Every edge, one "A -> B" a line, for failure messages.</summary>
    public override string ToString() =>
        string.Join("\n", Namespaces.SelectMany(n => Uses(n).Select(t => $"{n} -> {t}")));
}
