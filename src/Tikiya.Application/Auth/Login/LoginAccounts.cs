using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Devices;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Mfa;
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
/// and its events, which is as many collaborators as STYLE.md §7 allows. With the second factor on, the right
/// password opens an <see cref="MfaChallenges">MFA challenge</see> instead of a session (API.md v1.1).
/// </summary>
internal sealed class LoginAccounts(IApplicationDbContext db, IDeviceTokenCodec codec, AccountPolicy policy,
    MfaChallenges challenges, TimeProvider time)
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
    /// Under the account's lock, once the password was right: whether the account asks for its second factor, in the
    /// same query that tells whether the password checked is still the account's (null when a reset, change or
    /// deletion committed meanwhile).
    /// </summary>
    public Task<bool?> SecondFactorIfUnchangedAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return db.Users
            .Where(u => u.Id == user.Id && u.PasswordHash == user.PasswordHash)
            .Select(u => (bool?)db.TotpAuthenticators.Any(a => a.UserId == u.Id && a.ConfirmedAt != null)) // OnFor's
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc cref="MfaChallenges.OpenAsync"/>
    public Task<string> OpenMfaChallengeAsync(User user, KnownDevice? device, string? deviceName, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        challenges.OpenAsync(user, device, deviceName, now, cancellationToken);

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

        return await IssueDeviceAsync(userId, now, cancellationToken);
    }

    /// <summary>
    /// As <see cref="RememberDeviceAsync"/>, for a login's second step (API.md v1.1), which knows the device its first
    /// step came from but not its token (only a hash is stored): that device gets a new token in place, keeping its
    /// row and its throttle count, and the answer carries it for the client to keep instead of the old one.
    /// </summary>
    public async Task<string> RenewDeviceAsync(Guid userId, Guid? deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (deviceId is { } id)
        {
            var renewed = codec.Create();
            if (await db.DeviceTokens.Where(d => d.Id == id && d.UserId == userId)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.TokenHash, renewed.Hash).SetProperty(x => x.LastUsedAt, now)
                        .SetProperty(x => x.ExpiresAt, DeviceToken.ExpiryAfterUse(now)), cancellationToken) == 1)
            {
                return renewed.Token;
            }
        }

        return await IssueDeviceAsync(userId, now, cancellationToken);
    }

    private async Task<string> IssueDeviceAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
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
