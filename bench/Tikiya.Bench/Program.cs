using System.Text.Json;
using Tikiya.Bench;

// Tikiya.Bench COMMAND [--option value ...]; bench/run calls each command in turn. Every command prints what it
// measured as JSON on standard output (or writes it to --out), and its progress on standard error.
//
//   ready    --target URL [--seconds S] [--pid PID]                        wait for GET /health/ready to answer 200
//   seed     --target URL [--api tikiya|identity] (--users N --out users.csv | --from users.csv) [--concurrency C]
//                                                                          register accounts through the API
//   argon2   [--seconds S] [--workers W] --out argon2.json                 raw libsodium Argon2id verifications per second
//   usage    --metrics URL --out usage.json                                the API's CPU so far (/metrics on its management
//                                                                          listener, METRICS_PORT), the machine's
//   saturate --target URL --metrics URL --users users.csv [--seconds S] [--login-concurrency C] [--concurrency C] [--pid PID]
//            [--endpoints login,refresh,me] [--argon2 F] [--param name=value ...] --out-json F --out-md F
//                                                                          each endpoint's throughput at saturation
//   compare  --tikiya URL --tikiya-metrics URL --tikiya-pid PID --peer URL --peer-pid PID --users users.csv [--seconds S] [--warm-up S]
//            [--argon2 F] [--param ...] --out-json F --out-md F            Tikiya beside the stock Identity app
//   report   --artillery report.json [--argon2 F] [--usage-before F --usage-after F --pid PID] ... write the results
//
// argon2 reads ARGON2_MEMORY_KIB and ARGON2_ITERATIONS, the API's variables.
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
        throw new UsageException("a command is required: ready, seed, argon2, usage, saturate, compare or report");
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
        case "usage":
            await Usage.RunAsync(options, cancellation.Token);
            break;
        case "saturate":
            await Saturation.RunAsync(options, cancellation.Token);
            break;
        case "compare":
            await Compare.RunAsync(options, cancellation.Token);
            break;
        case "report":
            await ReportWriter.RunAsync(options, cancellation.Token);
            break;
        default:
            throw new UsageException($"unknown command '{args[0]}': ready, seed, argon2, usage, saturate, compare or report");
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
catch (Exception e) when (e is HttpRequestException or IOException or JsonException
    or KeyNotFoundException or InvalidOperationException or FormatException)
{
    // A failure of the environment (a server down, a file missing or malformed): its message, no trace.
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
