using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class JwtOptions
{
    public const int MinSecretBytes = 32;

    [ConfigurationKeyName("JWT_SECRET"), Required(ErrorMessage = "JWT_SECRET is required (at least 32 bytes; the HS256 key is its UTF-8 bytes).")]
    public string Secret { get; set; } = "";

    [ConfigurationKeyName("JWT_ISSUER"), Required(ErrorMessage = "JWT_ISSUER must not be empty.")]
    public string Issuer { get; set; } = "tikiya-api";

    [ConfigurationKeyName("JWT_AUDIENCE"), Required(ErrorMessage = "JWT_AUDIENCE must not be empty.")]
    public string Audience { get; set; } = "tikiya-clients";
}
