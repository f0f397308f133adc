using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tikiya.Api.ErrorHandling;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.Health;

/// <summary>
/// Ready when the database answers and no migration is pending (API.md: /health/ready). It runs through
/// <see cref="CachedReadyHealthCheck"/>, never once per call.
/// </summary>
internal sealed class DatabaseReadyHealthCheck(TikiyaDbContext db) : IHealthCheck
{
    // The problem code of /health/ready's 503 when the database does not answer: the one a request gets in an outage.
    // A schema that is behind keeps the default, not_ready (HealthResponses).
    private static readonly Dictionary<string, object> DoesNotAnswer = new(StringComparer.Ordinal)
    {
        [ProblemCodes.Member] = ProblemCodes.DatabaseUnavailable,
    };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is current.")
                : HealthCheckResult.Unhealthy($"The database schema is behind: {pending} migrations are pending.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException
            || (e is OperationCanceledException && cancellationToken.IsCancellationRequested)) // the check's own timeout
        {
            // The exception's message can name the host; the description stays generic, the log keeps the rest.
            return HealthCheckResult.Unhealthy("The database does not answer.", e, DoesNotAnswer);
        }
    }
}
