namespace Tikiya.Application.Common.Errors;

/// <summary>A bounded resource (the password-hashing slots) stayed full for its whole wait; answered 503 with Retry-After.</summary>
public sealed class ServiceOverloadedException(TimeSpan retryAfter)
    : Exception("The server is busy. Try again shortly.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
