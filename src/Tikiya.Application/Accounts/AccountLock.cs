using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// Logins of one account take turns on its login-throttle row and read the account only once they hold it (see
/// LoginHandler). A change that ends sessions or the account takes the same row first, so every login either
/// committed its session before (and the change ends it) or starts after (and sees the change): no session opened
/// with the old password outlives a reset, a password change or a deletion.
/// </summary>
internal sealed class AccountLock(ILoginThrottleStore throttles, IEmailFingerprinter fingerprinter)
{
    /// <summary>Opens the transaction that holds the row; completing it saves every change of the context and commits.</summary>
    public Task<ILoginAttempt> TakeAsync(User user, CancellationToken cancellationToken) =>
        throttles.BeginAsync(fingerprinter.Fingerprint(user.Email), cancellationToken);
}
