using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Tikiya.Bench;

/// <summary>
/// Each endpoint's throughput at saturation, as a ratio to its raw limit: closed-loop workers send login, then
/// refresh, then <c>me</c> requests back to back (each worker waits for its answer and sends the next at once), so the
/// API is never short of work. A worker costs a few tens of microseconds of CPU per request, where an Artillery
/// virtual user costs milliseconds: on a machine the load generator shares with the API, this measures the API rather
/// than the generator. Each phase has a warm-up that is not counted; during the counted part the API process's CPU
/// and RSS and the machine's busy time are read from /proc.
/// </summary>
internal static class Saturation
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Require("target"));
        var accounts = ReadAccounts(await File.ReadAllLinesAsync(options.Require("users"), cancellationToken));
        var seconds = options.GetInt("seconds", 20, 1, 600);
        var loginWorkers = options.GetInt("login-concurrency", Environment.ProcessorCount * 8, 1, 4096);
        var workers = options.GetInt("concurrency", 64, 1, 4096);
        var pid = options.GetInt("pid", 0, 0, int.MaxValue);
        var endpoints = (options.Get("endpoints") ?? "login,refresh,me").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var argon2Path = options.Get("argon2");
        var sqlPath = options.Get("sql");
        var parameters = options.GetAll("param");
        var outJson = options.Require("out-json");
        var outMarkdown = options.Require("out-md");
        options.ThrowIfUnused();
        if (accounts.Length < Math.Max(loginWorkers, workers))
        {
            throw new UsageException($"--users holds {accounts.Length} accounts; seed at least one per worker");
        }

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(loginWorkers, workers),
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var driver = new Driver(http, accounts);
        var duration = TimeSpan.FromSeconds(seconds);
        var phases = new List<PhaseResult>();
        foreach (var endpoint in endpoints)
        {
            phases.Add(endpoint switch
            {
                "login" => await MeasureAsync(endpoint, loginWorkers, duration, pid, driver.LoginLoopAsync, cancellationToken),
                "refresh" => await MeasureAsync(endpoint, workers, duration, pid, driver.RefreshLoopAsync, cancellationToken),
                "me" => await MeasureAsync(endpoint, workers, duration, pid, driver.MeLoopAsync, cancellationToken),
                _ => throw new UsageException($"--endpoints takes login, refresh and me, got '{endpoint}'"),
            });
        }

        var limits = new Limits(
            argon2Path is null ? null : await Json.ReadAsync<Argon2Result>(argon2Path, cancellationToken),
            sqlPath is null ? null : await Json.ReadAsync<SqlResult>(sqlPath, cancellationToken));
        var report = new SaturationReport(
            DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            parameters.Select(ReportWriter.SplitParameter).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            Machine.Describe(),
            phases,
            limits,
            Ratios(phases, limits));
        await Json.WriteAsync(report, outJson, cancellationToken);
        await File.WriteAllTextAsync(outMarkdown, Markdown(report), cancellationToken);
        if (phases.Sum(p => p.UnexpectedServerErrors + p.ConnectionErrors) > 0)
        {
            throw new BenchmarkException("5xx other than 503/504, or connection errors (see the report)");
        }
    }

    /// <summary>The seed's payload: one <c>email,password</c> line each (a trailing CR tolerated).</summary>
    private static Account[] ReadAccounts(string[] lines) =>
    [
        .. lines.Select((line, index) => (Line: line.TrimEnd('\r'), Number: index + 1))
            .Where(l => l.Line.Length > 0)
            .Select(l => l.Line.Split(',', 2) is [{ Length: > 0 } email, { Length: > 0 } password]
                ? new Account(email, password)
                : throw new UsageException($"--users line {l.Number}: expected email,password")),
    ];

    private static async Task<PhaseResult> MeasureAsync(string endpoint, int workers, TimeSpan duration, int pid,
        Func<Tally, CancellationToken, Task> loop, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"saturate: {endpoint}, {workers} workers, {WarmUp.TotalSeconds:0} s warm-up + {duration.TotalSeconds:0} s"));
        var tally = new Tally();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(() => loop(tally, stop.Token), CancellationToken.None)).ToList();

        await Task.Delay(WarmUp, cancellationToken);
        tally.StartCounting();
        var before = ProcessSample.Read(pid);
        var peakRss = await PeakRssDuringAsync(pid, duration, cancellationToken);
        var after = ProcessSample.Read(pid);
        var counted = tally.StopCounting();

        await stop.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        // A worker that failed on its own (not by the stop) would have quietly lowered the numbers: fail the run.
        if (running.FirstOrDefault(t => t.IsFaulted && t.Exception?.InnerException is not OperationCanceledException) is { } failed)
        {
            throw failed.Exception!.InnerException!;
        }
        return counted.ToResult(endpoint, workers, before, after, peakRss);
    }

    /// <summary>Waits <paramref name="duration"/>, reading the API's VmRSS every 250 ms; the largest, in MiB.</summary>
    private static async Task<double> PeakRssDuringAsync(int pid, TimeSpan duration, CancellationToken cancellationToken)
    {
        var peak = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            peak = Math.Max(peak, ProcessSample.RssKib(pid));
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return Math.Round(peak / 1024.0, 1);
    }

    // A phase has no windows: its best window is the phase.
    private static List<RatioResult> Ratios(List<PhaseResult> phases, Limits limits) =>
        limits.RatiosOf(name => phases.Find(p => p.Endpoint == name) is { } p ? (p.SuccessesPerSecond, p.SuccessesPerSecond) : null);

    private static string Markdown(SaturationReport r)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"# Saturation, {r.FinishedAt}\n\n");
        text.Append("Closed-loop workers (bench/Tikiya.Bench `saturate`), one endpoint at a time.\n\n");
        text.Append(c, $"Machine: {r.Machine.Processors} cores ({r.Machine.CpuModel}), {r.Machine.MemoryMiB} MiB, {r.Machine.Runtime}.\n\n");
        foreach (var (name, value) in r.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(c, $"- {name}: {value}\n");
        }

        text.Append("\n| endpoint | workers | seconds | 2xx/s | p50 / p95 / p99 ms | codes | API cores | machine busy | API peak RSS |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var p in r.Phases)
        {
            var codes = string.Join(", ", p.Codes.Select(k => $"{k.Key} × {k.Value}"));
            text.Append(c, $"| {p.Endpoint} | {p.Workers} | {p.Seconds} | **{p.SuccessesPerSecond}** | ");
            text.Append(c, $"{p.LatencyMs.P50} / {p.LatencyMs.P95} / {p.LatencyMs.P99} | {codes} | ");
            text.Append(c, $"{p.ApiCores} | {p.MachineBusyPercent} % | {p.ApiPeakRssMiB} MiB |\n");
        }

        text.Append("\n| endpoint | limit | limit/s | 2xx/s | ratio |\n|---|---|---|---|---|\n");
        foreach (var ratio in r.Ratios)
        {
            text.Append(c, $"| {ratio.Endpoint} | {ratio.Limit} | {ratio.LimitPerSecond} | {ratio.SuccessesPerSecond} | **{ratio.Ratio:P0}** |\n");
        }

        return text.ToString();
    }

    private sealed record Account(string Email, string Password);

    /// <summary>The three request loops. Every loop logs its worker in first when it needs tokens (not counted).</summary>
    private sealed class Driver(HttpClient http, Account[] accounts)
    {
        private int _next = -1;

        private Account NextAccount() => accounts[(int)((uint)Interlocked.Increment(ref _next) % (uint)accounts.Length)];

        public async Task LoginLoopAsync(Tally tally, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                _ = await tally.TimeAsync(() => LoginAsync(NextAccount(), cancellationToken));
            }
        }

        public async Task RefreshLoopAsync(Tally tally, CancellationToken cancellationToken)
        {
            var account = NextAccount();
            string? refreshToken = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                refreshToken ??= (await SignInAsync(account, cancellationToken)).RefreshToken;
                var answer = await tally.TimeAsync(() => RefreshAsync(refreshToken, cancellationToken));
                refreshToken = answer.Tokens?.RefreshToken;
            }
        }

        public async Task MeLoopAsync(Tally tally, CancellationToken cancellationToken)
        {
            var account = NextAccount();
            string? accessToken = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                accessToken ??= (await SignInAsync(account, cancellationToken)).AccessToken;
                var answer = await tally.TimeAsync(() => MeAsync(accessToken, cancellationToken));
                accessToken = answer.Status == HttpStatusCode.OK ? accessToken : null;
            }
        }

        /// <summary>Logs in until it works (the API may refuse with 503 at first, when every worker starts at once).</summary>
        private async Task<Tokens> SignInAsync(Account account, CancellationToken cancellationToken)
        {
            while (true)
            {
                var answer = await LoginAsync(account, cancellationToken);
                if (answer.Tokens is { } tokens)
                {
                    return tokens;
                }

                if ((int)answer.Status is >= 400 and < 500 and not 429)
                {
                    // Wrong credentials will not get better by retrying: stop the run rather than report 0/s.
                    throw new BenchmarkException($"login as a seeded account answered {(int)answer.Status}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }

        private async Task<Answer> LoginAsync(Account account, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/auth/login",
                new { email = account.Email, password = account.Password }, cancellationToken);
            return await ReadTokensAsync(response, cancellationToken);
        }

        private async Task<Answer> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, cancellationToken);
            return await ReadTokensAsync(response, cancellationToken);
        }

        private async Task<Answer> MeAsync(string accessToken, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return new Answer(response.StatusCode, null);
        }

        private static async Task<Answer> ReadTokensAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return new Answer(response.StatusCode, null);
            }

            return new Answer(response.StatusCode, await response.Content.ReadFromJsonAsync<Tokens>(Json.Options, cancellationToken));
        }
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);

    /// <summary>An answer's status, and its tokens when it is a 200 carrying them.</summary>
    private sealed record Answer(HttpStatusCode Status, Tokens? Tokens);

    private static readonly Answer ConnectionFailed = new(0, null);

    /// <summary>Counts answers and keeps 2xx latencies, only between <see cref="StartCounting"/> and
    /// <see cref="StopCounting"/>.</summary>
    private sealed class Tally
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, long> _codes = new(StringComparer.Ordinal);
        private readonly List<double> _latencies = [];
        private long _connectionErrors;
        private bool _counting;
        private Stopwatch _clock = new();

        public void StartCounting()
        {
            lock (_lock)
            {
                _counting = true;
                _clock = Stopwatch.StartNew();
            }
        }

        public Counted StopCounting()
        {
            lock (_lock)
            {
                _counting = false;
                return new Counted(_clock.Elapsed, new Dictionary<string, long>(_codes, StringComparer.Ordinal),
                    [.. _latencies], _connectionErrors);
            }
        }

        /// <summary>Sends, and counts the answer; a connection failure is counted too, and answered as status 0.</summary>
        public async Task<Answer> TimeAsync(Func<Task<Answer>> send)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var answer = await send();
                Record(answer.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return answer;
            }
            catch (HttpRequestException)
            {
                Record(null, 0);
                await Task.Delay(TimeSpan.FromMilliseconds(100)); // no busy loop against a port nobody answers on
                return ConnectionFailed;
            }
        }

        private void Record(HttpStatusCode? status, double milliseconds)
        {
            lock (_lock)
            {
                if (!_counting)
                {
                    return;
                }

                if (status is not { } code)
                {
                    _connectionErrors++;
                    return;
                }

                var key = ((int)code).ToString(CultureInfo.InvariantCulture);
                _codes[key] = _codes.GetValueOrDefault(key) + 1;
                if ((int)code is >= 200 and < 300)
                {
                    _latencies.Add(milliseconds);
                }
            }
        }
    }

    private sealed record Counted(TimeSpan Elapsed, Dictionary<string, long> Codes, List<double> Latencies, long ConnectionErrors)
    {
        public PhaseResult ToResult(string endpoint, int workers, ProcessSample before, ProcessSample after, double peakRss)
        {
            var seconds = Elapsed.TotalSeconds;
            var successes = Codes.Where(c => c.Key.StartsWith('2')).Sum(c => c.Value);
            var unexpected = Codes.Where(c => c.Key.StartsWith('5') && c.Key is not ("503" or "504")).Sum(c => c.Value);
            return new PhaseResult(endpoint, workers, Math.Round(seconds, 1), successes, Math.Round(successes / seconds, 1),
                Latency.Of(Latencies), new SortedDictionary<string, long>(Codes, StringComparer.Ordinal), unexpected,
                ConnectionErrors, before.CoresUsedUntil(after), before.MachineBusyPercentUntil(after), peakRss);
        }
    }

    /// <summary>The API's CPU ticks and the machine's busy and total ticks at one moment (/proc).</summary>
    private sealed record ProcessSample(long Timestamp, long ApiTicks, long MachineBusy, long MachineTotal)
    {
        private static readonly int ClockTicks = 100; // USER_HZ: 100 on every Linux this runs on

        public static ProcessSample Read(int pid)
        {
            long apiTicks = 0;
            if (pid > 0 && File.Exists($"/proc/{pid}/stat"))
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                apiTicks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }

            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var idle = cpu[3] + cpu[4];
            var total = cpu.Take(8).Sum();
            return new ProcessSample(Stopwatch.GetTimestamp(), apiTicks, total - idle, total);
        }

        public static long RssKib(int pid)
        {
            var path = $"/proc/{pid}/status";
            if (pid <= 0 || !File.Exists(path))
            {
                return 0;
            }

            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }

        public double CoresUsedUntil(ProcessSample later) =>
            Math.Round((later.ApiTicks - ApiTicks) / (double)ClockTicks / Stopwatch.GetElapsedTime(Timestamp, later.Timestamp).TotalSeconds, 2);

        public double MachineBusyPercentUntil(ProcessSample later) => later.MachineTotal > MachineTotal
            ? Math.Round((later.MachineBusy - MachineBusy) * 100.0 / (later.MachineTotal - MachineTotal), 1)
            : 0;
    }
}

internal sealed record PhaseResult(
    string Endpoint,
    int Workers,
    double Seconds,
    long Successes,
    double SuccessesPerSecond,
    Latency LatencyMs,
    IReadOnlyDictionary<string, long> Codes,
    long UnexpectedServerErrors,
    long ConnectionErrors,
    double ApiCores,
    double MachineBusyPercent,
    double ApiPeakRssMiB);

internal sealed record SaturationReport(
    string FinishedAt,
    Dictionary<string, string> Parameters,
    Machine Machine,
    IReadOnlyList<PhaseResult> Phases,
    Limits Limits,
    IReadOnlyList<RatioResult> Ratios);
