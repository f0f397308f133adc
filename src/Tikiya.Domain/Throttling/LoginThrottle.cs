namespace Tikiya.Domain.Throttling;

/// <summary>
/// Consecutive failed logins for one normalized email, known or not (API.md: "whether or not the account exists").
/// An attempt is counted as a failure when it begins and forgiven when it succeeds, so parallel guesses cannot slip
/// past the limit while their passwords are being checked.
/// </summary>
public sealed class LoginThrottle
{
    private LoginThrottle() { } // for EF Core

    public LoginThrottle(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
    }

    /// <summary>A hash of the normalized email: the table never holds an address in clear.</summary>
    public string Key { get; private set; } = "";

    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>
    /// Counts an attempt that is about to be checked. Returns how long to wait when the email is locked, otherwise null.
    /// Failures older than the lockout window no longer count: "in a row" means within one window.
    /// </summary>
    public TimeSpan? BeginAttempt(DateTimeOffset now, ThrottlePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (LockedUntil > now)
        {
            return LockedUntil.Value - now;
        }

        if (LockedUntil is not null || LastFailureAt <= now - policy.Lockout)
        {
            ConsecutiveFailures = 0; // the lockout is served, or the earlier failures are too old to be "in a row"
            LockedUntil = null;
        }

        ConsecutiveFailures++;
        LastFailureAt = now;
        if (ConsecutiveFailures >= policy.MaxFailures)
        {
            LockedUntil = now + policy.Lockout; // the attempt still gets its answer; the next ones wait
        }

        return null;
    }
}
