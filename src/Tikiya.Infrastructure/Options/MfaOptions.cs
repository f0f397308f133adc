using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>The second factor's settings (API.md v1.1, "Second factor").</summary>
public sealed class MfaOptions
{
    public const int MaxIssuerLength = 64;

    // The label of an otpauth URI is "issuer:account": a colon in the issuer would split it in the wrong place.
    [Setting("MFA_ISSUER", "The issuer label in otpauth:// URIs: the name authenticator apps show above the account")]
    [Required(ErrorMessage = "MFA_ISSUER must not be empty.")]
    [MaxLength(MaxIssuerLength, ErrorMessage = "MFA_ISSUER must be at most 64 characters.")]
    [RegularExpression("^[^:]+$", ErrorMessage = "MFA_ISSUER must not contain a colon.")]
    public string Issuer { get; set; } = "Tikiya";

    // Optional: unset, the keys derive from JWT_SECRET (and JWT_SECRET_PREVIOUS), which is what a v1 deployment has.
    [Setting("MFA_ENCRYPTION_KEY", "Optional, at least 32 bytes: the secret TOTP secrets are encrypted and recovery codes keyed from, so that rotating JWT_SECRET (or sharing it with resource servers) does not touch them; unset, JWT_SECRET", Secret = true)]
    public string EncryptionKey { get; set; } = "";

    [Setting("MFA_ENCRYPTION_KEY_PREVIOUS", "The former MFA secret while TOTP secrets move to MFA_ENCRYPTION_KEY (to leave JWT_SECRET for a key of their own: the JWT_SECRET value); unset without MFA_ENCRYPTION_KEY, JWT_SECRET_PREVIOUS", Secret = true)]
    public string EncryptionKeyPrevious { get; set; } = "";
}
