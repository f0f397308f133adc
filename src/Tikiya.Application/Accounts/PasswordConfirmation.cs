using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Users;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// The password check of an account change (users/me/password, email, delete). It counts in the login throttle of
/// the account's email, like a login: a stolen access token must not become a way to guess the password faster
/// (API.md: a wrong current password is "counted by the login throttle of that email"). Reserve, verify with nothing
/// held, settle, as a login does; over before the caller changes anything. The change it guards is then made under
/// the same throttle row's lock (<see cref="LockAccountAsync"/>), so the check and the lock travel together.
/// </summary>
internal sealed class PasswordConfirmation(IApplicationDbContext db, ICaller caller, AccountThrottle throttle, IPasswordHasher hasher)
{
    /// <summary>The caller's account (tracked; gone is 401), once <paramref name="password"/> proves it theirs (<see cref="ConfirmAsync"/>).</summary>
    public async Task<User> ConfirmCallerAsync(string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        await ConfirmAsync(user, password, cancellationToken);
        return user;
    }

    /// <summary>
    /// Returns when <paramref name="password"/> is the account's (its throttle count starts again, as after a login;
    /// with the second factor on it does not, as the count holds wrong codes too, which only a <c>login/mfa</c> success
    /// clears). Throttled: <see cref="LoginThrottledException"/>; wrong: <see cref="InvalidCurrentPasswordException"/>,
    /// counted.
    /// </summary>
    public async Task ConfirmAsync(User user, string password, CancellationToken cancellationToken)
    {
        await using var attempt = await throttle.ReserveAsync(user.Email, cancellationToken);
        if (await hasher.VerifyAsync(password, user.PasswordHash, cancellationToken) == PasswordVerification.Failed)
        {
            await attempt.FailAsync(user.Id); // a wrong guess at the account's password: its login_failed event, as at login
            throw new InvalidCurrentPasswordException();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accountRow = await throttle.LockAsync(user.Email, cancellationToken);
        if (await db.TotpAuthenticators.AnyAsync(TotpAuthenticator.OnFor(user.Id), cancellationToken))
        {
            await attempt.PassAsync(cancellationToken);
        }
        else
        {
            await attempt.SucceedAsync(accountRow, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// In the caller's open transaction, waits for and takes the account's lock (<see
    /// cref="AccountThrottle.LockAsync(Email, CancellationToken)"/>): a login settling meanwhile either settled before the
    /// change (which then ends its session) or sees it.
    /// </summary>
    public Task<LoginThrottle> LockAccountAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return throttle.LockAsync(user.Email, cancellationToken);
    }

    /// <summary>The hash of a new password (503 when the hasher has no room for it in time).</summary>
    public async Task<string> HashAsync(string newPassword, CancellationToken cancellationToken) =>
        await hasher.HashAsync(newPassword, cancellationToken);
}
