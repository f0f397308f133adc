using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Mfa;

/// <summary>
/// A second-factor code checked as a password is (API.md v1.1: wrong codes count in the account's login throttle, so a
/// stolen password or access token cannot try the million codes): the attempt is reserved in the account's throttle
/// row, or its known device's, then the code is checked and what it allows done under the account's lock, in one
/// transaction. A wrong code counts as a failed login; a right one starts the count again only at a login's second
/// step (API.md v1.1), since elsewhere it would clear the wrong codes of that step. No Argon2 runs here.
/// </summary>
internal sealed class SecondFactorCheck(IApplicationDbContext db, AccountThrottle throttle, SecondFactor factor)
{
    /// <summary>
    /// Runs <paramref name="then"/> in the transaction that proved <paramref name="code"/>, and saves and commits them
    /// together. Wrong: counted, then <see cref="InvalidMfaCodeException"/>. An authenticator not in the state
    /// <paramref name="use"/> needs: <see cref="MfaNotEnabledException"/>, <see cref="MfaAlreadyEnabledException"/> or,
    /// at login, <see cref="InvalidMfaTokenException"/>; like anything <paramref name="then"/> throws, it counts nothing.
    /// </summary>
    public async Task<T> ProveThenAsync<T>(User user, string? deviceThrottleKey, string code, SecondFactorUse use,
        Func<TotpAuthenticator, DateTimeOffset, CancellationToken, Task<T>> then, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(then);
        await using var attempt = await throttle.ReserveAsync(user.Email, deviceThrottleKey, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var accountRow = await throttle.LockAsync(user.Email, cancellationToken);
            var authenticator = InState(await db.TotpAuthenticators.SingleOrDefaultAsync(a => a.UserId == user.Id,
                cancellationToken), use);
            if (await factor.ProveAsync(authenticator, code, use != SecondFactorUse.Confirm, attempt.At, cancellationToken))
            {
                var result = await then(authenticator, attempt.At, cancellationToken);
                await SettleAsync(attempt, accountRow, use, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
        }

        await attempt.FailAsync(user.Id); // its own transaction, once the one above has ended
        throw new InvalidMfaCodeException(atLogin: use == SecondFactorUse.Login);
    }

    private static Task SettleAsync(LoginAttempt attempt, Domain.Throttling.LoginThrottle accountRow, SecondFactorUse use,
        CancellationToken cancellationToken) =>
        use == SecondFactorUse.Login
            ? attempt.SucceedAsync(accountRow, cancellationToken)
            : attempt.PassAsync(cancellationToken);

    private static TotpAuthenticator InState(TotpAuthenticator? authenticator, SecondFactorUse use) => use switch
    {
        SecondFactorUse.Confirm when authenticator is { IsConfirmed: true } => throw new MfaAlreadyEnabledException(),
        SecondFactorUse.Confirm => authenticator ?? throw new MfaNotEnabledException(MfaNotEnabledException.NotEnrolled),
        SecondFactorUse.Login when authenticator is not { IsConfirmed: true } => throw new InvalidMfaTokenException(),
        _ when authenticator is not { IsConfirmed: true } => throw new MfaNotEnabledException(MfaNotEnabledException.NotEnabled),
        _ => authenticator,
    };
}
