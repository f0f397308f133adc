namespace Tikiya.Application.Common.Errors;

/// <summary>Too many failed logins for this email in a row; answered 429 with Retry-After.</summary>
public sealed class LoginThrottledException(TimeSpan retryAfter)
    : Exception("Too many failed logins for this email address. Wait before trying again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
