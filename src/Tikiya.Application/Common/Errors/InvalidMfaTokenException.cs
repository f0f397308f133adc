namespace Tikiya.Application.Common.Errors;

/// <summary>
/// An <c>mfaToken</c> that is unknown, expired, already used, or spent by a change of the account since (a password
/// reset or change, MFA switched off): 401 <c>invalid_mfa_token</c>. The login starts again with the password.
/// </summary>
public sealed class InvalidMfaTokenException() : Exception("The sign-in has expired or was already completed. Sign in again.");
