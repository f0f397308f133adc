using System.Globalization;

namespace Tikiya.Bench;

/// <summary>Waits until GET /health/ready answers 200 (the API listens, its database answers, its schema is current),
/// failing early if the process --pid has exited.</summary>
internal static class Ready
{
    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Require("target"));
        var seconds = options.GetInt("seconds", 60, 1, 600);
        var pid = options.Get("pid");
        options.ThrowIfUnused();

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (pid is not null && !Directory.Exists($"/proc/{pid}"))
            {
                throw new BenchmarkException($"the API (pid {pid}) exited before it was ready");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new BenchmarkException(string.Create(CultureInfo.InvariantCulture,
                    $"the API at {target} was not ready within {seconds} s"));
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
