using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// An attempt with a place in a throttle row (<see cref="AccountThrottle.ReserveAsync(Email, string?, CancellationToken)"/>):
/// its email's, or, from a known device of the account, the device's own (API.md v1.1). It holds the place until it
/// records its outcome. Disposed without one (the hasher refused it, the request was cancelled), it gives its place
/// back, so an overload locks nobody out.
/// </summary>
internal sealed class LoginAttempt(AccountThrottle throttle, Email email, string emailKey, string key, DateTimeOffset at)
    : IAsyncDisposable
{
    private bool _settled;

    public Email Email => email;

    /// <summary>When the attempt was reserved: the time of everything it settles.</summary>
    public DateTimeOffset At => at;

    /// <summary>What logs show instead of the address (the email's, whichever row the attempt counts in).</summary>
    public string EmailForLog => AccountThrottle.LoggedFingerprint(emailKey);

    /// <summary>
    /// The password was wrong (or the account unknown): counted at once, in a transaction of its own, with the login's
    /// security events when <paramref name="userId"/> names the account it was for.
    /// </summary>
    public async Task FailAsync(Guid? userId = null)
    {
        _settled = true;
        await throttle.RecordFailureAsync(key, at, userId);
    }

    /// <summary>
    /// The password was right: the count starts again, saved with the caller's transaction, which holds the account's
    /// lock, <paramref name="accountRow"/>. From a device, both counts do (API.md v1.1): the device's, whose row it
    /// locks after the account's (the one order any transaction takes both in), and the email's.
    /// </summary>
    public async Task SucceedAsync(LoginThrottle accountRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountRow);
        if (key == emailKey)
        {
            accountRow.RecordSuccess();
        }
        else
        {
            accountRow.ClearFailures();
            (await throttle.LockAsync(key, cancellationToken)).RecordSuccess();
        }

        _settled = true;
    }

    /// <summary>
    /// The credential was right but is not the whole proof: the password of an account with its second factor on, or a
    /// code checked outside a login's second step. No failure, and no reset either (API.md v1.1: the count starts again
    /// only when <c>login/mfa</c> succeeds); its place is given back in the caller's transaction, which holds the
    /// account's lock.
    /// </summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        (await throttle.LockAsync(key, cancellationToken)).GiveBack();
        _settled = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_settled)
        {
            _settled = true;
            await throttle.GiveBackAsync(key);
        }
    }
}
