using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// An attempt with a place in its email's throttle (<see cref="AccountThrottle.ReserveAsync"/>), until it records its
/// outcome. Disposed without one (the hasher refused it, the request was cancelled), it gives its place back, so an
/// overload locks nobody out.
/// </summary>
internal sealed class LoginAttempt(AccountThrottle throttle, Email email, string key, DateTimeOffset at) : IAsyncDisposable
{
    private bool _settled;

    public Email Email => email;

    /// <summary>When the attempt was reserved: the time of everything it settles.</summary>
    public DateTimeOffset At => at;

    /// <summary>What logs show instead of the address.</summary>
    public string EmailForLog => AccountThrottle.LoggedFingerprint(key);

    /// <summary>
    /// The password was wrong (or the account unknown): counted at once, in a transaction of its own, with the login's
    /// security events when <paramref name="userId"/> names the account it was for.
    /// </summary>
    public async Task FailAsync(Guid? userId = null)
    {
        _settled = true;
        await throttle.RecordFailureAsync(key, at, userId);
    }

    /// <summary>The password was right: the count starts again, saved with the caller's transaction on <paramref name="row"/>.</summary>
    public void Succeed(LoginThrottle row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.RecordSuccess();
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
