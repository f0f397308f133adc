using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Bench;

/// <summary>
/// The ceiling for login: Argon2id verifications per second on this machine, with the adapter and cost the API is
/// configured with (PASSWORD_HASHER, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, read and validated as the API reads them),
/// one worker per core, each verifying the right password against a hash made with that cost, as a login does.
/// </summary>
internal static class Argon2Benchmark
{
    private const string Password = "bench-password-0123456789";

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var seconds = options.GetInt("seconds", 10, 1, 600);
        var workers = options.GetInt("workers", Environment.ProcessorCount, 1, 1024);
        var output = options.Get("out");
        options.ThrowIfUnused();

        var settings = FromEnvironment();
        var wrapped = Microsoft.Extensions.Options.Options.Create(settings);
        IPasswordHasher hasher = settings.Hasher switch
        {
            PasswordHashingOptions.Isopoh => new IsopohPasswordHasher(wrapped),
            PasswordHashingOptions.Managed => new ManagedArgon2PasswordHasher(wrapped),
            _ => new LibsodiumPasswordHasher(wrapped),
        };
        var hash = await hasher.HashAsync(Password, cancellationToken);
        if (!await hasher.VerifyAsync(Password, hash, cancellationToken))
        {
            throw new BenchmarkException("the hasher does not verify its own hash");
        }

        await Console.Error.WriteLineAsync(
            $"argon2: {settings.Hasher}, m={settings.MemoryKib} KiB, t={settings.Iterations}, {workers} workers, {seconds} s");
        var duration = TimeSpan.FromSeconds(seconds);
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(
            () => VerifyUntil(hasher, hash, duration, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        var operations = results.Sum(r => r.Operations);
        var perSecond = results.Sum(r => r.Operations / r.Elapsed.TotalSeconds); // each worker over its own time
        var latencies = results.SelectMany(r => r.LatenciesMs).ToList();
        var result = new Argon2Result(settings.Hasher, settings.MemoryKib, settings.Iterations, workers,
            Math.Round(results.Max(r => r.Elapsed.TotalSeconds), 2), operations, Math.Round(perSecond, 1),
            Math.Round(perSecond / workers, 1), Latency.Of(latencies));
        await Console.Error.WriteLineAsync($"argon2: {result.OpsPerSecond} verifications/s ({result.OpsPerSecondPerWorker} per worker)");
        await Json.WriteAsync(result, output, cancellationToken);
    }

    private static WorkerResult VerifyUntil(IPasswordHasher hasher, string hash, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = clock.Elapsed;
            // The adapters compute synchronously and return a completed ValueTask.
            if (!hasher.VerifyAsync(Password, hash, cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                throw new BenchmarkException("a verification failed");
            }

            latencies.Add((clock.Elapsed - start).TotalMilliseconds);
        }

        return new WorkerResult(latencies.Count, clock.Elapsed, latencies);
    }

    private static PasswordHashingOptions FromEnvironment()
    {
        var settings = new PasswordHashingOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().Bind(settings);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true))
        {
            throw new BenchmarkException(string.Join(" ", errors.Select(e => e.ErrorMessage)));
        }

        return settings;
    }

    private sealed record WorkerResult(long Operations, TimeSpan Elapsed, List<double> LatenciesMs);
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
