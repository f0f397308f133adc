using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tikiya.Bench;

/// <summary>
/// Turns one Artillery run's files into its results: the Artillery JSON report (per-endpoint counts and latencies,
/// which the metrics-by-endpoint plugin keys by request name, and its 10 s windows), the raw Argon2id rate measured
/// before the load, and the API's use of CPU over the load (two <see cref="Usage"/> files, before and after) with its
/// peak RSS. Writes a JSON file for tools, a Markdown file for people (bench/README.md explains both) and, with
/// --out-windows, the windows as a tab-separated table for bench/windows.gp's chart.
/// </summary>
internal static partial class ReportWriter
{
    private const string LatencyPrefix = "plugins.metrics-by-endpoint.response_time.";
    private static readonly string[] KnownEndpoints = ["login", "me", "refresh", "logout"];
    private static readonly string[] Refusals = ["429", "503", "504"];

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var artilleryPath = options.Require("artillery");
        var argon2Path = options.Get("argon2");
        var usageBefore = options.Get("usage-before");
        var usageAfter = options.Get("usage-after");
        var pid = options.GetInt("pid", 0, 0, int.MaxValue);
        var scenario = options.Require("scenario");
        var startedAt = options.Require("started-at");
        var parameters = Report.Parameters(options);
        var checkPath = options.Get("check-output");
        var checkExit = options.GetInt("check-exit", 0, 0, 255);
        var chart = options.Get("chart");
        var outJson = options.Require("out-json");
        var outMarkdown = options.Require("out-md");
        var outWindows = options.Get("out-windows");
        options.ThrowIfUnused();

        using var artillery = JsonDocument.Parse(await File.ReadAllTextAsync(artilleryPath, cancellationToken));
        var aggregate = artillery.RootElement.GetProperty("aggregate");
        var counters = Counters(aggregate);
        var first = aggregate.GetProperty("firstCounterAt").GetDouble();
        var last = aggregate.GetProperty("lastCounterAt").GetDouble();
        var duration = Math.Max((last - first) / 1000, 0.001);

        var windows = Windows(artillery.RootElement, first, last);
        var endpoints = Endpoints(aggregate, counters, duration, windows);
        var argon2 = argon2Path is null ? null : await Json.ReadAsync<Argon2Result>(argon2Path, cancellationToken);
        ApiUse? api = null;
        if (usageBefore is not null && usageAfter is not null)
        {
            var (before, after) = (await Json.ReadAsync<Usage>(usageBefore, cancellationToken), await Json.ReadAsync<Usage>(usageAfter, cancellationToken));
            api = new ApiUse(Usage.PeakRssMiB(pid), before.ApiCoresUntil(after), before.MachineBusyPercentUntil(after));
        }

        var login = endpoints.Find(e => e.Name == "login");
        var report = new BenchReport(scenario, startedAt, parameters, Machine.Describe(), Math.Round(duration, 1), endpoints,
            Totals(counters), api, argon2,
            login is not null && argon2 is { OpsPerSecond: > 0 } a
                ? new LoginShare(Math.Round(login.SuccessesPerSecond / a.OpsPerSecond, 3), Math.Round(login.BestWindowSuccessesPerSecond / a.OpsPerSecond, 3))
                : null,
            windows, new CheckResult(checkExit == 0, checkPath is null ? "" : (await File.ReadAllTextAsync(checkPath, cancellationToken)).Trim()));

        await Json.WriteAsync(report, outJson, cancellationToken);
        await File.WriteAllTextAsync(outMarkdown, Markdown(report, chart), cancellationToken);
        if (outWindows is not null)
        {
            await File.WriteAllTextAsync(outWindows, WindowTable(windows), cancellationToken);
        }
    }

    private static Dictionary<string, double> Counters(JsonElement period) =>
        period.TryGetProperty("counters", out var counters)
            ? counters.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDouble(), StringComparer.Ordinal)
            : [];

    private static double Field(JsonElement period, string summary, string name) =>
        period.TryGetProperty("summaries", out var summaries) && summaries.TryGetProperty(summary, out var s)
            && s.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : 0;

    /// <summary>Each endpoint's status codes and errors, from one period's counters.</summary>
    private static Dictionary<string, (SortedDictionary<string, long> Codes, SortedDictionary<string, long> Errors)> ByEndpoint(
        Dictionary<string, double> counters)
    {
        var result = new Dictionary<string, (SortedDictionary<string, long>, SortedDictionary<string, long>)>(StringComparer.Ordinal);
        foreach (var (key, value) in counters)
        {
            if (EndpointCounter().Match(key) is not { Success: true } match)
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

    private static long Successes(IReadOnlyDictionary<string, long> codes) => codes.Where(c => c.Key.StartsWith('2')).Sum(c => c.Value);

    private static List<EndpointResult> Endpoints(JsonElement aggregate, Dictionary<string, double> counters, double duration,
        List<WindowResult> windows)
    {
        var byEndpoint = ByEndpoint(counters);
        var names = KnownEndpoints.Where(byEndpoint.ContainsKey)
            .Concat(byEndpoint.Keys.Where(k => !KnownEndpoints.Contains(k)).Order(StringComparer.Ordinal));
        // Only windows of at least 5 s count for the best rate: the first and last are cut by the run's start and end.
        var fullWindows = windows.Where(w => w.Seconds >= 5).ToList();
        return [.. names.Select(name =>
        {
            var (codes, errors) = byEndpoint[name];
            var (responses, failures, successes) = (codes.Values.Sum(), errors.Values.Sum(), Successes(codes));
            var best = fullWindows.Count == 0 ? successes / duration : fullWindows.Max(w => w.SuccessesPerSecond.GetValueOrDefault(name));
            double Ms(string field) => Field(aggregate, LatencyPrefix + name, field);
            return new EndpointResult(name, responses + failures, successes, Math.Round((responses + failures) / duration, 1),
                Math.Round(successes / duration, 1), Math.Round(best, 1), new Latency(Ms("p50"), Ms("p95"), Ms("p99"), Ms("max")),
                codes, errors);
        })];
    }

    private static Totals Totals(Dictionary<string, double> counters)
    {
        SortedDictionary<string, long> Prefixed(string prefix) => new(
            counters.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(c => c.Key[prefix.Length..], c => (long)c.Value),
            StringComparer.Ordinal);
        var (codes, errors) = (Prefixed("http.codes."), Prefixed("errors."));
        return new Totals(codes, codes.Where(c => c.Key.StartsWith('5') && c.Key is not ("503" or "504")).Sum(c => c.Value),
            errors.Where(e => ConnectionError().IsMatch(e.Key)).Sum(e => e.Value), errors,
            (long)counters.GetValueOrDefault("vusers.created"), (long)counters.GetValueOrDefault("vusers.completed"),
            (long)counters.GetValueOrDefault("vusers.failed"));
    }

    /// <summary>Artillery's intermediate periods: 10 s windows aligned on the clock, so the first and the last are
    /// shorter; each is measured from its own first to its last counter.</summary>
    private static List<WindowResult> Windows(JsonElement root, double runFirst, double runLast)
    {
        if (!root.TryGetProperty("intermediate", out var intermediate) || intermediate.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var windows = new List<WindowResult>();
        foreach (var period in intermediate.EnumerateArray())
        {
            var start = double.Parse(period.GetProperty("period").ToString(), CultureInfo.InvariantCulture);
            var (from, to) = (Math.Max(start, runFirst), Math.Min(start + 10_000, runLast));
            var seconds = (to - from) / 1000;
            if (seconds <= 0)
            {
                continue;
            }

            var counters = Counters(period);
            var byEndpoint = ByEndpoint(counters);
            double PerSecond(long count) => Math.Round(count / seconds, 1);
            windows.Add(new WindowResult(Math.Round((from - runFirst) / 1000, 1), Math.Round(seconds, 1),
                PerSecond((long)counters.GetValueOrDefault("vusers.created")),
                byEndpoint.ToDictionary(e => e.Key, e => PerSecond(Successes(e.Value.Codes)), StringComparer.Ordinal),
                Refusals.ToDictionary(r => r, r => PerSecond(byEndpoint.Values.Sum(e => e.Codes.GetValueOrDefault(r))), StringComparer.Ordinal),
                KnownEndpoints.ToDictionary(n => n, n => Field(period, LatencyPrefix + n, "p99"), StringComparer.Ordinal),
                byEndpoint.Values.Sum(e => e.Errors.Values.Sum())));
        }

        return windows;
    }

    /// <summary>The windows for gnuplot: the middle of each window, then its rates and p99s (see bench/windows.gp). A
    /// window under 5 s (the run's last, cut by its end) is left out: its few answers would show as a spike.</summary>
    private static string WindowTable(List<WindowResult> windows)
    {
        var text = new StringBuilder("# t_s\tarrivals\t" + string.Join('\t', KnownEndpoints.Select(e => e + "_2xx"))
            + "\t" + string.Join('\t', Refusals.Select(r => "r" + r)) + "\t" + string.Join('\t', KnownEndpoints.Select(e => e + "_p99_ms")) + "\n");
        foreach (var w in windows.Where(w => w.Seconds >= 5))
        {
            IEnumerable<double> cells = [w.FromSecond + w.Seconds / 2, w.ArrivalsPerSecond,
                .. KnownEndpoints.Select(e => w.SuccessesPerSecond.GetValueOrDefault(e)),
                .. Refusals.Select(r => w.RefusalsPerSecond[r]), .. KnownEndpoints.Select(e => w.P99Ms[e])];
            text.AppendJoin('\t', cells.Select(v => v.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    private static string Markdown(BenchReport r, string? chart)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.Append(c, $"# Tikiya API load test: {r.Scenario}, {r.StartedAt}\n\n");
        md.Append(r.Check.Passed ? "Check: **passed** (no 5xx other than 503/504, no connection errors).\n" : "Check: **FAILED**\n");
        if (r.Check.Output.Length > 0)
        {
            md.Append(c, $"\n```\n{r.Check.Output}\n```\n");
        }

        md.Append("\n## Parameters and machine\n\n");
        Report.AppendSetting(md, r.Machine, r.Parameters);
        md.Append("- the load generator (Artillery), PostgreSQL and the API share this machine\n");

        md.Append(c, $"\n## Throughput and latency per endpoint (over {r.DurationSeconds} s)\n\n")
            .Append("Latency is Artillery's time to the first byte of the response, in milliseconds; the best window is the\n")
            .Append("highest 2xx rate of any full 10 s window.\n\n")
            .Append("| endpoint | requests | 2xx | req/s | 2xx/s | best window 2xx/s | p50 | p95 | p99 | max |\n")
            .Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var e in r.Endpoints)
        {
            md.Append(c, $"| {e.Name} | {e.Requests} | {e.Successes} | {e.RequestsPerSecond} | {e.SuccessesPerSecond} | {e.BestWindowSuccessesPerSecond} | {e.LatencyMs.P50} | {e.LatencyMs.P95} | {e.LatencyMs.P99} | {e.LatencyMs.Max} |\n");
        }

        var statuses = r.Totals.Codes.Keys.Union(r.Endpoints.SelectMany(e => e.Codes.Keys)).Order(StringComparer.Ordinal).ToList();
        md.Append("\n## Status codes and errors\n\n")
            .Append(c, $"| endpoint | {string.Join(" | ", statuses)} | errors |\n")
            .Append(c, $"|---|{string.Concat(statuses.Select(_ => "---:|"))}---|\n");
        foreach (var e in r.Endpoints)
        {
            md.Append(c, $"| {e.Name} | {string.Join(" | ", statuses.Select(s => e.Codes.GetValueOrDefault(s)))} | {Describe(e.ErrorCounts)} |\n");
        }

        md.Append(c, $"| **all** | {string.Join(" | ", statuses.Select(s => r.Totals.Codes.GetValueOrDefault(s)))} | {Describe(r.Totals.Errors)} |\n\n")
            .Append(c, $"5xx other than 503/504: {r.Totals.UnexpectedServerErrors}; connection errors: {r.Totals.ConnectionErrors}; virtual users: {r.Totals.VirtualUsersCreated} created, {r.Totals.VirtualUsersCompleted} completed, {r.Totals.VirtualUsersFailed} failed.\n");

        md.Append("\n## API process and raw limit\n\n");
        if (r.Api is { } api)
        {
            md.Append(c, $"- peak RSS (VmHWM): {api.PeakRssMiB} MiB; CPU over the load (its /metrics): {api.Cores} cores; whole machine busy: {api.MachineBusyPercent} %\n");
        }

        if (r.Argon2 is { } a)
        {
            md.Append(c, $"- raw libsodium Argon2id (m={a.MemoryKib} KiB, t={a.Iterations}, p=1, {a.Workers} workers, before the load): **{a.OpsPerSecond} verifications/s** ({a.LatencyMs.P50} ms each at p50)\n");
        }

        if (r.LoginShare is { } share)
        {
            md.Append(c, $"- login 2xx/s as a share of it: {share.OverRun:P1} over the run, {share.BestWindow:P1} in the best window\n");
        }

        if (r.Windows.Count > 0)
        {
            md.Append("\n## Per 10 s window\n\n");
            if (chart is not null)
            {
                md.Append(c, $"![{r.Scenario}: throughput, refusals and p99 per 10 s window]({chart})\n\n");
            }

            md.Append("| from s | width s | arrivals/s | login 2xx/s | me 2xx/s | refresh 2xx/s | logout 2xx/s | 429/s | 503/s | 504/s | login p99 ms | me p99 ms | refresh p99 ms | errors |\n")
                .Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var w in r.Windows)
            {
                double Ok(string e) => w.SuccessesPerSecond.GetValueOrDefault(e);
                md.Append(c, $"| {w.FromSecond} | {w.Seconds} | {w.ArrivalsPerSecond} | {Ok("login")} | {Ok("me")} | {Ok("refresh")} | {Ok("logout")} | {w.RefusalsPerSecond["429"]} | {w.RefusalsPerSecond["503"]} | {w.RefusalsPerSecond["504"]} | {w.P99Ms["login"]} | {w.P99Ms["me"]} | {w.P99Ms["refresh"]} | {w.Errors} |\n");
            }
        }

        return md.ToString();
    }

    private static string Describe(IReadOnlyDictionary<string, long> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value}")));

    [GeneratedRegex(@"^plugins\.metrics-by-endpoint\.(?<name>.+)\.(?<kind>codes|errors)\.(?<what>.+)$")]
    private static partial Regex EndpointCounter();

    // As tests/load/check-report.mjs: Node's system and ERR_ codes, and the socket messages that carry no code.
    [GeneratedRegex(@"^(E[A-Z0-9_]+|ERR_[A-Z0-9_]+|socket hang up|Client network socket disconnected.*|.*timeout.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionError();
}

internal sealed record BenchReport(
    string Scenario,
    string StartedAt,
    Dictionary<string, string> Parameters,
    Machine Machine,
    double DurationSeconds,
    IReadOnlyList<EndpointResult> Endpoints,
    Totals Totals,
    ApiUse? Api,
    Argon2Result? Argon2,
    LoginShare? LoginShare,
    IReadOnlyList<WindowResult> Windows,
    CheckResult Check);

internal sealed record EndpointResult(
    string Name,
    long Requests,
    long Successes,
    double RequestsPerSecond,
    double SuccessesPerSecond,
    double BestWindowSuccessesPerSecond,
    Latency LatencyMs,
    IReadOnlyDictionary<string, long> Codes,
    IReadOnlyDictionary<string, long> ErrorCounts);

internal sealed record Totals(
    IReadOnlyDictionary<string, long> Codes,
    long UnexpectedServerErrors,
    long ConnectionErrors,
    IReadOnlyDictionary<string, long> Errors,
    long VirtualUsersCreated,
    long VirtualUsersCompleted,
    long VirtualUsersFailed);

internal sealed record ApiUse(double? PeakRssMiB, double? Cores, double MachineBusyPercent);

/// <summary>Login's 2xx/s over the raw Argon2id rate: over the whole run, and in its best full window.</summary>
internal sealed record LoginShare(double OverRun, double BestWindow);

internal sealed record WindowResult(
    double FromSecond,
    double Seconds,
    double ArrivalsPerSecond,
    IReadOnlyDictionary<string, double> SuccessesPerSecond,
    IReadOnlyDictionary<string, double> RefusalsPerSecond,
    IReadOnlyDictionary<string, double> P99Ms,
    long Errors);

internal sealed record CheckResult(bool Passed, string Output);
