using System.Diagnostics.Metrics;

namespace Tikiya.Infrastructure.Observability;

/// <summary>
/// The API's own instruments, on the meter "Tikiya" (exported at /metrics next to ASP.NET Core's, Npgsql's and the
/// runtime's). One counter for every clean refusal, by the limit that refused: what an operator tunes is named in it.
/// </summary>
public sealed class TikiyaMetrics
{
    public const string MeterName = "Tikiya";

    private readonly Counter<long> _refused;

    public TikiyaMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _refused = Meter.CreateCounter<long>("tikiya.requests.refused", unit: "{request}",
            description: "Requests refused by a limit; limiter: concurrency (503), rate (429), timeout (504), hashing (503), login_throttle (429), address_limit (429).");
    }

    public Meter Meter { get; }

    public void Refused(string limiter) => _refused.Add(1, new KeyValuePair<string, object?>("limiter", limiter));
}
