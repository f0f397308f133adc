using System.Linq.Expressions;

namespace Tikiya.Domain.Mfa;

/// <summary>
/// An account's TOTP second factor (API.md v1.1, "Second factor"; RFC 6238): its secret, encrypted (the key is not in
/// the database), from enrolment until it is confirmed with a first code, which switches MFA on. At most one per
/// account: a new enrolment before the confirmation replaces the pending one. The last time step a code was accepted
/// for is kept, so that no code is accepted twice, however short-lived its window.
/// </summary>
public sealed class TotpAuthenticator
{
    /// <summary>RFC 6238's time step, as authenticator apps assume it.</summary>
    public const int StepSeconds = 30;

    /// <summary>Codes are six digits.</summary>
    public const int Digits = 6;

    /// <summary>Steps accepted either side of the current one: a phone's clock a little off, a code typed as it turned.</summary>
    public const int DriftSteps = 1;

    /// <summary>An enrolment never confirmed is forgotten after this long (the purge).</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromDays(1);

    private TotpAuthenticator() { } // for EF Core

    private TotpAuthenticator(Guid userId, EncryptedSecret secret, DateTimeOffset now)
    {
        UserId = userId;
        CreatedAt = now;
        ReplaceSecret(secret);
    }

    public Guid UserId { get; private set; }

    /// <summary>The secret, encrypted (nonce, ciphertext and tag), bound to the account it belongs to.</summary>
    public byte[] SecretCiphertext { get; private set; } = [];

    /// <summary>Which key encrypted it: a new key re-encrypts it, and this tells the ones still under an earlier key.</summary>
    public byte[] KeyId { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its first code confirmed it: MFA is on from then. Null while the enrolment is pending.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The time step of the last code accepted, Unix time over <see cref="StepSeconds"/>; null before any.</summary>
    public long? LastAcceptedStep { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>A new, pending enrolment of <paramref name="userId"/>.</summary>
    public static TotpAuthenticator Enrol(Guid userId, EncryptedSecret secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new TotpAuthenticator(userId, secret, now);
    }

    /// <summary>
    /// Whether <paramref name="userId"/> has the second factor on (a confirmed authenticator; a pending one is not). A
    /// query correlated with its user (the login's, users/me's) writes the same condition against the user's id.
    /// </summary>
    public static Expression<Func<TotpAuthenticator, bool>> OnFor(Guid userId) => a => a.UserId == userId && a.ConfirmedAt != null;

    /// <summary>Enrolments never confirmed within <see cref="PendingLifetime"/> (the purge).</summary>
    public static Expression<Func<TotpAuthenticator, bool>> AbandonedAt(DateTimeOffset now)
    {
        var startedBefore = now - PendingLifetime;
        return a => a.ConfirmedAt == null && a.CreatedAt <= startedBefore;
    }

    /// <summary>The time step of <paramref name="at"/>: what a code is computed from.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// Whether a code of <paramref name="step"/> may still be accepted: only a step after the last accepted one, so
    /// a code seen once (over a shoulder, in a proxy's log) cannot be used again within its window.
    /// </summary>
    public bool MayAccept(long step) => LastAcceptedStep is not { } last || step > last;

    /// <summary>A code of <paramref name="step"/> was accepted: none of it or before it will be again.</summary>
    public void Accept(long step)
    {
        if (!MayAccept(step))
        {
            throw new InvalidOperationException("A code of this step or an earlier one was already accepted.");
        }

        LastAcceptedStep = step;
    }

    /// <summary>The first code was right: MFA is on.</summary>
    public void Confirm(long step, DateTimeOffset now)
    {
        Accept(step);
        ConfirmedAt ??= now;
    }

    /// <summary>The same secret under another key (a rotation of the key), or a pending enrolment's new secret.</summary>
    public void ReplaceSecret(EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        SecretCiphertext = secret.Ciphertext;
        KeyId = secret.KeyId;
    }

    /// <summary>A pending enrolment asked for again: a new secret, and its time starts again.</summary>
    public void Restart(EncryptedSecret secret, DateTimeOffset now)
    {
        if (IsConfirmed)
        {
            throw new InvalidOperationException("A confirmed authenticator is not enrolled again.");
        }

        ReplaceSecret(secret);
        CreatedAt = now;
        LastAcceptedStep = null;
    }
}
