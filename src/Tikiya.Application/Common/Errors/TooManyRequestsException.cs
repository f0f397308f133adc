namespace Tikiya.Application.Common.Errors;

/// <summary>
/// Too many requests that send mail, for one email address or account (resend-verification, forgot-password,
/// users/me/email); answered 429 <c>rate_limited</c> with Retry-After. Counted per address, known or not, so it tells
/// nothing about an account.
/// </summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter)
    : Exception("Too many requests for this email address. Wait before trying again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
