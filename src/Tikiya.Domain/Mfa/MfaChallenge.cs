using System.Linq.Expressions;

namespace Tikiya.Domain.Mfa;

/// <summary>
/// The first step of a login that needs its second factor (API.md v1.1): the password was right, and the
/// <c>mfaToken</c> the answer carried names this row (only its hash is stored) for <see cref="Lifetime"/>, once. It
/// keeps what the second step needs to finish the login as the first one began it: the account, the device it came
/// from (its throttle row; null for none), the device name for the session, and a stamp of the password it proved, so
/// that a reset or a change in between spends it.
/// </summary>
public sealed class MfaChallenge
{
    /// <summary>API.md: an <c>mfaToken</c> lives five minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private MfaChallenge() { } // for EF Core

    private MfaChallenge(Guid userId, byte[] tokenHash, byte[] passwordStamp, Guid? deviceTokenId, string? deviceName,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        TokenHash = tokenHash;
        PasswordStamp = passwordStamp;
        DeviceTokenId = deviceTokenId;
        DeviceName = deviceName;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    /// <summary>A hash of the account's password hash when the password was proved (not the hash itself).</summary>
    public byte[] PasswordStamp { get; private set; } = [];

    /// <summary>The known device the login came from, whose throttle row counts its codes; null for none.</summary>
    public Guid? DeviceTokenId { get; private set; }

    /// <summary>The login's <c>deviceName</c>, validated, for the session the second step opens.</summary>
    public string? DeviceName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static MfaChallenge Open(Guid userId, byte[] tokenHash, byte[] passwordStamp, Guid? deviceTokenId,
        string? deviceName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        ArgumentNullException.ThrowIfNull(passwordStamp);
        return new MfaChallenge(userId, tokenHash, passwordStamp, deviceTokenId, deviceName, now);
    }

    /// <summary>The challenge an <c>mfaToken</c> of this hash names, while it lives.</summary>
    public static Expression<Func<MfaChallenge, bool>> Named(byte[] tokenHash, DateTimeOffset now) =>
        c => c.TokenHash == tokenHash && now < c.ExpiresAt;

    /// <summary>Challenges no second step can use any more (the purge).</summary>
    public static Expression<Func<MfaChallenge, bool>> ExpiredAt(DateTimeOffset now) => c => c.ExpiresAt <= now;
}
