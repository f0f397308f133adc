using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Tikiya.Bench;

/// <summary>
/// Registers --users new accounts through the --api's register endpoint (or, with --from, the accounts of an earlier
/// seed's file, so that both servers of a comparison hold the same ones), --concurrency at a time, and writes the
/// payload: one <c>email,password</c> line each, no header. A 503 or 429 is retried after its Retry-After.
/// </summary>
internal static class Seeder
{
    private const int MaxAttempts = 20;

    // Identity's default password rules want a digit, a lower and an upper case letter and a symbol: every password
    // ends with one of each, so that one payload registers on both servers.
    private const string EveryCharacterClass = "aA1!";

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Require("target"));
        var api = Api.Parse(options.Get("api"));
        var from = options.Get("from");
        var users = options.GetInt("users", 200, 1, 1_000_000);
        var concurrency = options.GetInt("concurrency", Environment.ProcessorCount * 2, 1, 1024);
        var output = options.Get("out");
        options.ThrowIfUnused();

        var accounts = from is null ? NewAccounts(users) : await Account.ReadAllAsync(from, cancellationToken);
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
                    using var response = await http.PostAsJsonAsync(api.Register,
                        new { email = account.Email, password = account.Password }, token);
                    if (response.IsSuccessStatusCode)
                    {
                        return; // Tikiya answers 201, Identity 200
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
                        $"{api.Name} register answered {(int)response.StatusCode} after {attempt} attempt(s): {body}");
                }
            });

        if (output is not null)
        {
            var csv = new StringBuilder();
            foreach (var (email, password) in accounts)
            {
                csv.Append(email).Append(',').Append(password).Append('\n');
            }

            await File.WriteAllTextAsync(output, csv.ToString(), cancellationToken);
        }

        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"seed: {accounts.Length} users registered on {api.Name} in {clock.Elapsed.TotalSeconds:F1} s ({concurrency} at a time, {retries} retries)"));
    }

    private static Account[] NewAccounts(int users)
    {
        // Addresses no earlier run used, so a reused database never answers 409.
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return [.. Enumerable.Range(1, users).Select(i => new Account(
            string.Create(CultureInfo.InvariantCulture, $"load-{run}-{i}@example.com"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_') + EveryCharacterClass))];
    }
}
