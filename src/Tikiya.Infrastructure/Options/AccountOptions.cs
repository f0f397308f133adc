using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>The account flows' settings (API.md, "Email, codes and mail").</summary>
public sealed class AccountOptions
{
    [Setting("AUTH_REQUIRE_VERIFIED_EMAIL", "true: login refuses an account whose email is not verified (403 email_not_verified)")]
    public bool RequireVerifiedEmail { get; set; }

    [Setting("EMAIL_VERIFICATION_TTL_SECS", "Lifetime of a verification code and link (seconds)")]
    [Range(300, 2_592_000, ErrorMessage = "EMAIL_VERIFICATION_TTL_SECS must be between 300 and 2592000.")]
    public int VerificationTtlSecs { get; set; } = 86_400;

    [Setting("PASSWORD_RESET_TTL_SECS", "Lifetime of a password-reset code and link, and of an email-change code (seconds)")]
    [Range(300, 86_400, ErrorMessage = "PASSWORD_RESET_TTL_SECS must be between 300 and 86400.")]
    public int ResetTtlSecs { get; set; } = 3_600;
}
