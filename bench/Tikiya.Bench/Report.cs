using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Tikiya.Bench;

/// <summary>What every report starts with: when, the run's parameters (bench/run's <c>--param name=value</c>), and
/// the machine.</summary>
internal static class Report
{
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Parameters(CommandLine options) =>
        options.GetAll("param").Select(text => text.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (Name: text[..equals], Value: text[(equals + 1)..])
                : throw new UsageException($"--param takes name=value, got '{text}'"))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    public static void AppendSetting(StringBuilder text, Machine m, Dictionary<string, string> parameters)
    {
        text.Append(CultureInfo.InvariantCulture,
            $"Machine: {m.Processors} cores ({m.CpuModel}), {m.MemoryMiB} MiB, kernel {m.Kernel}, {m.Runtime}.\n\n");
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {name}: {value}\n");
        }
    }
}

internal sealed record Machine(int Processors, string CpuModel, long MemoryMiB, string Kernel, string Runtime)
{
    public static Machine Describe()
    {
        static string? Line(string path, string prefix) => File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            : null;

        var model = Line("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = Line("/proc/meminfo", "MemTotal:") is { } mem
            ? long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024
            : 0;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;
        return new Machine(Environment.ProcessorCount, model, memory, kernel, RuntimeInformation.FrameworkDescription);
    }
}
