using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Tikiya.Bench;

/// <summary>
/// Registers --users accounts through POST /api/v1/auth/register, --concurrency at a time, and writes the Artillery
/// payload: one <c>email,password</c> line each, no header. A 503 or 429 is retried after its Retry-After.
/// </summary>
internal static class Seeder
{
    private const int MaxAttempts = 20;

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Require("target"));
        var users = options.GetInt("users", 200, 1, 1_000_000);
        var concurrency = options.GetInt("concurrency", Environment.ProcessorCount * 2, 1, 1024);
        var output = options.Require("out");
        options.ThrowIfUnused();

        // Addresses no earlier run used, so a reused database never answers 409.
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var accounts = Enumerable.Range(1, users)
            .Select(i => (Email: string.Create(CultureInfo.InvariantCulture, $"load-{run}-{i}@example.com"),
                Password: Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_')))
            .ToList();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var retries = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(accounts,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (account, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/auth/register",
                        new { email = account.Email, password = account.Password }, token);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        return;
                    }

                    if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
                        && attempt < MaxAttempts)
                    {
                        Interlocked.Increment(ref retries);
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), token);
                        continue;
                    }

                    var body = await response.Content.ReadAsStringAsync(token);
                    throw new BenchmarkException(
                        $"register answered {(int)response.StatusCode} after {attempt} attempt(s): {body}");
                }
            });

        var csv = new StringBuilder();
        foreach (var (email, password) in accounts)
        {
            csv.Append(email).Append(',').Append(password).Append('\n');
        }

        await File.WriteAllTextAsync(output, csv.ToString(), cancellationToken);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"seed: {users} users registered in {clock.Elapsed.TotalSeconds:F1} s ({concurrency} at a time, {retries} retries)"));
    }
}
