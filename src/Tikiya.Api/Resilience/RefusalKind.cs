namespace Tikiya.Api.Resilience;

/// <summary>The refusals <see cref="RefusalLog"/> writes, each with its own line budget.</summary>
internal enum RefusalKind
{
    /// <summary>429 rate_limited: a per-client bucket, or a per-address mail limit.</summary>
    RateLimited,

    /// <summary>503 overloaded: the concurrency limit, or no room to hash a password.</summary>
    Overloaded,

    /// <summary>401 on a protected endpoint: a bearer token expired, badly signed, malformed, or of an ended session.</summary>
    BadToken,
}
