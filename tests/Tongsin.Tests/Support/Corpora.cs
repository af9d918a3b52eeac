using System.IO.Compression;
using System.Text.Json;

namespace Tongsin.Tests.Support;

/// <summary>The project's own corpus fixtures (invented records in the corpora's shapes), copied beside the test assembly.</summary>
public static class Corpora
{
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpora", name);

    /// <summary>Line <paramref name="number"/> (from 1) of a JSON lines fixture, parsed.</summary>
    public static JsonElement Line(string name, int number) =>
        JsonDocument.Parse(System.IO.File.ReadLines(File(name)).ElementAt(number - 1)).RootElement;

    /// <summary>A gzip copy of a fixture in <paramref name="folder"/>.</summary>
    public static string Gzipped(TempFolder folder, string name)
    {
        var path = folder.File(name + ".gz");
        using var output = System.IO.File.Create(path);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        using var input = System.IO.File.OpenRead(File(name));
        input.CopyTo(gzip);
        return path;
    }

    /// <summary>The shared corpora folder beside the repository, when it is there.</summary>
    public static string? Shared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!System.IO.File.Exists(Path.Combine(dir.FullName, "Tongsin.slnx"))) continue;
            var shared = Path.Combine(dir.FullName, "..", "shared", "corpora");
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }
}
