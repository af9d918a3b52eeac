using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Tongsin.Bench;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, double RamGiB, string Os, string Runtime, string Sqlite)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        long.TryParse(FirstValue("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0], out var kb) ? kb / 1024.0 / 1024.0 : 0,
        FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        SqliteVersion());

    public override string ToString() =>
        $"{Cores} cores ({Cpu}), {RamGiB:F0} GiB RAM, {Os}, {Runtime}, SQLite {Sqlite}";

    private static string? FirstValue(string file, string key, char separator)
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            var cut = line.IndexOf(separator);
            if (cut > 0 && line[..cut].Trim() == key) return line[(cut + 1)..].Trim();
        }
        return null;
    }

    private static string SqliteVersion()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }
}
