namespace Tongsin.Tests.Architecture;

/// <summary>
/// The engine's dependencies go one way (docs/architecture.md): Model and Text use nothing of the
/// project, the layers above use what is below them, the two archive backends never use each other,
/// only Archive.Transfer reaches into them from outside, and no circle forms between the top-level
/// namespaces.
/// </summary>
public class LayerTests
{
    private const string Model = "Tongsin.Model", Text = "Tongsin.Text", Search = "Tongsin.Search",
        Exchange = "Tongsin.Exchange", Archive = "Tongsin.Archive", Ingest = "Tongsin.Ingest", Analysis = "Tongsin.Analysis";

    /// <summary>What each top-level namespace may use, sub-namespaces included. A new one is added here, and to docs/architecture.md.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        [Model] = [],
        [Text] = [],
        [Search] = [Model, Text],
        [Exchange] = [Model, Text],
        [Archive] = [Model, Text, Search],
        [Analysis] = [Model, Text, Search, Archive],
        [Ingest] = [Model, Text, Exchange, Archive],
    };

    /// <summary>Archive's backend folders: each implements the archive alone.</summary>
    private static readonly string[] Backends = ["Tongsin.Archive.Sqlite", "Tongsin.Archive.Postgres"];

    /// <summary>Copies an archive from one backend to the other, so it uses both.</summary>
    private const string Transfer = "Tongsin.Archive.Transfer";

    private static readonly NamespaceGraph Graph = NamespaceGraph.Engine;

    [Fact]
    public void The_engine_is_read_with_its_dependencies()
    {
        // A reading that found no edges would pass every rule below.
        Assert.Contains(Search, Graph.Uses("Tongsin.Archive.Sqlite"));
        Assert.Contains(Model, Graph.Uses("Tongsin.Ingest.Pages"));
    }

    [Theory]
    [InlineData(Model)]
    [InlineData(Text)]
    public void Model_and_Text_use_nothing_else_of_the_project(string layer)
    {
        var wrong = Graph.Namespaces.Where(n => NamespaceGraph.TopLevel(n) == layer)
            .SelectMany(n => Graph.Uses(n).Where(t => NamespaceGraph.TopLevel(t) != layer).Select(t => $"{n} -> {t}"))
            .ToList();
        Assert.True(wrong.Count == 0, $"{layer} must use nothing else of the project, but:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void The_archive_backends_do_not_use_each_other()
    {
        var wrong = (from n in Graph.Namespaces
                     let backend = Backends.FirstOrDefault(b => Within(n, b))
                     where backend is not null
                     from t in Graph.Uses(n)
                     where Backends.Any(other => other != backend && Within(t, other))
                     select $"{n} -> {t}").ToList();
        Assert.True(wrong.Count == 0, $"a backend folder must not use another; move what they share to {Archive} or {Search}:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void Only_the_transfer_between_backends_uses_a_backend_folder()
    {
        // The rest of the engine works through Archive's interfaces; the app picks the backend.
        var wrong = (from n in Graph.Namespaces
                     where n != Transfer
                     from t in Graph.Uses(n)
                     let backend = Backends.FirstOrDefault(b => Within(t, b))
                     where backend is not null && !Within(n, backend)
                     select $"{n} -> {t}").ToList();
        Assert.True(wrong.Count == 0, $"only {Transfer} may use a backend folder from outside it:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void The_top_level_namespaces_form_no_cycle()
    {
        var cycle = Graph.TopLevels().FindCycle();
        Assert.True(cycle is null, $"the namespaces form a cycle: {cycle}\nall dependencies:\n{Graph}");
    }

    [Fact]
    public void Each_top_level_namespace_uses_only_the_layers_below_it()
    {
        var top = Graph.TopLevels();
        var unknown = top.Namespaces.Where(n => !MayUse.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0, $"namespaces without a place in the layers (add them to {nameof(MayUse)} and docs/architecture.md): {string.Join(", ", unknown)}");
        var wrong = top.Namespaces.SelectMany(n => top.Uses(n).Where(t => !MayUse[n].Contains(t)).Select(t => $"{n} -> {t}")).ToList();
        Assert.True(wrong.Count == 0, $"dependencies against the layers:\n{string.Join("\n", wrong)}\nall dependencies:\n{Graph}");
    }

    [Fact]
    public void The_layers_allowed_form_no_cycle_themselves() =>
        Assert.Null(NamespaceGraph.Of(MayUse).FindCycle());

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var graph = NamespaceGraph.Of(new Dictionary<string, string[]>
        {
            [Model] = [],
            [Ingest] = [Archive, Model],
            [Archive] = [Search],
            [Search] = [Ingest, Model],
        });
        Assert.Equal($"{Archive} -> {Search} -> {Ingest} -> {Archive}", graph.FindCycle());
        Assert.Null(NamespaceGraph.Of(new Dictionary<string, string[]> { [Ingest] = [Archive], [Archive] = [Model] }).FindCycle());
    }

    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}
