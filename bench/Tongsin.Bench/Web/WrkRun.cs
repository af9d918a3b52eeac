using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tongsin.Bench.Web;

/// <summary>What wrk counted in one run: throughput, latency percentiles of completed requests, and every kind of error.</summary>
internal sealed record WrkResult(
    string Name, long Requests, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    long Connect, long Read, long Write, long Status, long Timeout)
{
    /// <summary>How many answers had each status, when the run counted them.</summary>
    public IReadOnlyDictionary<int, long> Statuses { get; init; } = new Dictionary<int, long>();

    public double RequestsPerSecond => Requests / Seconds;

    public long Errors => Connect + Read + Write + Status + Timeout;
}

/// <summary>
/// Runs wrk against the server with a Lua script that rotates through a fixed list of addresses
/// and prints its figures in one line that is read back here.
/// </summary>
internal static class WrkRun
{
    private const string Prefix = "WRK ";

    public static WrkResult Run(string name, Uri server, IReadOnlyList<string> paths, int seconds, int threads, int connections, int timeoutSeconds, bool countStatuses = false)
    {
        var script = Path.Combine(Path.GetTempPath(), $"tongsin-wrk-{Environment.ProcessId}-{name}.lua");
        File.WriteAllText(script, Script(paths, countStatuses));
        try
        {
            var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "-t", threads.ToString(), "-c", connections.ToString(), "-d", seconds + "s", "--timeout", timeoutSeconds + "s", "-s", script, server.ToString() })
                info.ArgumentList.Add(a);
            using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
            WrkResult? result = null;
            while (wrk.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith(Prefix, StringComparison.Ordinal)) result = Parse(name, line[Prefix.Length..]);
                else Console.Error.WriteLine("  wrk: " + line);
            }
            wrk.WaitForExit();
            if (wrk.ExitCode != 0 || result is null) throw new InvalidOperationException($"wrk failed on {name} (exit code {wrk.ExitCode})");
            return result;
        }
        finally { File.Delete(script); }
    }

    // Each thread starts at its own place in the list, so the threads do not ask the same thing in step.
    // Latencies come from wrk in microseconds; requests slower than --timeout count as timeouts, not latencies.
    // With countStatuses, each thread counts its answers by status (a response() callback costs wrk
    // some speed, so the other benchmarks go without) and done() adds up the threads' counts.
    private static string Script(IReadOnlyList<string> paths, bool countStatuses)
    {
        var sb = new StringBuilder();
        sb.AppendLine("local paths = {");
        foreach (var p in paths)
        {
            if (p.Contains('"') || p.Contains('\\')) throw new ArgumentException($"'{p}' is not URL-encoded");
            sb.Append("  \"").Append(p).AppendLine("\",");
        }
        sb.AppendLine("""
            }
            local started = 0
            local threads = {}
            function setup(thread)
              thread:set("offset", started * 7919)
              started = started + 1
              table.insert(threads, thread)
            end
            local counter = 0
            function init(args)
              counter = offset or 0
            end
            function request()
              counter = counter + 1
              return wrk.format("GET", paths[(counter % #paths) + 1])
            end
            function done(summary, latency, requests)
              local e = summary.errors
              local counted = {}
              for _, t in ipairs(threads) do
                for code, n in pairs(t:get("statuses") or {}) do counted[code] = (counted[code] or 0) + n end
              end
              local line = ""
              for code, n in pairs(counted) do line = line .. string.format(" s%d=%d", code, n) end
              io.write(string.format("WRK requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d%s\n",
                summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, line))
            end
            """);
        if (countStatuses)
        {
            sb.AppendLine("""
                statuses = {}
                function response(status, headers, body)
                  statuses[status] = (statuses[status] or 0) + 1
                end
                """);
        }
        return sb.ToString();
    }

    private static WrkResult Parse(string name, string line)
    {
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(kv => kv[0], kv => long.Parse(kv[1], CultureInfo.InvariantCulture));
        double Ms(string key) => values[key] / 1000.0;
        var statuses = values.Where(kv => kv.Key.StartsWith('s') && int.TryParse(kv.Key[1..], out _))
            .ToDictionary(kv => int.Parse(kv.Key[1..], CultureInfo.InvariantCulture), kv => kv.Value);
        return new WrkResult(name, values["requests"], values["duration_us"] / 1e6,
            Ms("p50_us"), Ms("p90_us"), Ms("p99_us"), Ms("max_us"),
            values["connect"], values["read"], values["write"], values["status"], values["timeout"]) { Statuses = statuses };
    }
}
