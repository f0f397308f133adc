using System.Diagnostics;
using System.Globalization;
using System.Net;
using HdrHistogram;

namespace Tikiya.Bench;

/// <summary>Counts answers by status and records the 2xx latencies in an HDR histogram, only between
/// <see cref="StartCounting"/> and <see cref="StopCounting"/>.</summary>
internal sealed class Tally
{
    private static readonly Answer ConnectionFailed = new(0, null);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _codes = new(StringComparer.Ordinal);
    private readonly LongHistogram _latencies = Latency.NewHistogram();
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
            return new Counted(_clock.Elapsed, new SortedDictionary<string, long>(_codes, StringComparer.Ordinal),
                Latency.Of(_latencies), _connectionErrors);
        }
    }

    /// <summary>Sends, and counts the answer; a connection failure is counted too, and answered as status 0.</summary>
    public async Task<Answer> TimeAsync(Func<Task<Answer>> send)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await send();
            Record(answer.Status, Stopwatch.GetTimestamp() - started);
            return answer;
        }
        catch (HttpRequestException)
        {
            Record(null, 0);
            await Task.Delay(TimeSpan.FromMilliseconds(100)); // no busy loop against a port nobody answers on
            return ConnectionFailed;
        }
    }

    private void Record(HttpStatusCode? status, long elapsedTicks)
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
                _latencies.RecordValue(Latency.Microseconds(elapsedTicks));
            }
        }
    }
}

/// <summary>What a phase counted.</summary>
internal sealed record Counted(TimeSpan Elapsed, SortedDictionary<string, long> Codes, Latency Latency, long ConnectionErrors)
{
    public PhaseResult ToResult(string endpoint, int workers, Usage before, Usage after)
    {
        var seconds = Elapsed.TotalSeconds;
        var successes = Codes.Where(c => c.Key.StartsWith('2')).Sum(c => c.Value);
        return new PhaseResult(endpoint, workers, Math.Round(seconds, 1), successes, Math.Round(successes / seconds, 1),
            Latency, Codes, Codes.Where(c => !Expected(c.Key)).Sum(c => c.Value), ConnectionErrors,
            before.ApiCoresUntil(after), before.MachineBusyPercentUntil(after));
    }

    /// <summary>What Tikiya may answer under any load (API.md): success, 401, and its three refusals.</summary>
    private static bool Expected(string status) => status.StartsWith('2') || status is "401" or "429" or "503" or "504";
}

internal sealed record PhaseResult(
    string Endpoint,
    int Workers,
    double Seconds,
    long Successes,
    double SuccessesPerSecond,
    Latency LatencyMs,
    IReadOnlyDictionary<string, long> Codes,
    long UnexpectedStatuses,
    long ConnectionErrors,
    double? ApiCores,
    double MachineBusyPercent)
{
    public string DescribeCodes() => string.Join(", ", Codes.Select(k => $"{k.Key} × {k.Value}"))
        + (ConnectionErrors > 0 ? $", connection errors × {ConnectionErrors}" : "");
}
