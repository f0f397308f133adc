namespace Tikiya.Api.Resilience;

/// <summary>The refusals <see cref="RefusalLog"/> writes, each with its own line budget.</summary>
internal enum RefusalKind
{
    /// <summary>429 rate_limited or login_throttled: a per-client bucket, a per-address mail limit, an account's login throttle.</summary>
    RateLimited,

    /// <summary>503 overloaded: the concurrency limit, or no room to hash a password.</summary>
    Overloaded,

    /// <summary>401 on a protected endpoint: a bearer token expired, badly signed, malformed, or of an ended session.</summary>
    BadToken,

    /// <summary>503 database_unavailable: no connection, or the database did not answer in time.</summary>
    DatabaseUnavailable,
}
