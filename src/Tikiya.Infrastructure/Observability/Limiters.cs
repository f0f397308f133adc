namespace Tikiya.Infrastructure.Observability;

/// <summary>The values of the <c>limiter</c> tag of <c>tikiya_requests_refused_total</c>.</summary>
public static class Limiters
{
    public const string Concurrency = "concurrency";
    public const string Rate = "rate";
    public const string Timeout = "timeout";
    public const string Hashing = "hashing";
    public const string LoginThrottle = "login_throttle";

    /// <summary>The requests that send mail, per address or account (1 a minute, 5 an hour): resend-verification, forgot-password, users/me/email.</summary>
    public const string AddressLimit = "address_limit";
}
