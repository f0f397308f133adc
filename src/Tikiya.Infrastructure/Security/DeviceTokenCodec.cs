using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Application.Auth.Devices;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Device tokens: 32 random bytes, base64url (43 characters), stored as HMAC-SHA-256 of the token keyed from
/// JWT_SECRET (HKDF, a purpose of its own, as the refresh token's tag and the email fingerprint). A new JWT_SECRET
/// changes every hash: the devices known until then are unknown from then on, their logins are throttled by the v1 rule
/// and answer a new token (docs/configuration.md).
/// </summary>
internal sealed class DeviceTokenCodec(IOptions<JwtOptions> jwt) : IDeviceTokenCodec
{
    private const int TokenBytes = 32;
    private static readonly byte[] Purpose = "tikiya/device-token/v1"u8.ToArray();

    private readonly byte[] _key = jwt.Value.DeriveKey(Purpose);

    public NewDeviceToken Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return new NewDeviceToken(token, Hash(token));
    }

    public byte[] Hash(string deviceToken)
    {
        ArgumentNullException.ThrowIfNull(deviceToken);
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(deviceToken));
    }
}
