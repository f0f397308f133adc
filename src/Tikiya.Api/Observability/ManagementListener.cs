using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;
using Tikiya.Api.Health;

namespace Tikiya.Api.Observability;

/// <summary>
/// The management port's own pipeline (METRICS_PORT): /metrics and the health checks, and 404 for everything else, so
/// the API is not reachable through it; on the API's port /metrics is no route at all, so it answers the API's 404
/// however it is spelled. The pipeline is chosen by the port the connection came in on, which the client cannot
/// change, never by the Host header, which it writes.
/// </summary>
internal static class ManagementListener
{
    public static IApplicationBuilder UseManagementListener(this IApplicationBuilder app)
    {
        var server = app.ApplicationServices.GetRequiredService<IOptions<ServerOptions>>().Value;
        if (!server.MetricsEnabled)
        {
            return app;
        }

        var port = server.MetricsPort;
        // First in the pipeline: before the limiters, so a saturated instance can still be scraped, and before
        // forwarded headers, since no proxy stands in front of this port.
        return app.MapWhen(context => context.Connection.LocalPort == port, management =>
        {
            management.UseExceptionHandler();
            management.UseStatusCodePages();
            management.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsMetrics(context.Request.Path));
            management.UseHealthEndpoints();
            management.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound; // status code pages write the problem
                return Task.CompletedTask;
            });
        });
    }

    // PathString compares ignoring case, as routing does on the API's port.
    private static bool IsMetrics(PathString path) =>
        path.StartsWithSegments(MetricsSetup.Path, out var rest) && (!rest.HasValue || rest == "/");
}
