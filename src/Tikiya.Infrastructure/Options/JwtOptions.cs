using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class JwtOptions
{
    public const int MinSecretBytes = 32;
    public const string Hs256 = "HS256";
    public const string Es256 = "ES256";
    private const int DerivedKeyBytes = 32;

    [Setting("JWT_SECRET", "The HS256 key (its UTF-8 bytes), at least 32 bytes: head -c 48 /dev/urandom | base64", Secret = true)]
    [Required(ErrorMessage = "JWT_SECRET is required (at least 32 bytes; the HS256 key is its UTF-8 bytes).")]
    public string Secret { get; set; } = "";

    [Setting("JWT_SECRET_PREVIOUS", "The former JWT_SECRET while a rotation lasts: with HS256 still accepted to verify access tokens (never to sign); and, without MFA_ENCRYPTION_KEY, with either algorithm it still decrypts the TOTP secrets (each moves to JWT_SECRET at its next use and by the purge) and matches the recovery codes made under it (until new ones replace them)", Secret = true)]
    public string SecretPrevious { get; set; } = "";

    [Setting("JWT_ALGORITHM", "HS256 (signed with JWT_SECRET) or ES256 (signed with JWT_SIGNING_KEY_FILE; public keys at /.well-known/jwks.json)")]
    public string Algorithm { get; set; } = Hs256;

    [Setting("JWT_SIGNING_KEY_FILE", "Required with ES256: a PEM file holding the EC P-256 private key that signs access tokens")]
    public string SigningKeyFile { get; set; } = "";

    [Setting("JWT_VERIFICATION_KEY_FILES", "With ES256: comma-separated PEM files of EC P-256 keys (public or private) still accepted, published in the JWK Set")]
    public string VerificationKeyFiles { get; set; } = "";

    [Setting("JWT_ISSUER", "The iss of access tokens")]
    [Required(ErrorMessage = "JWT_ISSUER must not be empty.")]
    public string Issuer { get; set; } = "tikiya-api";

    [Setting("JWT_AUDIENCE", "The aud of access tokens")]
    [Required(ErrorMessage = "JWT_AUDIENCE must not be empty.")]
    public string Audience { get; set; } = "tikiya-clients";

    [Setting("JWT_ACCESS_TOKEN_TTL_SECS", "Access token lifetime (seconds)")]
    [Range(60, 86_400, ErrorMessage = "JWT_ACCESS_TOKEN_TTL_SECS must be between 60 and 86400.")]
    public int AccessTokenTtlSecs { get; set; } = 900;

    [Setting("JWT_REFRESH_TOKEN_TTL_SECS", "Refresh token lifetime (seconds); each refresh starts a new one")]
    [Range(300, 31_536_000, ErrorMessage = "JWT_REFRESH_TOKEN_TTL_SECS must be between 300 and 31536000.")]
    public int RefreshTokenTtlSecs { get; set; } = 2_592_000;

    public IReadOnlyList<string> VerificationKeyPaths() =>
        VerificationKeyFiles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A 32-byte key of its own <paramref name="purpose"/>, derived from JWT_SECRET (HKDF-SHA-256), so that the signing
    /// key itself is never reused and no two purposes share a key.
    /// </summary>
    public byte[] DeriveKey(byte[] purpose) => DeriveFrom(Secret, purpose);

    /// <summary>
    /// <see cref="DeriveKey"/> from JWT_SECRET_PREVIOUS, for what must still be read after a rotation (the TOTP
    /// secrets, the recovery codes); null when it is not set.
    /// </summary>
    public byte[]? DerivePreviousKey(byte[] purpose) => SecretPrevious.Length == 0 ? null : DeriveFrom(SecretPrevious, purpose);

    /// <summary><see cref="DeriveKey"/> from another secret (the second factor's own, MFA_ENCRYPTION_KEY).</summary>
    public static byte[] DeriveFrom(string secret, byte[] purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), DerivedKeyBytes, salt: [], info: purpose);
}
