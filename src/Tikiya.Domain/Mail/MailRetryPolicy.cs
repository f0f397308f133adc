namespace Tikiya.Domain.Mail;

/// <summary>
/// How a mail that could not be sent is retried: after <see cref="FirstDelay"/>, then twice as long each time up to
/// <see cref="MaxDelay"/>, until it has been tried for <see cref="GiveUpAfter"/> (API.md: first retry within 30
/// seconds, at least 24 hours of retries).
/// </summary>
public sealed record MailRetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan GiveUpAfter)
{
    public static MailRetryPolicy Default { get; } =
        new(TimeSpan.FromSeconds(15), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var doublings = Math.Min(failedAttempts - 1, 30); // 2^30 × anything is past MaxDelay; no overflow
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
