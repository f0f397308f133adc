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
}
