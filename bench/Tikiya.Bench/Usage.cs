using System.Diagnostics;
using System.Globalization;

namespace Tikiya.Bench;

/// <summary>
/// What the API and the machine have used up to one moment: the API's CPU seconds from its own /metrics on its
/// management port (the runtime's <c>dotnet.process.cpu.time</c>; absent for a server without /metrics), and the
/// machine's busy and total CPU ticks from /proc/stat, which no metric of the API has. Two of them make the use over
/// the interval between.
/// </summary>
internal sealed record Usage(long Timestamp, double? ApiCpuSeconds, long MachineBusy, long MachineTotal)
{
    private const string CpuMetric = "dotnet_process_cpu_time_seconds_total";

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        using var metrics = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri(options.Require("metrics")), // the management listener (METRICS_PORT)
            Timeout = TimeSpan.FromSeconds(10),
        };
        var output = options.Get("out");
        options.ThrowIfUnused();
        await Json.WriteAsync(await TakeAsync(metrics, cancellationToken), output, cancellationToken);
    }

    public static async Task<Usage> TakeAsync(HttpClient? metrics, CancellationToken cancellationToken)
    {
        double? cpu = null;
        if (metrics is not null)
        {
            // One sample line per CPU mode (user, system): their sum.
            var text = await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
            cpu = text.Split('\n').Where(l => l.StartsWith(CpuMetric, StringComparison.Ordinal))
                .Sum(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
        }

        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return new Usage(Stopwatch.GetTimestamp(), cpu, total - ticks[3] - ticks[4], total); // idle and iowait are not busy
    }

    public double? ApiCoresUntil(Usage later) => ApiCpuSeconds is { } from && later.ApiCpuSeconds is { } to
        ? Math.Round((to - from) / Stopwatch.GetElapsedTime(Timestamp, later.Timestamp).TotalSeconds, 2)
        : null;

    public double MachineBusyPercentUntil(Usage later) => later.MachineTotal > MachineTotal
        ? Math.Round((later.MachineBusy - MachineBusy) * 100.0 / (later.MachineTotal - MachineTotal), 1)
        : 0;

    /// <summary>The process's peak resident memory so far (VmHWM, in MiB): no metric has the peak, only the current
    /// working set, so it is read from /proc; null once the process is gone.</summary>
    public static double? PeakRssMiB(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (pid <= 0 || !File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? null
            : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0, 1);
    }
}
