using System.Globalization;
using System.Text;

namespace Tikiya.Bench;

/// <summary>
/// Each endpoint of Tikiya at saturation (<see cref="Load"/>): login, then refresh, then <c>me</c>, one after the
/// other, with the API's CPU (from its /metrics) and the machine's busy share over each, login's rate as a share of the
/// raw Argon2id rate, and the API's peak RSS.
/// </summary>
internal static class Saturation
{
    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var server = new Server("tikiya", new Uri(options.Require("target")), Api.Tikiya, options.GetInt("pid", 0, 0, int.MaxValue),
            new Uri(options.Require("metrics")));
        var accounts = await Account.ReadAllAsync(options.Require("users"), cancellationToken);
        var duration = TimeSpan.FromSeconds(options.GetInt("seconds", 20, 1, 600));
        var loginWorkers = options.GetInt("login-concurrency", Environment.ProcessorCount * 8, 1, 4096);
        var workers = options.GetInt("concurrency", 64, 1, 4096);
        var endpoints = (options.Get("endpoints") ?? "login,refresh,me").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var argon2Path = options.Get("argon2");
        var parameters = Report.Parameters(options);
        var outJson = options.Require("out-json");
        var outMarkdown = options.Require("out-md");
        options.ThrowIfUnused();

        using var http = Load.ClientFor(server, Math.Max(loginWorkers, workers));
        var phases = new List<PhaseResult>();
        foreach (var endpoint in endpoints)
        {
            var count = endpoint == "login" ? loginWorkers : workers;
            phases.Add(await Load.MeasureAsync(server, http, accounts, endpoint, count, duration, cancellationToken));
        }

        var argon2 = argon2Path is null ? null : await Json.ReadAsync<Argon2Result>(argon2Path, cancellationToken);
        var login = phases.Find(p => p.Endpoint == "login");
        var report = new SaturationReport(Report.Now(), parameters, Machine.Describe(), phases, argon2,
            login is not null && argon2 is { OpsPerSecond: > 0 } ? Math.Round(login.SuccessesPerSecond / argon2.OpsPerSecond, 3) : null,
            Usage.PeakRssMiB(server.Pid));
        await Json.WriteAsync(report, outJson, cancellationToken);
        await File.WriteAllTextAsync(outMarkdown, Markdown(report), cancellationToken);
        if (phases.Sum(p => p.UnexpectedStatuses + p.ConnectionErrors) > 0)
        {
            throw new BenchmarkException("answers other than 2xx/401/429/503/504, or connection errors (see the report)");
        }
    }

    private static string Markdown(SaturationReport r)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"# Saturation, {r.FinishedAt}\n\n");
        text.Append("Closed-loop workers (bench/Tikiya.Bench `saturate`), one endpoint at a time.\n\n");
        Report.AppendSetting(text, r.Machine, r.Parameters);
        text.Append("\n| endpoint | workers | seconds | 2xx/s | p50 / p95 / p99 ms | codes | API cores | machine busy |\n");
        text.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var p in r.Phases)
        {
            text.Append(c, $"| {p.Endpoint} | {p.Workers} | {p.Seconds} | **{p.SuccessesPerSecond}** | ");
            text.Append(c, $"{p.LatencyMs.P50} / {p.LatencyMs.P95} / {p.LatencyMs.P99} | {p.DescribeCodes()} | {p.ApiCores} | {p.MachineBusyPercent} % |\n");
        }

        text.Append(c, $"\nAPI peak RSS (VmHWM): {r.ApiPeakRssMiB} MiB.\n");
        if (r.Argon2 is { } a && r.LoginToArgon2 is { } ratio)
        {
            text.Append(c, $"\nRaw libsodium Argon2id (m={a.MemoryKib} KiB, t={a.Iterations}, {a.Workers} workers): {a.OpsPerSecond}/s; ");
            text.Append(c, $"login at saturation is **{ratio:P0}** of it.\n");
        }

        return text.ToString();
    }
}

internal sealed record SaturationReport(
    string FinishedAt,
    Dictionary<string, string> Parameters,
    Machine Machine,
    IReadOnlyList<PhaseResult> Phases,
    Argon2Result? Argon2,
    double? LoginToArgon2,
    double? ApiPeakRssMiB);
