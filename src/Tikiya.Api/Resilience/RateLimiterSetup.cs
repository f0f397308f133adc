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
/// and, on /api/v1/auth/*, token buckets per client (<see cref="ClientPartitionKey"/>), one set per endpoint group
/// (RateLimitOptions), 429 beyond them.
/// </summary>
internal sealed class RateLimiterSetup(IOptions<HttpResilienceOptions> resilience, IOptions<RateLimitOptions> rateLimits,
    RefusalLog refusals) : IConfigureOptions<RateLimiterOptions>
{
    /// <summary>The rest of /api/v1/auth/*: logout, logout-all, logout-others, verify-email, reset-password.</summary>
    public const string AuthPerClientPolicy = "auth-per-client";
    public const string LoginPolicy = "login-per-client";
    public const string RegisterPolicy = "register-per-client";
    /// <summary>The endpoints that send a mail on a bare address: resend-verification and forgot-password.</summary>
    public const string MailPolicy = "mail-per-client";
    public const string RefreshPolicy = "refresh-per-client";
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
        // Health opts out on its endpoints (DisableRateLimiting) and the management port's pipeline branches off before
        // the limiter, so a busy instance is neither taken for dead nor left unscraped.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetConcurrencyLimiter("all", _ => concurrency));

        var buckets = rateLimits.Value;
        // Each policy is a limiter of its own: the same client key in two of them is two buckets.
        AddPerClientPolicy(options, AuthPerClientPolicy, buckets.AuthPerMinute, buckets.Ipv6PrefixLength);
        AddPerClientPolicy(options, LoginPolicy, buckets.Login, buckets.Ipv6PrefixLength);
        AddPerClientPolicy(options, RegisterPolicy, buckets.Register, buckets.Ipv6PrefixLength);
        AddPerClientPolicy(options, MailPolicy, buckets.Mail, buckets.Ipv6PrefixLength);
        AddPerClientPolicy(options, RefreshPolicy, buckets.Refresh, buckets.Ipv6PrefixLength);

        options.OnRejected = OnRejectedAsync;
    }

    private static void AddPerClientPolicy(RateLimiterOptions options, string policy, int perMinute, int ipv6PrefixLength) =>
        options.AddPolicy(policy, context => perMinute == 0
            ? RateLimitPartition.GetNoLimiter("off")
            : RateLimitPartition.GetTokenBucketLimiter(ClientPartitionKey.Of(context.Connection.RemoteIpAddress, ipv6PrefixLength), _ =>
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

    private static int TokensPerPeriod(int perMinute) => Math.Max(1, (perMinute + 599) / 600);

    private async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // Only the per-client bucket knows when a token comes back; the concurrency limit is saturation. The middleware
        // counts both refusals itself (aspnetcore.rate_limiting.requests, by result: endpoint_limiter, global_limiter).
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var bucket = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
            refusals.Record(context.HttpContext, RefusalKind.RateLimited, StatusCodes.Status429TooManyRequests, bucket ?? "unknown");
            await Refusal.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
                "Too many requests.", "This client sent more requests than the API accepts per minute. Wait before trying again.",
                retryAfter);
            return;
        }

        refusals.Record(context.HttpContext, RefusalKind.Overloaded, StatusCodes.Status503ServiceUnavailable, "concurrency");
        await Refusal.WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, ProblemCodes.Overloaded, "Server busy.",
            "The API is at its capacity. Try again shortly.", SaturatedRetryAfter);
    }
}
