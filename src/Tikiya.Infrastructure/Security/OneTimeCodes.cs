using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Codes: 6 random digits, stored as HMAC-SHA-256 keyed from JWT_SECRET (HKDF, its own purpose) over the account id
/// and the code, so a copy of the table alone cannot be searched through the million codes. Link tokens: 256 random
/// bits, base64url, stored as their SHA-256. A new JWT_SECRET only invalidates codes that live an hour or a day.
/// </summary>
internal sealed class OneTimeCodes(IOptions<JwtOptions> jwt) : IOneTimeCodes
{
    private const int LinkTokenBytes = 32;
    private static readonly byte[] Purpose = "tikiya/email-code/v1"u8.ToArray();

    private readonly byte[] _key = jwt.Value.DeriveKey(Purpose);

    public OneTimeSecret NewCode(Guid userId)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return new OneTimeSecret(code, HashCode(userId, code));
    }

    public byte[] HashCode(Guid userId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{userId:N}:{code}"));
    }

    public OneTimeSecret NewLinkToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(LinkTokenBytes));
        return new OneTimeSecret(token, HashLinkToken(token));
    }

    public byte[] HashLinkToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
