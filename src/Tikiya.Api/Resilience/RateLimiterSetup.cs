using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;
using Tikiya.Api.ErrorHandling;

namespace Tikiya.Api.Resilience;

/// <summary>
/// Two limits in ASP.NET Core's rate limiter: a global concurrency limit (HTTP_CONCURRENCY_LIMIT requests in flight,
/// HTTP_CONCURRENCY_QUEUE more waiting, the rest 503) that spares /health and /metrics, so a busy instance is neither
/// taken for a dead one nor blind;
/// and, on /api/v1/auth/*, a token bucket per client address (AUTH_RATE_LIMIT_PER_MINUTE, 429).
/// </summary>
internal sealed class RateLimiterSetup(IOptions<HttpResilienceOptions> resilience, IOptions<RateLimitOptions> rateLimits)
    : IConfigureOptions<RateLimiterOptions>
{
    public const string AuthPerClientPolicy = "auth-per-client";
    private static readonly TimeSpan SaturatedRetryAfter = TimeSpan.FromSeconds(1);

    public void Configure(RateLimiterOptions options)
    {
        var limits = resilience.Value;
        var concurrency = new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.ConcurrencyLimit,
            QueueLimit = limits.ConcurrencyQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        // Health and metrics opt out on their endpoints (DisableRateLimiting), so a busy instance is not taken for dead.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetConcurrencyLimiter("all", _ => concurrency));

        var perMinute = rateLimits.Value.AuthPerMinute;
        options.AddPolicy(AuthPerClientPolicy, context => perMinute == 0
            ? RateLimitPartition.GetNoLimiter("off")
            : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute, // a full minute's worth may come at once, then it refills evenly
                    // Exactly perMinute a minute: whole tokens per period, the period no shorter than the partitioned
                    // limiter's 100 ms replenishment tick (rounded up to a whole second, 61 a minute would become 120).
                    TokensPerPeriod = TokensPerPeriod(perMinute),
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) * TokensPerPeriod(perMinute) / perMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));

        options.OnRejected = OnRejectedAsync;
    }

    private static int TokensPerPeriod(int perMinute) => Math.Max(1, (perMinute + 599) / 600);

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // Only the per-client bucket knows when a token comes back; the concurrency limit is saturation. The middleware
        // counts both refusals itself (aspnetcore.rate_limiting.requests, by result: endpoint_limiter, global_limiter).
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            await Refusal.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
                "Too many requests.", "This client sent more requests than the API accepts per minute. Wait before trying again.",
                retryAfter);
            return;
        }

        await Refusal.WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, ProblemCodes.Overloaded, "Server busy.",
            "The API is at its capacity. Try again shortly.", SaturatedRetryAfter);
    }
}
