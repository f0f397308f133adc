using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Auth.Devices;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Mfa;

/// <summary>
/// The <c>mfaToken</c>s between a login's two steps (API.md v1.1): 256 random bits, stored as their SHA-256 (the link
/// tokens' scheme, <see cref="IOneTimeCodes"/>), single use, five minutes. A user holds at most <see cref="MaxPerUser"/>
/// at once, so first steps repeated with the right password cannot grow the table.
/// </summary>
internal sealed class MfaChallenges(IApplicationDbContext db, IOneTimeCodes tokens, TimeProvider time)
{
    public const int MaxPerUser = 10;

    /// <summary>
    /// In the login's transaction, which holds the account's lock: a new challenge for the right password of
    /// <paramref name="user"/>, the oldest beyond <see cref="MaxPerUser"/> less one deleted first. Returns its token.
    /// </summary>
    public async Task<string> OpenAsync(User user, KnownDevice? device, string? deviceName, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await db.MfaChallenges
            .Where(c => c.UserId == user.Id)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(MaxPerUser - 1)
            .ExecuteDeleteAsync(cancellationToken);
        var token = tokens.NewLinkToken();
        db.MfaChallenges.Add(MfaChallenge.Open(user.Id, token.Hash, PasswordStamp(user.PasswordHash), device?.Id, deviceName, now));
        return token.Value;
    }

    /// <summary>
    /// The live challenge <paramref name="mfaToken"/> names and its account, untracked, in one query; null for none (401
    /// <c>invalid_mfa_token</c>).
    /// </summary>
    public async Task<(MfaChallenge Challenge, User User)?> FindAsync(string mfaToken, CancellationToken cancellationToken)
    {
        var hash = tokens.HashLinkToken(mfaToken);
        var now = time.GetUtcNow();
        var found = await db.MfaChallenges.AsNoTracking().Where(MfaChallenge.Named(hash, now))
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { Challenge = c, User = u })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Challenge, found.User);
    }

    /// <summary>
    /// In the second step's transaction, under the account's lock: spends the challenge, if it is still there and the
    /// account's password is still the one its first step proved (a reset or a change in between spends it too, and a
    /// deleted account took its challenges with it).
    /// </summary>
    public async Task<bool> SpendAsync(MfaChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (await db.MfaChallenges.Where(c => c.Id == challenge.Id).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return false;
        }

        var passwordHash = await db.Users.Where(u => u.Id == challenge.UserId).Select(u => u.PasswordHash)
            .SingleOrDefaultAsync(cancellationToken);
        return passwordHash is not null && CryptographicOperations.FixedTimeEquals(challenge.PasswordStamp, PasswordStamp(passwordHash));
    }

    // A digest of the password hash, not the hash: what the row needs is only to tell whether it changed.
    private static byte[] PasswordStamp(string passwordHash) => SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash));
}
