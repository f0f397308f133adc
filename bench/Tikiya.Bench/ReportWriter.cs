using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tikiya.Bench;

/// <summary>
/// Turns one run's files into its results: the Artillery JSON report (per-endpoint counts and latencies, which the
/// metrics-by-endpoint plugin keys by request name), the raw limits measured before the load, and the API process's
/// samples (bench/run reads /proc every 500 ms: time, VmRSS, utime+stime, and the machine's busy and total ticks).
/// Writes a JSON file for tools and a Markdown file for people (bench/README.md explains both).
/// </summary>
internal static partial class ReportWriter
{
    private const string EndpointPrefix = "plugins.metrics-by-endpoint.";
    private const string LatencyPrefix = "plugins.metrics-by-endpoint.response_time.";
    private static readonly string[] KnownEndpoints = ["login", "me", "refresh", "logout"];

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var artilleryPath = options.Require("artillery");
        var argon2Path = options.Get("argon2");
        var sqlPath = options.Get("sql");
        var samplesPath = options.Get("samples");
        var clockTicks = options.GetInt("clk-tck", 100, 1, 1_000_000);
        var scenario = options.Require("scenario");
        var startedAt = options.Require("started-at");
        var parameters = options.GetAll("param").Select(SplitParameter).ToList();
        var checkPath = options.Get("check-output");
        var checkExit = options.GetInt("check-exit", 0, 0, 255);
        var outJson = options.Require("out-json");
        var outMarkdown = options.Require("out-md");
        options.ThrowIfUnused();

        using var artillery = JsonDocument.Parse(await File.ReadAllTextAsync(artilleryPath, cancellationToken));
        var aggregate = artillery.RootElement.GetProperty("aggregate");
        var counters = Counters(aggregate);
        var first = aggregate.GetProperty("firstCounterAt").GetDouble();
        var last = aggregate.GetProperty("lastCounterAt").GetDouble();
        var duration = Math.Max((last - first) / 1000, 0.001);

        var windows = Windows(artillery.RootElement, first, last);
        var endpoints = Endpoints(aggregate, counters, duration, windows);
        var limits = new Limits(
            argon2Path is null ? null : await Json.ReadAsync<Argon2Result>(argon2Path, cancellationToken),
            sqlPath is null ? null : await Json.ReadAsync<SqlResult>(sqlPath, cancellationToken));
        var checkText = checkPath is null ? "" : (await File.ReadAllTextAsync(checkPath, cancellationToken)).Trim();

        var report = new BenchReport(
            scenario,
            startedAt,
            parameters.ToDictionary(p => p.Key, p => p.Value),
            Machine.Describe(),
            Math.Round(duration, 1),
            endpoints,
            Totals(counters),
            samplesPath is null
                ? null
                : ApiResources.FromSamples(await File.ReadAllLinesAsync(samplesPath, cancellationToken), clockTicks, first, last),
            limits,
            Ratios(endpoints, limits),
            [.. windows.Select(w => w.Result)],
            new CheckResult(checkExit == 0, checkText));

        await Json.WriteAsync(report, outJson, cancellationToken);
        await File.WriteAllTextAsync(outMarkdown, Markdown(report), cancellationToken);
    }

    public static KeyValuePair<string, string> SplitParameter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new(text[..equals], text[(equals + 1)..])
            : throw new UsageException($"--param takes name=value, got '{text}'");
    }

    private static Dictionary<string, double> Counters(JsonElement period) =>
        period.TryGetProperty("counters", out var counters)
            ? counters.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDouble(), StringComparer.Ordinal)
            : [];

    private static JsonElement? Summary(JsonElement period, string name) =>
        period.TryGetProperty("summaries", out var summaries) && summaries.TryGetProperty(name, out var summary)
            ? summary
            : null;

    private static double Field(JsonElement? summary, string name) =>
        summary is { } s && s.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : 0;

    /// <summary>Each endpoint's status codes (2xx counted as successes) and errors, from one period's counters.</summary>
    private static Dictionary<string, (SortedDictionary<string, long> Codes, SortedDictionary<string, long> Errors)> ByEndpoint(
        Dictionary<string, double> counters)
    {
        var result = new Dictionary<string, (SortedDictionary<string, long>, SortedDictionary<string, long>)>(StringComparer.Ordinal);
        foreach (var (key, value) in counters)
        {
            var match = EndpointCounter().Match(key);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            if (!result.TryGetValue(name, out var entry))
            {
                entry = (new SortedDictionary<string, long>(StringComparer.Ordinal), new SortedDictionary<string, long>(StringComparer.Ordinal));
                result[name] = entry;
            }

            (match.Groups["kind"].Value == "codes" ? entry.Item1 : entry.Item2)[match.Groups["what"].Value] = (long)value;
        }

        return result;
    }

    private static long Successes(IReadOnlyDictionary<string, long> codes) =>
        codes.Where(c => c.Key.StartsWith('2')).Sum(c => c.Value);

    private static List<EndpointResult> Endpoints(JsonElement aggregate, Dictionary<string, double> counters, double duration,
        List<Window> windows)
    {
        var byEndpoint = ByEndpoint(counters);
        var names = KnownEndpoints.Where(byEndpoint.ContainsKey)
            .Concat(byEndpoint.Keys.Where(k => !KnownEndpoints.Contains(k)).Order(StringComparer.Ordinal));
        // Only windows of at least 5 s count for the best rate: the first and last are cut by the run's start and end.
        var fullWindows = windows.Where(w => w.Result.Seconds >= 5).ToList();
        return [.. names.Select(name =>
        {
            var (codes, errors) = byEndpoint[name];
            var responses = codes.Values.Sum();
            var failures = errors.Values.Sum();
            var successes = Successes(codes);
            var best = fullWindows.Count == 0
                ? successes / duration
                : fullWindows.Max(w => (w.Successes.GetValueOrDefault(name)) / w.Result.Seconds);
            var summary = Summary(aggregate, LatencyPrefix + name);
            return new EndpointResult(
                name,
                responses + failures,
                responses,
                successes,
                codes.Where(c => c.Key is "503" or "504").Sum(c => c.Value),
                failures,
                Math.Round((responses + failures) / duration, 1),
                Math.Round(successes / duration, 1),
                Math.Round(best, 1),
                new LatencySummary(Field(summary, "p50"), Field(summary, "p95"), Field(summary, "p99"), Field(summary, "max"),
                    Field(summary, "mean")),
                codes,
                errors);
        })];
    }

    private static Totals Totals(Dictionary<string, double> counters)
    {
        var codes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in counters)
        {
            if (key.StartsWith("http.codes.", StringComparison.Ordinal))
            {
                codes[key["http.codes.".Length..]] = (long)value;
            }
            else if (key.StartsWith("errors.", StringComparison.Ordinal))
            {
                errors[key["errors.".Length..]] = (long)value;
            }
        }

        return new Totals(
            (long)counters.GetValueOrDefault("http.requests"),
            (long)counters.GetValueOrDefault("http.responses"),
            codes,
            codes.Where(c => c.Key.StartsWith('5') && c.Key is not ("503" or "504")).Sum(c => c.Value),
            errors.Where(e => ConnectionError().IsMatch(e.Key)).Sum(e => e.Value),
            errors,
            (long)counters.GetValueOrDefault("vusers.created"),
            (long)counters.GetValueOrDefault("vusers.completed"),
            (long)counters.GetValueOrDefault("vusers.failed"));
    }

    /// <summary>Artillery's intermediate periods: 10 s windows aligned on the clock, so the first and the last are
    /// shorter; each is measured from its own first to its last counter.</summary>
    private static List<Window> Windows(JsonElement root, double runFirst, double runLast)
    {
        if (!root.TryGetProperty("intermediate", out var intermediate) || intermediate.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var windows = new List<Window>();
        foreach (var period in intermediate.EnumerateArray())
        {
            var start = double.Parse(period.GetProperty("period").ToString(), CultureInfo.InvariantCulture);
            var from = Math.Max(start, runFirst);
            var to = Math.Min(start + 10_000, runLast);
            var seconds = (to - from) / 1000;
            if (seconds <= 0)
            {
                continue;
            }

            var counters = Counters(period);
            var byEndpoint = ByEndpoint(counters);
            var successes = byEndpoint.ToDictionary(e => e.Key, e => Successes(e.Value.Codes), StringComparer.Ordinal);
            var rates = byEndpoint.ToDictionary(e => e.Key, e => Math.Round(Successes(e.Value.Codes) / seconds, 1),
                StringComparer.Ordinal);
            var shed = byEndpoint.Values.Sum(e => e.Codes.Where(c => c.Key is "503" or "504").Sum(c => c.Value));
            var p95 = KnownEndpoints.ToDictionary(n => n, n => Field(Summary(period, LatencyPrefix + n), "p95"),
                StringComparer.Ordinal);
            windows.Add(new Window(
                new WindowResult(Math.Round((from - runFirst) / 1000, 1), Math.Round(seconds, 1),
                    Math.Round(counters.GetValueOrDefault("vusers.created") / seconds, 1), rates, p95, shed,
                    byEndpoint.Values.Sum(e => e.Errors.Values.Sum())),
                successes));
        }

        return windows;
    }

    private static List<RatioResult> Ratios(List<EndpointResult> endpoints, Limits limits) =>
        limits.RatiosOf(name => endpoints.FirstOrDefault(e => e.Name == name) is { } e
            ? (e.SuccessesPerSecond, e.BestWindowSuccessesPerSecond)
            : null);

    private static string Markdown(BenchReport r)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Tikiya API load test: {r.Scenario}, {r.StartedAt}").AppendLine();
        md.AppendLine(r.Check.Passed
            ? "Check: **passed** (no 5xx other than 503/504, no connection errors)."
            : "Check: **FAILED**");
        if (r.Check.Output.Length > 0)
        {
            md.AppendLine().AppendLine("```").AppendLine(r.Check.Output).AppendLine("```");
        }

        md.AppendLine().AppendLine("## Parameters").AppendLine().AppendLine("| parameter | value |").AppendLine("|---|---|");
        foreach (var (name, value) in r.Parameters)
        {
            md.AppendLine(c, $"| {name} | {value} |");
        }

        var m = r.Machine;
        md.AppendLine().AppendLine("## Machine").AppendLine()
            .AppendLine(c, $"- nproc: {m.Processors}; CPU: {m.CpuModel}")
            .AppendLine(c, $"- memory: {m.MemoryMiB} MiB; kernel {m.Kernel}; {m.Runtime}")
            .AppendLine("- the load generator (Artillery), PostgreSQL and the API share this machine");
        if (r.Limits.Sql is { } sqlVersion)
        {
            md.AppendLine(c, $"- PostgreSQL {sqlVersion.ServerVersion}");
        }

        md.AppendLine().AppendLine(c, $"## Throughput and latency per endpoint (over {r.DurationSeconds} s)").AppendLine()
            .AppendLine("Latency is Artillery's time to the first byte of the response, in milliseconds; the best window is the")
            .AppendLine("highest 2xx rate of any full 10 s window.").AppendLine()
            .AppendLine("| endpoint | requests | 2xx | req/s | 2xx/s | best window 2xx/s | p50 | p95 | p99 | max |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var e in r.Endpoints)
        {
            md.AppendLine(c, $"| {e.Name} | {e.Requests} | {e.Successes} | {e.RequestsPerSecond} | {e.SuccessesPerSecond} | {e.BestWindowSuccessesPerSecond} | {e.LatencyMs.P50} | {e.LatencyMs.P95} | {e.LatencyMs.P99} | {e.LatencyMs.Max} |");
        }

        var statuses = r.Totals.Codes.Keys.Union(r.Endpoints.SelectMany(e => e.Codes.Keys)).Order(StringComparer.Ordinal).ToList();
        md.AppendLine().AppendLine("## Status codes and errors").AppendLine()
            .AppendLine(c, $"| endpoint | {string.Join(" | ", statuses)} | errors |")
            .AppendLine(c, $"|---|{string.Concat(statuses.Select(_ => "---:|"))}---|");
        foreach (var e in r.Endpoints)
        {
            md.AppendLine(c, $"| {e.Name} | {string.Join(" | ", statuses.Select(s => e.Codes.GetValueOrDefault(s)))} | {Describe(e.ErrorCounts)} |");
        }

        md.AppendLine(c, $"| **all** | {string.Join(" | ", statuses.Select(s => r.Totals.Codes.GetValueOrDefault(s)))} | {Describe(r.Totals.Errors)} |")
            .AppendLine()
            .AppendLine(c, $"5xx other than 503/504: {r.Totals.UnexpectedServerErrors}; connection errors: {r.Totals.ConnectionErrors}; virtual users: {r.Totals.VirtualUsersCreated} created, {r.Totals.VirtualUsersCompleted} completed, {r.Totals.VirtualUsersFailed} failed.");

        md.AppendLine().AppendLine("## API process").AppendLine();
        if (r.Api is { } api)
        {
            md.AppendLine(c, $"- peak RSS: {api.PeakRssMiB} MiB (at start of the load {api.StartRssMiB} MiB, at its end {api.EndRssMiB} MiB)")
                .AppendLine(c, $"- CPU over the run: {api.CpuPercentOfOneCore} % of one core = {api.CpuPercentOfAllCores} % of all {m.Processors} cores (busiest 500 ms: {api.PeakCpuPercentOfOneCore} % of one core)")
                .AppendLine(c, $"- whole machine busy: {api.MachineBusyPercent} % (API, PostgreSQL and Artillery together); {api.Samples} samples over {api.Seconds} s");
        }
        else
        {
            md.AppendLine("Not sampled.");
        }

        md.AppendLine().AppendLine("## Raw limits (measured in the same run, before the load)").AppendLine();
        if (r.Limits.Argon2 is { } a)
        {
            md.AppendLine(c, $"- Argon2id ({a.Hasher}, m={a.MemoryKib} KiB, t={a.Iterations}, p=1): **{a.OpsPerSecond} verifications/s** with {a.Workers} workers ({a.OpsPerSecondPerWorker} per worker; one takes {a.LatencyMs.P50} ms at p50)");
        }

        if (r.Limits.Sql is { } s)
        {
            md.AppendLine(c, $"- refresh SQL (select session + token, rotate, insert, xmin-checked update; one transaction): **{s.Refresh.OpsPerSecond}/s**, p50 {s.Refresh.LatencyMs.P50} ms, p99 {s.Refresh.LatencyMs.P99} ms")
                .AppendLine(c, $"- me SQL (session-active check + user select): **{s.Me.OpsPerSecond}/s**, p50 {s.Me.LatencyMs.P50} ms, p99 {s.Me.LatencyMs.P99} ms")
                .AppendLine(c, $"- SQL run through Npgsql by {s.Concurrency} workers on a pool of {s.PoolMax} (the API's DATABASE_POOL_MAX), {s.Sessions} sessions of its own");
        }

        md.AppendLine().AppendLine("## Throughput as a share of its limit").AppendLine()
            .AppendLine("| endpoint | limit | limit/s | 2xx/s | share of limit | best window 2xx/s | best window share |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var ratio in r.Ratios)
        {
            md.AppendLine(c, $"| {ratio.Endpoint} | {ratio.Limit} | {ratio.LimitPerSecond} | {ratio.SuccessesPerSecond} | {Percent(ratio.Ratio)} | {ratio.BestWindowSuccessesPerSecond} | {Percent(ratio.BestWindowRatio)} |");
        }

        md.AppendLine().AppendLine("In this flow every user logs in once before it refreshes and reads `me` once, so refresh and me can")
            .AppendLine("never outrun login: their ratios are small by construction and show headroom, not a bottleneck.");

        if (r.Windows.Count > 0)
        {
            md.AppendLine().AppendLine("## Per 10 s window").AppendLine()
                .AppendLine("| from s | width s | arrivals/s | login 2xx/s | me 2xx/s | refresh 2xx/s | logout 2xx/s | login p95 ms | me p95 ms | 503+504 | errors |")
                .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var w in r.Windows)
            {
                md.AppendLine(c, $"| {w.FromSecond} | {w.Seconds} | {w.ArrivalsPerSecond} | {w.SuccessesPerSecond.GetValueOrDefault("login")} | {w.SuccessesPerSecond.GetValueOrDefault("me")} | {w.SuccessesPerSecond.GetValueOrDefault("refresh")} | {w.SuccessesPerSecond.GetValueOrDefault("logout")} | {w.P95Ms.GetValueOrDefault("login")} | {w.P95Ms.GetValueOrDefault("me")} | {w.Shed} | {w.Errors} |");
            }
        }

        return md.ToString();
    }

    /// <summary>A ratio as a percentage, to two significant digits at least: 0.987 is "98.7 %", 0.059 "5.9 %", 0.0004 "0.040 %".</summary>
    private static string Percent(double ratio)
    {
        var percent = ratio * 100;
        var decimals = percent == 0 ? 0 : percent >= 10 ? 1 : Math.Clamp(1 - (int)Math.Floor(Math.Log10(percent)), 1, 4);
        return percent.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %";
    }

    private static string Describe(IReadOnlyDictionary<string, long> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value}")));

    [GeneratedRegex(@"^plugins\.metrics-by-endpoint\.(?<name>.+)\.(?<kind>codes|errors)\.(?<what>.+)$")]
    private static partial Regex EndpointCounter();

    // As tests/load/check-report.mjs: Node's system and ERR_ codes, and the socket messages that carry no code.
    [GeneratedRegex(@"^(E[A-Z0-9_]+|ERR_[A-Z0-9_]+|socket hang up|Client network socket disconnected.*|.*timeout.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionError();

    private sealed record Window(WindowResult Result, Dictionary<string, long> Successes);
}

internal sealed record BenchReport(
    string Scenario,
    string StartedAt,
    Dictionary<string, string> Parameters,
    Machine Machine,
    double DurationSeconds,
    IReadOnlyList<EndpointResult> Endpoints,
    Totals Totals,
    ApiResources? Api,
    Limits Limits,
    IReadOnlyList<RatioResult> Ratios,
    IReadOnlyList<WindowResult> Windows,
    CheckResult Check);

internal sealed record EndpointResult(
    string Name,
    long Requests,
    long Responses,
    long Successes,
    long Shed,
    long Errors,
    double RequestsPerSecond,
    double SuccessesPerSecond,
    double BestWindowSuccessesPerSecond,
    LatencySummary LatencyMs,
    IReadOnlyDictionary<string, long> Codes,
    IReadOnlyDictionary<string, long> ErrorCounts);

internal sealed record LatencySummary(double P50, double P95, double P99, double Max, double Mean);

internal sealed record Totals(
    long Requests,
    long Responses,
    IReadOnlyDictionary<string, long> Codes,
    long UnexpectedServerErrors,
    long ConnectionErrors,
    IReadOnlyDictionary<string, long> Errors,
    long VirtualUsersCreated,
    long VirtualUsersCompleted,
    long VirtualUsersFailed);

internal sealed record Limits(Argon2Result? Argon2, SqlResult? Sql)
{
    /// <summary>Each endpoint's throughput as a ratio to its raw limit; <paramref name="measured"/> gives an endpoint's
    /// 2xx/s and its best window's, or null when the run did not measure it.</summary>
    public List<RatioResult> RatiosOf(Func<string, (double PerSecond, double BestWindow)?> measured)
    {
        var ratios = new List<RatioResult>();
        void Add(string endpoint, string limitName, double? limit)
        {
            if (measured(endpoint) is { } rate && limit is > 0)
            {
                ratios.Add(new RatioResult(endpoint, limitName, limit.Value, rate.PerSecond,
                    Math.Round(rate.PerSecond / limit.Value, 5), rate.BestWindow, Math.Round(rate.BestWindow / limit.Value, 5)));
            }
        }

        Add("login", "Argon2id verifications/s", Argon2?.OpsPerSecond);
        Add("refresh", "refresh SQL transactions/s", Sql?.Refresh.OpsPerSecond);
        Add("me", "me SQL (session check + user select)/s", Sql?.Me.OpsPerSecond);
        return ratios;
    }
}

internal sealed record RatioResult(
    string Endpoint,
    string Limit,
    double LimitPerSecond,
    double SuccessesPerSecond,
    double Ratio,
    double BestWindowSuccessesPerSecond,
    double BestWindowRatio);

internal sealed record WindowResult(
    double FromSecond,
    double Seconds,
    double ArrivalsPerSecond,
    IReadOnlyDictionary<string, double> SuccessesPerSecond,
    IReadOnlyDictionary<string, double> P95Ms,
    long Shed,
    long Errors);

internal sealed record CheckResult(bool Passed, string Output);

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

internal sealed record ApiResources(
    int Samples,
    double Seconds,
    double PeakRssMiB,
    double StartRssMiB,
    double EndRssMiB,
    double CpuPercentOfOneCore,
    double CpuPercentOfAllCores,
    double PeakCpuPercentOfOneCore,
    double MachineBusyPercent)
{
    /// <summary>Lines of "epoch-ms VmRSS-KiB utime+stime-ticks machine-busy-ticks machine-total-ticks"; only those of
    /// the load itself count (from one sample before Artillery's first request to one after its last), not Artillery's
    /// start-up and shutdown around it.</summary>
    public static ApiResources? FromSamples(IEnumerable<string> lines, int clockTicks, double loadFirstMs, double loadLastMs)
    {
        var all = lines
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 5)
            .Select(f => f.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        var from = all.FindLastIndex(s => s[0] <= loadFirstMs);
        var to = all.FindIndex(s => s[0] >= loadLastMs);
        var samples = all[Math.Max(from, 0)..(to < 0 ? all.Count : to + 1)];
        if (samples.Count < 2)
        {
            return null;
        }

        var (first, last) = (samples[0], samples[^1]);
        var seconds = (last[0] - first[0]) / 1000;
        double CpuPercent(double[] from, double[] to) => (to[2] - from[2]) / clockTicks / ((to[0] - from[0]) / 1000) * 100;
        var oneCore = CpuPercent(first, last);
        var peak = samples.Zip(samples.Skip(1)).Where(p => p.Second[0] > p.First[0]).Max(p => CpuPercent(p.First, p.Second));
        var busy = last[4] > first[4] ? (last[3] - first[3]) / (last[4] - first[4]) * 100 : 0;
        return new ApiResources(samples.Count, Math.Round(seconds, 1), Math.Round(samples.Max(s => s[1]) / 1024, 1),
            Math.Round(first[1] / 1024, 1), Math.Round(last[1] / 1024, 1), Math.Round(oneCore, 1),
            Math.Round(oneCore / Environment.ProcessorCount, 1), Math.Round(peak, 1), Math.Round(busy, 1));
    }
}
