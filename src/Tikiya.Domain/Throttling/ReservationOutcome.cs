namespace Tikiya.Domain.Throttling;

public enum ReservationOutcome
{
    /// <summary>The attempt may check its password; it is in flight until it records its outcome or gives back.</summary>
    Reserved,

    /// <summary>The email is locked out: <see cref="LoginThrottle.RetryAfter"/> says for how long.</summary>
    Throttled,

    /// <summary>
    /// The attempts in flight could still use up what the email may try: whether this one may go on depends on their
    /// outcomes, so it asks again shortly (right passwords arriving together all get in; guesses never exceed the limit).
    /// </summary>
    Busy,
}
