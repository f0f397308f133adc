namespace Tikiya.Application.Common.Errors;

/// <summary>
/// The right password on an account whose email is not verified, with AUTH_REQUIRE_VERIFIED_EMAIL=true; answered
/// 403 <c>email_not_verified</c> (a wrong password still answers 401, as for any account).
/// </summary>
public sealed class EmailNotVerifiedException()
    : Exception("Verify your email address before logging in: follow the link or enter the code of the mail we sent.");
