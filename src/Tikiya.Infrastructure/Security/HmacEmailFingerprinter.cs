using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Users;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// HMAC-SHA-256 of the normalized email, keyed from JWT_SECRET (HKDF, so the signing key itself is never reused).
/// A new secret gives new fingerprints: throttle counts and request limits restart, and logs name an address by a
/// new fingerprint from then on (docs/configuration.md).
/// </summary>
internal sealed class HmacEmailFingerprinter(IOptions<JwtOptions> jwt) : IEmailFingerprinter
{
    private static readonly byte[] Purpose = "tikiya/email-fingerprint/v1"u8.ToArray();

    private readonly byte[] _key = jwt.Value.DeriveKey(Purpose);

    public string Fingerprint(Email email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email.Normalized)));
    }
}
