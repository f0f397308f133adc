using System.ComponentModel.DataAnnotations;
using Tikiya.Domain.Throttling;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>API.md, Throttling: after 5 failed logins in a row, 15 minutes of 429 for that email.</summary>
public sealed class LoginThrottleOptions
{
    [Setting("LOGIN_THROTTLE_MAX_FAILURES", "Failed logins in a row for one email before it gets 429 for LOGIN_THROTTLE_LOCKOUT_SECS")]
    [Range(1, 1000, ErrorMessage = "LOGIN_THROTTLE_MAX_FAILURES must be between 1 and 1000.")]
    public int MaxFailures { get; set; } = 5;

    [Setting("LOGIN_THROTTLE_LOCKOUT_SECS", "How long a throttled email waits; also how long a failure counts")]
    [Range(1, 86_400, ErrorMessage = "LOGIN_THROTTLE_LOCKOUT_SECS must be between 1 and 86400.")]
    public int LockoutSecs { get; set; } = 900;

    public ThrottlePolicy ToPolicy() => new(MaxFailures, TimeSpan.FromSeconds(LockoutSecs));
}
