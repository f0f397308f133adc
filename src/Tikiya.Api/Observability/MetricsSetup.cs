using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Tikiya.Infrastructure.Observability;

namespace Tikiya.Api.Observability;

/// <summary>
/// Prometheus metrics at /metrics on the management port (<see cref="ManagementListener"/>) through OpenTelemetry,
/// from the meters that already measure what operators watch: requests by route and status with their duration,
/// requests in flight and rate-limiter decisions (ASP.NET Core), connections (Kestrel), the connection pool (Npgsql),
/// GC and memory (the runtime), and the API's own refusals and hashing queue (<see cref="TikiyaMetrics"/>).
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";
    private const string ServiceName = "tikiya-api";

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics", "System.Runtime", "Npgsql", TikiyaMetrics.MeterName,
    ];

    public static IServiceCollection AddTikiyaMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        return services;
    }
}
