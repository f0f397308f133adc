using System.Diagnostics;
using System.Globalization;
using System.Text;
using Geralt;

namespace Tikiya.Bench;

/// <summary>
/// The ceiling for login: raw libsodium Argon2id verifications per second on this machine (through Geralt, as the
/// API's default hasher calls it, but with nothing of the API around it), with the API's cost variables
/// (ARGON2_MEMORY_KIB, ARGON2_ITERATIONS; their defaults otherwise), one worker per core, each verifying the right
/// password against a hash of that cost, as a login does. Issue 11 measures login against this raw rate.
/// </summary>
internal static class Argon2Benchmark
{
    // The API's defaults (docs/configuration.md): the OWASP minimum for Argon2id, m=19 MiB, t=2, p=1.
    private const int DefaultMemoryKib = 19_456;
    private const int DefaultIterations = 2;
    private static readonly byte[] Password = Encoding.UTF8.GetBytes("bench-password-0123456789");

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var seconds = options.GetInt("seconds", 10, 1, 600);
        var workers = options.GetInt("workers", Environment.ProcessorCount, 1, 1024);
        var output = options.Get("out");
        options.ThrowIfUnused();

        var memoryKib = FromEnvironment("ARGON2_MEMORY_KIB", DefaultMemoryKib);
        var iterations = FromEnvironment("ARGON2_ITERATIONS", DefaultIterations);
        var buffer = new char[Argon2id.HashSize];
        Argon2id.ComputeHash(buffer, Password, iterations, memoryKib * 1024);
        var hash = new string(buffer, 0, Array.IndexOf(buffer, '\0') is var end and >= 0 ? end : buffer.Length);

        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"argon2: libsodium, m={memoryKib} KiB, t={iterations}, {workers} workers, {seconds} s"));
        var duration = TimeSpan.FromSeconds(seconds);
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(
            () => VerifyUntil(hash, duration, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        var latencies = Latency.NewHistogram();
        foreach (var r in results)
        {
            latencies.Add(r.Latencies);
        }

        var perSecond = results.Sum(r => r.Latencies.TotalCount / r.Elapsed.TotalSeconds); // each worker over its own time
        var result = new Argon2Result("libsodium", memoryKib, iterations, workers, Math.Round(results.Max(r => r.Elapsed.TotalSeconds), 2),
            latencies.TotalCount, Math.Round(perSecond, 1), Math.Round(perSecond / workers, 1), Latency.Of(latencies));
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"argon2: {result.OpsPerSecond} verifications/s ({result.OpsPerSecondPerWorker} per worker)"));
        await Json.WriteAsync(result, output, cancellationToken);
    }

    private static (HdrHistogram.LongHistogram Latencies, TimeSpan Elapsed) VerifyUntil(string hash, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var latencies = Latency.NewHistogram();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            if (!Argon2id.VerifyHash(hash, Password))
            {
                throw new BenchmarkException("a verification failed");
            }

            latencies.RecordValue(Latency.Microseconds(Stopwatch.GetTimestamp() - start));
        }

        return (latencies, clock.Elapsed);
    }

    private static int FromEnvironment(string name, int defaultValue) => Environment.GetEnvironmentVariable(name) switch
    {
        null or "" => defaultValue,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new UsageException($"{name} must be a positive whole number, got '{text}'"),
    };
}

internal sealed record Argon2Result(
    string Hasher,
    int MemoryKib,
    int Iterations,
    int Workers,
    double Seconds,
    long Operations,
    double OpsPerSecond,
    double OpsPerSecondPerWorker,
    Latency LatencyMs);
