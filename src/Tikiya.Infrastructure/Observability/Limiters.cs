namespace Tikiya.Infrastructure.Observability;

/// <summary>
/// The values of the <c>limiter</c> tag of <c>tikiya_requests_refused_total</c>: the refusals only the app decides.
/// The framework's limits count their own: the concurrency limit and the per-client rate in
/// <c>aspnetcore_rate_limiting_requests_total</c> (by <c>aspnetcore_rate_limiting_result</c>), the request timeout as a
/// 504 in <c>http_server_request_duration_seconds</c> (docs/operations.md).
/// </summary>
public static class Limiters
{
    public const string Hashing = "hashing";
    public const string LoginThrottle = "login_throttle";

    /// <summary>The requests that send mail, per address or account (1 a minute, 5 an hour): resend-verification, forgot-password, users/me/email.</summary>
    public const string AddressLimit = "address_limit";

    /// <summary>PostgreSQL unreachable, or no pooled connection in time: a 503 the framework's meters cannot tell from the others.</summary>
    public const string DatabaseUnavailable = "database_unavailable";
}
