using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The secrets the second factor's keys derive from (HKDF, a purpose each): MFA_ENCRYPTION_KEY when set, so that a
/// rotation of JWT_SECRET, or a JWT_SECRET that HS256 resource servers hold, leaves TOTP secrets and recovery codes
/// alone; otherwise JWT_SECRET, which every deployment has. The previous one reads what the current one has not
/// re-made yet: MFA_ENCRYPTION_KEY_PREVIOUS, or without MFA_ENCRYPTION_KEY, JWT_SECRET_PREVIOUS.
/// </summary>
internal sealed class MfaKeys(IOptions<JwtOptions> jwt, IOptions<MfaOptions> mfa)
{
    private readonly string _current = mfa.Value.EncryptionKey.Length > 0 ? mfa.Value.EncryptionKey : jwt.Value.Secret;

    private readonly string _previous = mfa.Value.EncryptionKeyPrevious.Length > 0 ? mfa.Value.EncryptionKeyPrevious
        : mfa.Value.EncryptionKey.Length > 0 ? ""
        : jwt.Value.SecretPrevious;

    public byte[] Current(byte[] purpose) => JwtOptions.DeriveFrom(_current, purpose);

    public byte[]? Previous(byte[] purpose) => _previous.Length == 0 ? null : JwtOptions.DeriveFrom(_previous, purpose);
}
