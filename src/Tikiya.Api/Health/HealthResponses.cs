using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tikiya.Api.ErrorHandling;

namespace Tikiya.Api.Health;

/// <summary>
/// /health/live and /health/ready, on the API's port and on the management port: JSON when up, problem+json with
/// Retry-After when not (API.md, Conventions).
/// </summary>
internal static class HealthResponses
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private static readonly TimeSpan RetryAfterDelay = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Outside the limiters: a busy instance must not be taken for a dead one.
        endpoints.MapHealthChecks(LivePath, LiveOptions()).DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, ReadyOptions()).DisableRateLimiting();
        return endpoints;
    }

    /// <summary>The same two checks as middleware, for a pipeline without routing (the management listener's).</summary>
    public static IApplicationBuilder UseHealthEndpoints(this IApplicationBuilder app) =>
        app.UseHealthChecks(LivePath, LiveOptions()).UseHealthChecks(ReadyPath, ReadyOptions());

    // Live runs no check: it says the process serves, so a database outage never gets a healthy process restarted.
    private static HealthCheckOptions LiveOptions() => new() { Predicate = _ => false, ResponseWriter = WriteAsync };

    private static HealthCheckOptions ReadyOptions() => new()
    {
        Predicate = check => check.Tags.Contains(ReadyTag),
        ResponseWriter = WriteAsync,
    };

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        if (report.Status == HealthStatus.Unhealthy)
        {
            var failed = report.Entries.Values.Where(e => e.Status == HealthStatus.Unhealthy).ToList();
            // A check that knows why it failed says so (the database check: database_unavailable); otherwise not_ready.
            var code = failed.Select(e => e.Data.GetValueOrDefault(ProblemCodes.Member) as string).FirstOrDefault(c => c is not null)
                ?? ProblemCodes.NotReady;
            context.Response.Headers.RetryAfter = RetryAfter.Seconds(RetryAfterDelay);
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Not ready.",
                    Detail = string.Join(" ", failed.Select(e => e.Description)),
                    Extensions = { [ProblemCodes.Member] = code, ["checks"] = checks },
                },
            });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), checks });
    }
}
