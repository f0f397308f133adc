using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Application.Auth;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Refresh tokens, v2: base64url (98 characters) of
/// <c>version (1 byte, 2) | session id (16, big endian) | generation (8, big-endian int64) | 32 random bytes | tag (16)</c>,
/// the tag being the first 16 bytes of HMAC-SHA-256 over everything before it, keyed from JWT_SECRET (HKDF, a purpose
/// of its own). The random part is API.md's 256 bits; the session id is no secret (every access token's <c>sid</c>
/// shows it), and the tag is what keeps someone who knows it from writing a token of an earlier generation and so
/// revoking the session as reuse. Stored: the SHA-256 of the whole token (its UTF-8 characters), as for v1 tokens.
/// </summary>
/// <remarks>
/// A v1 token (43 characters: 32 random bytes) is read as <see cref="LegacyRefreshToken"/>, to be found in
/// <c>refresh_tokens</c>. A new JWT_SECRET changes the key: a token tagged with the old one still rotates while it is
/// its session's current token (its hash proves it, and the next token is tagged with the new key), but it no longer
/// proves an earlier generation, so reuse of a token issued before the change is refused without revoking.
/// </remarks>
internal sealed class RefreshTokenCodec(IOptions<JwtOptions> jwt) : IRefreshTokenCodec
{
    public const byte Version = 2;
    public const int LegacyTokenLength = 43;
    private const int SessionIdOffset = 1;
    private const int GenerationOffset = SessionIdOffset + 16;
    private const int RandomOffset = GenerationOffset + sizeof(long);
    private const int RandomBytes = 32;
    private const int TagOffset = RandomOffset + RandomBytes;
    private const int TagBytes = 16;
    private const int TokenBytes = TagOffset + TagBytes;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);
    private static readonly byte[] Purpose = "tikiya/refresh-token/v2"u8.ToArray();

    private readonly byte[] _key = jwt.Value.DeriveKey(Purpose);

    public NewRefreshToken Create(Guid sessionId, long generation)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = Version;
        sessionId.TryWriteBytes(token[SessionIdOffset..GenerationOffset], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token[GenerationOffset..RandomOffset], generation);
        RandomNumberGenerator.Fill(token[RandomOffset..TagOffset]);
        Tag(token[..TagOffset], token[TagOffset..]);
        var text = Base64Url.EncodeToString(token);
        return new NewRefreshToken(text, Hash(text));
    }

    public PresentedRefreshToken? Read(string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        if (refreshToken.Length == LegacyTokenLength)
        {
            return new LegacyRefreshToken(Hash(refreshToken));
        }

        Span<byte> token = stackalloc byte[TokenBytes];
        if (refreshToken.Length != TokenLength || !Base64Url.TryDecodeFromChars(refreshToken, token, out var written)
            || written != TokenBytes || token[0] != Version)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[TagBytes];
        Tag(token[..TagOffset], expected);
        var signed = CryptographicOperations.FixedTimeEquals(expected, token[TagOffset..]);
        return new SessionRefreshToken(new Guid(token[SessionIdOffset..GenerationOffset], bigEndian: true),
            BinaryPrimitives.ReadInt64BigEndian(token[GenerationOffset..RandomOffset]), Hash(refreshToken), signed);
    }

    private static byte[] Hash(string refreshToken) => SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken));

    private void Tag(ReadOnlySpan<byte> tagged, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, tagged, mac);
        mac[..TagBytes].CopyTo(tag);
    }
}
