using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// The login throttle rows (<see cref="ILoginThrottleRows"/>) by what names them: an email's row is keyed by the email's
/// fingerprint (<see cref="IEmailFingerprinter"/>), a known device's by the key it carries. The fingerprint and the row
/// always travel together, so the throttle takes them as one.
/// </summary>
internal sealed class ThrottleRows(ILoginThrottleRows rows, IEmailFingerprinter fingerprinter)
{
    /// <summary>The key of the email's row, whose start is also what logs show instead of the address.</summary>
    public string KeyOf(Email email) => fingerprinter.Fingerprint(email);

    /// <summary>In the caller's open transaction, the email's row, fresh and locked (<see cref="ILoginThrottleRows.LockAsync"/>).</summary>
    public Task<LoginThrottle> LockAsync(Email email, CancellationToken cancellationToken) =>
        rows.LockAsync(KeyOf(email), cancellationToken);

    /// <summary>In the caller's open transaction, the row of <paramref name="key"/>, fresh and locked.</summary>
    public Task<LoginThrottle> LockAsync(string key, CancellationToken cancellationToken) => rows.LockAsync(key, cancellationToken);
}
