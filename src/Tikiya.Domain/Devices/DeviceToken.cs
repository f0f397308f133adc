using System.Linq.Expressions;

namespace Tikiya.Domain.Devices;

/// <summary>
/// A device its owner logged in from (API.md v1.1, "Sessions and devices"): a login that presents the device's token is
/// throttled on the token's own count, so the failures of others on the email do not lock that device out. Only a
/// keyed hash of the token is stored. It lapses <see cref="Lifetime"/> after its last successful login, and ends with
/// the account (the foreign key cascades) and with logout-all. A user keeps at most <see cref="MaxPerUser"/>: a new one
/// past it replaces the least recently used, so logins that never keep their token cannot grow the table.
/// </summary>
public sealed class DeviceToken
{
    /// <summary>How long a device stays known after its last successful login (issue 14: one year).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>Known devices per user; beyond it the least recently used is forgotten.</summary>
    public const int MaxPerUser = 100;

    // Email fingerprints are 64 hex digits: a device's throttle key can never be one.
    private const string ThrottleKeyPrefix = "device:";

    private DeviceToken() { } // for EF Core

    private DeviceToken(Guid userId, byte[] tokenHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = now;
        LastUsedAt = now;
        ExpiresAt = ExpiryAfterUse(now);
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The keyed hash of the token; the token itself is only ever in the login's answer.</summary>
    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Its last successful login: the order in which the least recently used goes.</summary>
    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The login throttle row of the device (never an email's): its own count, with the same policy.</summary>
    public string ThrottleKey => ThrottleKeyOf(Id);

    /// <summary>A device the user just logged in from with the right password.</summary>
    public static DeviceToken Issue(Guid userId, byte[] tokenHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return new DeviceToken(userId, tokenHash, now);
    }

    /// <summary>The throttle key of the device <paramref name="deviceTokenId"/>.</summary>
    public static string ThrottleKeyOf(Guid deviceTokenId) => ThrottleKeyPrefix + deviceTokenId.ToString("N");

    /// <summary>A device used at <paramref name="usedAt"/> stays known until then (the lifetime starts again at each use).</summary>
    public static DateTimeOffset ExpiryAfterUse(DateTimeOffset usedAt) => usedAt + Lifetime;

    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>Device tokens that no login can present any more (the purge).</summary>
    public static Expression<Func<DeviceToken, bool>> ExpiredAt(DateTimeOffset now) => d => d.ExpiresAt <= now;
}
