using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tikiya.Bench;

/// <summary>
/// A server under load: where it listens, which endpoints it has, its process (for its peak RSS), and where its
/// metrics are (Tikiya's management listener; none for the peer).
/// </summary>
internal sealed record Server(string Name, Uri Target, Api Api, int Pid, Uri? Metrics = null);

/// <summary>
/// Closed-loop load on one endpoint of one server: --workers each send a request, wait for its answer and send the next
/// at once, so the server always has work queued and what it answers per second is its throughput at saturation. A
/// worker costs tens of microseconds of CPU per request (far less than an Artillery virtual user), which matters on a
/// machine the load generator shares with the server. Workers that need tokens log in first; counting starts once all
/// of them have, after a settling pause, so neither the log-ins nor a cold start are counted.
/// </summary>
internal static class Load
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static HttpClient ClientFor(Server server, int workers) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = workers,
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = server.Target,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<PhaseResult> MeasureAsync(Server server, HttpClient http, Account[] accounts, string endpoint,
        int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"load: {server.Name} {endpoint}, {workers} workers, {duration.TotalSeconds:0} s"));
        var tally = new Tally();
        var driver = new Driver(http, server.Api, accounts, tally, workers);
        Func<CancellationToken, Task> loop = endpoint switch
        {
            "login" => driver.LoginLoopAsync,
            "refresh" => driver.RefreshLoopAsync,
            "me" => driver.MeLoopAsync,
            _ => throw new UsageException($"the endpoints are login, refresh and me, got '{endpoint}'"),
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(() => loop(stop.Token), CancellationToken.None)).ToList();
        PhaseResult? result = null;
        try
        {
            // Any worker ending (it failed: they only end by the stop) or all signed in, whichever comes first.
            await Task.WhenAny(running.Append(driver.AllSignedIn)).WaitAsync(cancellationToken);
            if (driver.AllSignedIn.IsCompleted)
            {
                await Task.Delay(Settle, cancellationToken);
                using var metricsOrNone = server.Metrics is null
                    ? null // the peer has no /metrics
                    : new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server.Metrics, Timeout = TimeSpan.FromSeconds(10) };
                var before = await Usage.TakeAsync(metricsOrNone, cancellationToken);
                tally.StartCounting();
                await Task.Delay(duration, cancellationToken);
                var counted = tally.StopCounting();
                result = counted.ToResult(endpoint, workers, before, await Usage.TakeAsync(metricsOrNone, cancellationToken));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        // A worker that failed on its own (not by the stop) would have quietly lowered the numbers: fail the run.
        if (running.FirstOrDefault(t => t.IsFaulted && t.Exception?.InnerException is not OperationCanceledException) is { } failed)
        {
            throw failed.Exception!.InnerException!;
        }

        return result ?? throw new BenchmarkException($"{server.Name} {endpoint}: a worker stopped before the load began");
    }

    /// <summary>The three request loops. Every loop logs its worker in first when it needs tokens.</summary>
    private sealed class Driver(HttpClient http, Api api, Account[] accounts, Tally tally, int workers)
    {
        private readonly TaskCompletionSource _allSignedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _next = -1;
        private int _signedIn;

        public Task AllSignedIn => _allSignedIn.Task;

        public async Task LoginLoopAsync(CancellationToken cancellationToken)
        {
            Ready();
            while (!cancellationToken.IsCancellationRequested)
            {
                _ = await tally.TimeAsync(() => LoginAsync(NextAccount(), cancellationToken));
            }
        }

        // A rotation: each refresh sends the token the previous one returned (Identity's old tokens stay valid, Tikiya's
        // do not), and a worker refused at some point logs in again.
        public async Task RefreshLoopAsync(CancellationToken cancellationToken)
        {
            var account = NextAccount();
            string? refreshToken = (await SignInAsync(account, cancellationToken)).RefreshToken;
            Ready();
            while (!cancellationToken.IsCancellationRequested)
            {
                refreshToken ??= (await SignInAsync(account, cancellationToken)).RefreshToken;
                var answer = await tally.TimeAsync(() => RefreshAsync(refreshToken, cancellationToken));
                refreshToken = answer.Tokens?.RefreshToken;
            }
        }

        public async Task MeLoopAsync(CancellationToken cancellationToken)
        {
            var account = NextAccount();
            string? accessToken = (await SignInAsync(account, cancellationToken)).AccessToken;
            Ready();
            while (!cancellationToken.IsCancellationRequested)
            {
                accessToken ??= (await SignInAsync(account, cancellationToken)).AccessToken;
                var answer = await tally.TimeAsync(() => MeAsync(accessToken, cancellationToken));
                accessToken = answer.Status == HttpStatusCode.OK ? accessToken : null;
            }
        }

        private Account NextAccount() => accounts[(int)((uint)Interlocked.Increment(ref _next) % (uint)accounts.Length)];

        private void Ready()
        {
            if (Interlocked.Increment(ref _signedIn) == workers)
            {
                _allSignedIn.TrySetResult();
            }
        }

        /// <summary>Logs in until it works (a server may refuse with 503 or 429 when every worker starts at once).</summary>
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
                    throw new BenchmarkException($"{api.Name} login as a seeded account answered {(int)answer.Status}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }

        private async Task<Answer> LoginAsync(Account account, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync(api.Login,
                new { email = account.Email, password = account.Password }, cancellationToken);
            return await ReadTokensAsync(response, cancellationToken);
        }

        private async Task<Answer> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync(api.Refresh, new { refreshToken }, cancellationToken);
            return await ReadTokensAsync(response, cancellationToken);
        }

        private async Task<Answer> MeAsync(string accessToken, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, api.Me);
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
}

/// <summary>An answer's status (0: no answer, the connection failed), and its tokens when it is a 200 carrying them.</summary>
internal sealed record Answer(HttpStatusCode Status, Tokens? Tokens);

internal sealed record Tokens(string AccessToken, string RefreshToken);
