using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Devices;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Devices;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Login;

/// <summary>
/// The account a login names, from its first step to its last: the user and the known device a presented device
/// token shows (API.md v1.1, "Sessions and devices"), found before the attempt is reserved since the device decides
/// the row it counts in; whether that account may open a session (AUTH_REQUIRE_VERIFIED_EMAIL); and, once its password
/// was right, the device token its answer carries. A valid token presented is kept, the same one given back (a client
/// stores it once per device); any other login gets a new one. Finding and remembering stay together because they are
/// the two ends of one presented token; <see cref="Sessions.SessionOpening"/> keeps to the session, its tokens, its cap
/// and its events, which is as many collaborators as STYLE.md §7 allows.
/// </summary>
internal sealed class LoginAccounts(IApplicationDbContext db, IDeviceTokenCodec codec, AccountPolicy policy, TimeProvider time)
{
    /// <summary>
    /// The account of <paramref name="email"/> and, when <paramref name="presentedToken"/> is a valid device token of
    /// it, that device, in one query. A token of no use (unknown, expired, ended, another account's) is no device: the
    /// login is then throttled by the v1 rule, and an unknown email runs the same query as a known one.
    /// </summary>
    public async Task<LoginAccount> FindAsync(Email email, string? presentedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = email.Normalized;
        if (string.IsNullOrEmpty(presentedToken))
        {
            return new LoginAccount(await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken),
                null);
        }

        var hash = codec.Hash(presentedToken);
        var now = time.GetUtcNow();
        // DeviceToken.IsValidAt, as the database runs it: the token's hash is unique, so at most one row matches.
        var found = await db.Users
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => new
            {
                User = u,
                DeviceId = db.DeviceTokens.Where(d => d.UserId == u.Id && d.TokenHash == hash && now < d.ExpiresAt)
                    .Select(d => (Guid?)d.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return new LoginAccount(found?.User, found?.DeviceId is { } id ? new KnownDevice(id, presentedToken) : null);
    }

    /// <summary>
    /// Whether the account may open a session once its password was right: with AUTH_REQUIRE_VERIFIED_EMAIL, only
    /// with a verified email (API.md v1.1: 403 <c>email_not_verified</c>, after the password check).
    /// </summary>
    public bool MayOpenSession(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !policy.RequireVerifiedEmail || user.EmailVerified;
    }

    /// <summary>
    /// In the login's transaction, once the password was right: the presented device's last use (its lifetime starts
    /// again), or a new device token, the user's least recently used ones beyond <see cref="DeviceToken.MaxPerUser"/>
    /// less one deleted first. Returns the token for the answer.
    /// </summary>
    public async Task<string> RememberDeviceAsync(Guid userId, KnownDevice? device, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One UPDATE rather than a tracked change: a logout-all that ended the device since the login found it leaves
        // no row, and the login then gets a new token instead of failing its save.
        if (device is not null && await db.DeviceTokens.Where(d => d.Id == device.Id)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.LastUsedAt, now)
                    .SetProperty(x => x.ExpiresAt, DeviceToken.ExpiryAfterUse(now)), cancellationToken) == 1)
        {
            return device.Token;
        }

        // The caller holds the account's lock: two logins of one user never both count the same room.
        await db.DeviceTokens
            .Where(d => d.UserId == userId)
            .OrderByDescending(d => d.LastUsedAt).ThenByDescending(d => d.Id)
            .Skip(DeviceToken.MaxPerUser - 1)
            .ExecuteDeleteAsync(cancellationToken);
        var issued = codec.Create();
        db.DeviceTokens.Add(DeviceToken.Issue(userId, issued.Hash, now));
        return issued.Token;
    }
}
