namespace Tikiya.Application.Common.Errors;

/// <summary>
/// A second-factor change for an account that has none to change: a confirmation with no pending enrolment, or a
/// disable or new recovery codes with MFA off. 400 <c>mfa_not_enabled</c>.
/// </summary>
public sealed class MfaNotEnabledException(string message) : Exception(message)
{
    public const string NotEnrolled = "No enrolment is pending: start one with POST users/me/mfa/totp.";
    public const string NotEnabled = "Two-step sign-in is not on for this account.";
}
