using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// The password check of an account change (users/me/password, email, delete). It counts in the login throttle of
/// the account's email, like a login: a stolen access token must not become a way to guess the password faster
/// (API.md: a wrong current password is "counted by the login throttle of that email"). Taken in login's order (a
/// hashing slot, then the throttle row) and over before the caller changes anything, so no lock outlives the check.
/// </summary>
internal sealed class PasswordConfirmation(AccountLock accounts, ThrottlePolicy throttlePolicy, IPasswordHasher hasher,
    IPasswordHashingCapacity hashing)
{
    /// <summary>
    /// Returns when <paramref name="password"/> is the account's (its throttle count starts again, as after a login).
    /// Throttled: <see cref="LoginThrottledException"/>; wrong: <see cref="InvalidCurrentPasswordException"/>, counted.
    /// </summary>
    public async Task ConfirmAsync(User user, string password, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var hashingSlot = await hashing.EnterAsync(cancellationToken);
        await using var attempt = await accounts.TakeAsync(user, cancellationToken); // only the throttle changes in it
        if (attempt.Throttle.RetryAfter(now) is { } retryAfter)
        {
            throw new LoginThrottledException(retryAfter);
        }

        var matches = await hasher.VerifyAsync(password, user.PasswordHash, cancellationToken);
        hashingSlot.Dispose();
        if (!matches)
        {
            attempt.Throttle.RecordFailure(now, throttlePolicy);
            await attempt.CompleteAsync(cancellationToken);
            throw new InvalidCurrentPasswordException();
        }

        attempt.Throttle.RecordSuccess();
        await attempt.CompleteAsync(cancellationToken);
    }

    /// <summary>The hash of a new password, with a hashing slot (503 when none is free in time).</summary>
    public async Task<string> HashAsync(string newPassword, CancellationToken cancellationToken)
    {
        using (await hashing.EnterAsync(cancellationToken))
        {
            return await hasher.HashAsync(newPassword, cancellationToken);
        }
    }
}
