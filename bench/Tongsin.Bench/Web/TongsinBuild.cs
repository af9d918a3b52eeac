using System.Diagnostics;

namespace Tongsin.Bench.Web;

/// <summary>
/// Builds `tongsin` in Release from the repository this harness lives in, so the server measured
/// is the code beside it and not whatever build happened to be lying around.
/// </summary>
internal static class TongsinBuild
{
    public static string Release(TextWriter log)
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "Tongsin.App");
        log.WriteLine($"building {project} (Release) ...");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "build", project, "-c", "Release", "-nologo", "-v", "quiet" }) info.ArgumentList.Add(a);
        using var build = Process.Start(info) ?? throw new InvalidOperationException("dotnet build did not start");
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException($"building tongsin failed:\n{output}");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "tongsin.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"the build left no {dll}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tongsin.slnx"))) return dir.FullName;
        throw new InvalidOperationException("cannot find Tongsin.slnx above " + AppContext.BaseDirectory);
    }
}
