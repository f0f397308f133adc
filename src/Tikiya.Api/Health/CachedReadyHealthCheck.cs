using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tikiya.Api.Health;

/// <summary>
/// /health/ready is public and outside every limiter, so each instance checks its database at most once a second
/// (<see cref="MaxAge"/>) and answers every other call from that check: a flood of it costs no more than one query a
/// second, and an outage still shows within about a second. Callers that arrive while a check runs wait for it
/// instead of starting another.
/// </summary>
internal sealed class CachedReadyHealthCheck(IServiceScopeFactory scopes, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    // The check's own bound: one caller going away must not cancel (and so fail) the answer the others share.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _latest;
    private long _latestStartedAt;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> latest;
        lock (_gate)
        {
            if (_latest is null || (_latest.IsCompleted && time.GetElapsedTime(_latestStartedAt) >= MaxAge))
            {
                _latestStartedAt = time.GetTimestamp();
                _latest = CheckDatabaseAsync(context);
            }

            latest = _latest;
        }

        return latest.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> CheckDatabaseAsync(HealthCheckContext context)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, time);
        await using var scope = scopes.CreateAsyncScope();
        var check = ActivatorUtilities.CreateInstance<DatabaseReadyHealthCheck>(scope.ServiceProvider);
        return await check.CheckHealthAsync(context, timeout.Token);
    }
}
