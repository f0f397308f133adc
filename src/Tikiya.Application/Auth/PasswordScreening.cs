using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth;

/// <summary>
/// Whether a new password is one that attackers try first (NIST SP 800-63B §3.1.1.2: a list of values known to be
/// commonly used or compromised). Register, reset-password and users/me/password ask; login does not, so its path
/// stays as it was and an account with such a password can still sign in and change it.
/// </summary>
internal sealed class PasswordScreening(ICommonPasswordList commonPasswords, IBreachedPasswordCheck breaches)
{
    // The list first: it costs no I/O, and a password on it needs no request to the outside service.
    public async ValueTask<bool> IsTooCommonAsync(string password, CancellationToken cancellationToken) =>
        commonPasswords.Contains(password) || await breaches.IsBreachedAsync(password, cancellationToken);
}
