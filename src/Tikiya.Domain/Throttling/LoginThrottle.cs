namespace Tikiya.Domain.Throttling;

/// <summary>
/// Consecutive failed logins for one email, known or not (API.md: "whether or not the account exists"). Attempts for
/// one email take turns on this row, so every failure is counted exactly, however many arrive at once.
/// </summary>
public sealed class LoginThrottle
{
    private LoginThrottle() { } // for EF Core

    public LoginThrottle(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
    }

    /// <summary>A keyed hash of the normalized email: the table never holds an address, in clear or guessable.</summary>
    public string Key { get; private set; } = "";

    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>How long the email must still wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(DateTimeOffset now) => LockedUntil > now ? LockedUntil.Value - now : null;

    /// <summary>
    /// Counts a failed login; the one that reaches the limit locks the email for the lockout. Failures older than the
    /// lockout window, or before a served lockout, no longer count: "in a row" means within one window.
    /// </summary>
    public void RecordFailure(DateTimeOffset now, ThrottlePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (LockedUntil <= now || LastFailureAt <= now - policy.Lockout)
        {
            ConsecutiveFailures = 0;
            LockedUntil = null;
        }

        ConsecutiveFailures++;
        LastFailureAt = now;
        if (ConsecutiveFailures >= policy.MaxFailures)
        {
            LockedUntil = now + policy.Lockout;
        }
    }

    /// <summary>A successful login: the count starts again (API.md).</summary>
    public void RecordSuccess()
    {
        ConsecutiveFailures = 0;
        LastFailureAt = null;
        LockedUntil = null;
    }
}
