using System.Globalization;
using System.Text;

namespace Tikiya.Bench;

/// <summary>
/// Tikiya beside the stock Identity app (bench/IdentityPeer), issue 11's cases: the same closed-loop driver
/// (<see cref="Load"/>), the same accounts and the same PostgreSQL. First each server is warmed up on every endpoint
/// (not counted: JIT, pools, caches), then each case runs on Tikiya and at once on the peer, so that both meet the
/// machine in the same state. Tikiya must answer only 2xx/401/429/503/504 with no connection error, or the run fails.
/// </summary>
internal static class Compare
{
    private static readonly (string Endpoint, int Clients)[] Cases =
        [("login", 8), ("refresh", 8), ("refresh", 32), ("me", 32), ("me", 64)];

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var tikiya = new Server("tikiya", new Uri(options.Require("tikiya")), Api.Tikiya, options.GetInt("tikiya-pid", 0, 0, int.MaxValue),
            new Uri(options.Require("tikiya-metrics")));
        var peer = new Server("identity", new Uri(options.Require("peer")), Api.Identity, options.GetInt("peer-pid", 0, 0, int.MaxValue));
        var accounts = await Account.ReadAllAsync(options.Require("users"), cancellationToken);
        var duration = TimeSpan.FromSeconds(options.GetInt("seconds", 20, 1, 600));
        var warmUp = TimeSpan.FromSeconds(options.GetInt("warm-up", 5, 1, 600));
        var argon2Path = options.Get("argon2");
        var parameters = Report.Parameters(options);
        var outJson = options.Require("out-json");
        var outMarkdown = options.Require("out-md");
        options.ThrowIfUnused();

        var most = Cases.Max(c => c.Clients);
        using var tikiyaHttp = Load.ClientFor(tikiya, most);
        using var peerHttp = Load.ClientFor(peer, most);
        foreach (var (server, http) in new[] { (tikiya, tikiyaHttp), (peer, peerHttp) })
        {
            foreach (var endpoint in Cases.Select(c => c.Endpoint).Distinct())
            {
                _ = await Load.MeasureAsync(server, http, accounts, endpoint, Cases.First(c => c.Endpoint == endpoint).Clients,
                    warmUp, cancellationToken);
            }
        }

        var argon2 = argon2Path is null ? null : await Json.ReadAsync<Argon2Result>(argon2Path, cancellationToken);
        var rows = new List<CaseResult>();
        foreach (var (endpoint, clients) in Cases)
        {
            var ours = await Load.MeasureAsync(tikiya, tikiyaHttp, accounts, endpoint, clients, duration, cancellationToken);
            var theirs = await Load.MeasureAsync(peer, peerHttp, accounts, endpoint, clients, duration, cancellationToken);
            rows.Add(new CaseResult(endpoint, clients, ours, theirs, Ratio(ours.SuccessesPerSecond, theirs.SuccessesPerSecond),
                endpoint == "login" ? Ratio(ours.SuccessesPerSecond, argon2?.OpsPerSecond ?? 0) : null));
        }

        var passed = rows.All(r => r.Tikiya.UnexpectedStatuses + r.Tikiya.ConnectionErrors == 0);
        var report = new CompareReport(Report.Now(), parameters, Machine.Describe(), rows, argon2,
            Usage.PeakRssMiB(tikiya.Pid), Usage.PeakRssMiB(peer.Pid), passed);
        await Json.WriteAsync(report, outJson, cancellationToken);
        await File.WriteAllTextAsync(outMarkdown, Markdown(report), cancellationToken);
        if (!passed)
        {
            throw new BenchmarkException("Tikiya answered other than 2xx/401/429/503/504, or had connection errors (see the report)");
        }
    }

    private static double? Ratio(double ours, double theirs) => theirs > 0 ? Math.Round(ours / theirs, 2) : null;

    private static string Markdown(CompareReport r)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"# Tikiya against a stock ASP.NET Core Identity app, {r.FinishedAt}\n\n");
        text.Append(r.Passed
            ? "Check: **passed** (Tikiya answered only 2xx/401/429/503/504, no connection errors).\n\n"
            : "Check: **FAILED** (Tikiya answered something else, or connections failed: see the status mix).\n\n");
        Report.AppendSetting(text, r.Machine, r.Parameters);
        text.Append("\n| case | Tikiya 2xx/s | peer 2xx/s | Tikiya ÷ peer | Tikiya ÷ raw Argon2id | Tikiya p50 / p99 ms | peer p50 / p99 ms |\n");
        text.Append("|---|---:|---:|---:|---:|---|---|\n");
        foreach (var row in r.Cases)
        {
            var (t, p) = (row.Tikiya, row.Peer);
            text.Append(c, $"| {row.Endpoint}, {row.Clients} clients | **{t.SuccessesPerSecond}** | {p.SuccessesPerSecond} | **{row.TikiyaToPeer:0.00}×** | ");
            text.Append(c, $"{(row.TikiyaToArgon2 is { } a ? a.ToString("0.00", c) + "×" : "")} | {t.LatencyMs.P50} / {t.LatencyMs.P99} | {p.LatencyMs.P50} / {p.LatencyMs.P99} |\n");
        }

        text.Append("\n| case | Tikiya statuses | peer statuses |\n|---|---|---|\n");
        foreach (var row in r.Cases)
        {
            text.Append(c, $"| {row.Endpoint}, {row.Clients} clients | {row.Tikiya.DescribeCodes()} | {row.Peer.DescribeCodes()} |\n");
        }

        text.Append(c, $"\nPeak RSS (VmHWM, over the whole run): Tikiya {r.TikiyaPeakRssMiB} MiB, peer {r.PeerPeakRssMiB} MiB.\n");
        if (r.Argon2 is { } argon2)
        {
            text.Append(c, $"Raw libsodium Argon2id (m={argon2.MemoryKib} KiB, t={argon2.Iterations}, {argon2.Workers} workers, same run, ");
            text.Append(c, $"both servers idle): **{argon2.OpsPerSecond} verifications/s**.\n");
        }

        return text.ToString();
    }
}

internal sealed record CaseResult(string Endpoint, int Clients, PhaseResult Tikiya, PhaseResult Peer, double? TikiyaToPeer,
    double? TikiyaToArgon2);

internal sealed record CompareReport(
    string FinishedAt,
    Dictionary<string, string> Parameters,
    Machine Machine,
    IReadOnlyList<CaseResult> Cases,
    Argon2Result? Argon2,
    double? TikiyaPeakRssMiB,
    double? PeerPeakRssMiB,
    bool Passed);
