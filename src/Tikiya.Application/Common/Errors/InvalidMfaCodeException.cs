namespace Tikiya.Application.Common.Errors;

/// <summary>
/// A TOTP code that is wrong, outside its window or already used, or a recovery code that is unknown or used: one
/// answer for all. At <c>login/mfa</c> it is 401 <c>invalid_mfa_code</c> and the <c>mfaToken</c> stays usable; on the
/// account's own MFA endpoints, 400 with the same code.
/// </summary>
public sealed class InvalidMfaCodeException(bool atLogin) : Exception("The code is not valid.")
{
    /// <summary>Whether it answers a login's second step (401) rather than a change of the account (400).</summary>
    public bool AtLogin { get; } = atLogin;
}
