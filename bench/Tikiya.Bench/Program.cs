using System.Text.Json;
using Npgsql;
using Tikiya.Bench;

// Tikiya.Bench COMMAND [--option value ...]; bench/run calls each command in turn. Every command prints what it
// measured as JSON on standard output (or writes it to --out), and its progress on standard error.
//
//   ready    --target URL [--seconds S] [--pid PID]                        wait for GET /health/ready to answer 200
//   seed     --target URL --users N [--concurrency C] --out users.csv      register N users through the API
//   argon2   [--seconds S] [--workers W] --out argon2.json                 raw Argon2id verifications per second
//   sql      [--seconds S] --concurrency C --pool-max P --out sql.json     raw refresh and `me` SQL per second
//   saturate --target URL --users users.csv [--seconds S] [--login-concurrency C] [--concurrency C] [--pid PID]
//            [--endpoints login,refresh,me]
//            [--argon2 F --sql F] [--param name=value ...] --out-json F --out-md F
//                                                                          each endpoint's throughput at saturation
//   report   --artillery report.json --argon2 F --sql F ... write the results .json and .md
//
// argon2 reads PASSWORD_HASHER, ARGON2_MEMORY_KIB and ARGON2_ITERATIONS; sql reads DATABASE_URL: the API's variables.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    if (args.Length == 0)
    {
        throw new UsageException("a command is required: ready, seed, argon2, sql, saturate or report");
    }

    var options = CommandLine.Parse(args[1..]);
    switch (args[0])
    {
        case "ready":
            await Ready.RunAsync(options, cancellation.Token);
            break;
        case "seed":
            await Seeder.RunAsync(options, cancellation.Token);
            break;
        case "argon2":
            await Argon2Benchmark.RunAsync(options, cancellation.Token);
            break;
        case "sql":
            await SqlBenchmark.RunAsync(options, cancellation.Token);
            break;
        case "saturate":
            await Saturation.RunAsync(options, cancellation.Token);
            break;
        case "report":
            await ReportWriter.RunAsync(options, cancellation.Token);
            break;
        default:
            throw new UsageException($"unknown command '{args[0]}': ready, seed, argon2, sql, saturate or report");
    }

    return 0;
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"Tikiya.Bench: {e.Message}");
    return 2;
}
catch (BenchmarkException e)
{
    await Console.Error.WriteLineAsync($"Tikiya.Bench: {e.Message}");
    return 1;
}
catch (Exception e) when (e is HttpRequestException or NpgsqlException or IOException or JsonException
    or KeyNotFoundException or InvalidOperationException or FormatException)
{
    // A failure of the environment (the API or the database down, a file missing or malformed): its message, no trace.
    await Console.Error.WriteLineAsync($"Tikiya.Bench {args[0]}: {e.GetType().Name}: {e.Message}");
    return 1;
}
catch (OperationCanceledException e)
{
    // Ctrl+C, or a timeout (HttpClient reports its own as a cancellation).
    var interrupted = cancellation.IsCancellationRequested;
    await Console.Error.WriteLineAsync(interrupted ? "Tikiya.Bench: interrupted" : $"Tikiya.Bench {args[0]}: timed out: {e.Message}");
    return interrupted ? 130 : 1;
}
