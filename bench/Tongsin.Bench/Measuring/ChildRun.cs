using System.Diagnostics;
using System.Reflection;

namespace Tongsin.Bench.Measuring;

/// <summary>
/// Runs one measurement in a fresh process of this program, so each has its own peak memory and
/// none inherits the heap, JIT state or SQLite caches of another.
/// </summary>
internal static class ChildRun
{
    public static Measurement Run(params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program this is");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        Measurement? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (Measurement.FromLine(line) is { } m) result = m;
            else Console.WriteLine("  " + line);
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || result is null)
            throw new InvalidOperationException($"'{string.Join(' ', arguments)}' failed (exit code {process.ExitCode})");
        return result;
    }
}
