namespace Tongsin.Bench.Measuring;

/// <summary>The highest resident set size this process has had, from the kernel's own count.</summary>
internal static class PeakMemory
{
    public static long Bytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
