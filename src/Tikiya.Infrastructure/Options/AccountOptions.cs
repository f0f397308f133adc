using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>The account flows' settings (API.md, "Email, codes and mail").</summary>
public sealed class AccountOptions
{
    [ConfigurationKeyName("AUTH_REQUIRE_VERIFIED_EMAIL")]
    public bool RequireVerifiedEmail { get; set; }

    [ConfigurationKeyName("EMAIL_VERIFICATION_TTL_SECS"), Range(300, 2_592_000, ErrorMessage = "EMAIL_VERIFICATION_TTL_SECS must be between 300 and 2592000.")]
    public int VerificationTtlSecs { get; set; } = 86_400;

    /// <summary>Also the lifetime of the email-change code.</summary>
    [ConfigurationKeyName("PASSWORD_RESET_TTL_SECS"), Range(300, 86_400, ErrorMessage = "PASSWORD_RESET_TTL_SECS must be between 300 and 86400.")]
    public int ResetTtlSecs { get; set; } = 3_600;
}
