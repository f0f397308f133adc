using System.Diagnostics.Metrics;

namespace Tikiya.Infrastructure.Observability;

/// <summary>
/// The API's own instruments, on the meter "Tikiya" (exported at /metrics next to ASP.NET Core's, Npgsql's and the
/// runtime's). One counter for the refusals only the app decides, by what refused: what an operator tunes is named in
/// it. The framework's own limits are counted by its meters (<see cref="Limiters"/>).
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
            description: "Requests refused by the app; limiter: hashing (503), login_throttle (429), address_limit (429), database_unavailable (503).");
    }

    public Meter Meter { get; }

    public void Refused(string limiter) => _refused.Add(1, new KeyValuePair<string, object?>("limiter", limiter));
}
