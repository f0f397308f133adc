using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// The password check of an account change (users/me/password, email, delete). It counts in the login throttle of
/// the account's email, like a login: a stolen access token must not become a way to guess the password faster
/// (API.md: a wrong current password is "counted by the login throttle of that email"). Reserve, verify with nothing
/// held, settle, as a login does; over before the caller changes anything.
/// </summary>
internal sealed class PasswordConfirmation(IApplicationDbContext db, AccountThrottle throttle, IPasswordHasher hasher)
{
    /// <summary>
    /// Returns when <paramref name="password"/> is the account's (its throttle count starts again, as after a login).
    /// Throttled: <see cref="LoginThrottledException"/>; wrong: <see cref="InvalidCurrentPasswordException"/>, counted.
    /// </summary>
    public async Task ConfirmAsync(User user, string password, CancellationToken cancellationToken)
    {
        await using var attempt = await throttle.ReserveAsync(user.Email, cancellationToken);
        if (await hasher.VerifyAsync(password, user.PasswordHash, cancellationToken) == PasswordVerification.Failed)
        {
            await attempt.FailAsync();
            throw new InvalidCurrentPasswordException();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await attempt.SucceedAsync(await throttle.LockAsync(user.Email, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The hash of a new password (503 when the hasher has no room for it in time).</summary>
    public async Task<string> HashAsync(string newPassword, CancellationToken cancellationToken) =>
        await hasher.HashAsync(newPassword, cancellationToken);
}
