using System.Diagnostics;
using System.Text;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// The published binary serving on a free loopback port, for what only real Kestrel and a real process show: socket limits,
/// slow clients, SIGTERM. Stopped with SIGTERM (then killed, if it hangs) when disposed.
/// </summary>
public sealed class RunningApi : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningApi(Process process, int port, int metricsPort)
    {
        _process = process;
        Port = port;
        MetricsPort = metricsPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }

    /// <summary>The management listener's port (METRICS_PORT): a free one, so that instances never share it.</summary>
    public int MetricsPort { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the published API; in Development, the build beside the tests instead, as scripts/run runs it: the
    /// development settings (appsettings.Development.json) never ship.
    /// </summary>
    public static async Task<RunningApi> StartAsync(string databaseUrl, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var metricsPort = FreePort.Next();
        while (metricsPort == port)
        {
            metricsPort = FreePort.Next();
        }

        var development = settings?.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") == "Development";
        var startInfo = new ProcessStartInfo(development ? "dotnet" : TestSetup.Api.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (development)
        {
            startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tikiya_api.dll"));
        }

        foreach (var name in TikiyaVariables.All)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DATABASE_URL"] = databaseUrl;
        startInfo.Environment["JWT_SECRET"] = TikiyaApiFactory.JwtSecret;
        startInfo.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["METRICS_PORT"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in TestMail.With(settings))
        {
            startInfo.Environment[name] = value;
        }

        var api = new RunningApi(Process.Start(startInfo)!, port, metricsPort);
        api._process.OutputDataReceived += (_, e) => api.Append(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilLiveAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync(); // never leave a half-started API behind
            throw;
        }
    }

    /// <summary>What systemd sends to stop the service.</summary>
    public async Task SendSigtermAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>kill -9: the process ends at once, with no shutdown, no flush and no goodbye to the database.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true); // SIGKILL on Linux
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await SendSigtermAsync();
            try
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The API never answered /health/live: {Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

}
