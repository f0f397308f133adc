namespace Tikiya.Domain.Throttling;

/// <summary>
/// Failed logins in a row for one email, known or not (API.md: "whether or not the account exists"). An attempt
/// reserves its place before its password is checked, and attempts for one email reserve in turn on this row: the
/// failures so far plus the attempts in flight never exceed the limit, so however many arrive at once, no more guesses
/// are checked than the policy allows, and the password is checked with nothing held.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>
    /// An attempt in flight longer than this was abandoned (its process ended mid-check): it no longer holds a place.
    /// Far beyond any request's timeout.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    private LoginThrottle() { } // for EF Core

    public LoginThrottle(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
    }

    /// <summary>
    /// A keyed hash of the normalized email: the table never holds an address, in clear or guessable. Or, for the
    /// logins of a known device, the device's key (<see cref="Devices.DeviceToken.ThrottleKey"/>, API.md v1.1).
    /// </summary>
    public string Key { get; private set; } = "";

    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>Attempts reserved whose outcome is not recorded yet.</summary>
    public int AttemptsInFlight { get; private set; }

    public DateTimeOffset? LastReservedAt { get; private set; }

    /// <summary>How long the email must still wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(DateTimeOffset now) => LockedUntil > now ? LockedUntil.Value - now : null;

    /// <summary>Takes a place for one attempt, unless the email is locked or every remaining place is taken.</summary>
    public ReservationOutcome Reserve(DateTimeOffset now, ThrottlePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (RetryAfter(now) is not null)
        {
            return ReservationOutcome.Throttled;
        }

        ForgetExpired(now, policy);
        if (LastReservedAt <= now - AbandonedAfter)
        {
            AttemptsInFlight = 0;
        }

        if (ConsecutiveFailures + AttemptsInFlight >= policy.MaxFailures)
        {
            return ReservationOutcome.Busy;
        }

        AttemptsInFlight++;
        LastReservedAt = now;
        return ReservationOutcome.Reserved;
    }

    /// <summary>A reserved attempt failed: counted; the one that reaches the limit locks the email for the lockout.</summary>
    public void RecordFailure(DateTimeOffset now, ThrottlePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Land();
        ForgetExpired(now, policy);
        ConsecutiveFailures++;
        LastFailureAt = now;
        if (ConsecutiveFailures >= policy.MaxFailures)
        {
            LockedUntil = now + policy.Lockout;
        }
    }

    /// <summary>A reserved attempt succeeded: the count starts again (API.md).</summary>
    public void RecordSuccess()
    {
        Land();
        ClearFailures();
    }

    /// <summary>A reserved attempt whose password was never checked (refused by the hasher, cancelled): no outcome.</summary>
    public void GiveBack() => Land();

    /// <summary>A password reset: the count starts again, attempts in flight keep their places (API.md).</summary>
    public void ClearFailures()
    {
        ConsecutiveFailures = 0;
        LastFailureAt = null;
        LockedUntil = null;
    }

    // Failures older than the lockout window, or before a served lockout, no longer count: "in a row" means within one window.
    private void ForgetExpired(DateTimeOffset now, ThrottlePolicy policy)
    {
        if (LockedUntil <= now || LastFailureAt <= now - policy.Lockout)
        {
            ConsecutiveFailures = 0;
            LockedUntil = null;
        }
    }

    private void Land() => AttemptsInFlight = Math.Max(0, AttemptsInFlight - 1);
}
