using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tikiya.Application.Auth;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>
/// The v2 refresh token: base64url of version | session id | generation | 32 random bytes | tag, the tag a truncated
/// HMAC-SHA-256 keyed from JWT_SECRET; stored as the SHA-256 of the token.
/// </summary>
public sealed class RefreshTokenCodecTests
{
    private const string Secret = "refresh-token-codec-tests-secret-32-bytes+";
    private static readonly Guid SessionId = Guid.Parse("019b7a3c-1d2e-7f00-8a1b-2c3d4e5f6071");

    [Test]
    public void Create_LaysOutVersionSessionGenerationRandomAndTag()
    {
        var token = Codec().Create(SessionId, 0x0102030405060708);

        var bytes = Base64Url.DecodeFromChars(token.Token);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(Secret), 32, [], "tikiya/refresh-token/v2"u8.ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Token, Has.Length.EqualTo(98));
            Assert.That(bytes, Has.Length.EqualTo(1 + 16 + 8 + 32 + 16));
            Assert.That(bytes[0], Is.EqualTo(2), "version");
            Assert.That(new Guid(bytes.AsSpan(1, 16), bigEndian: true), Is.EqualTo(SessionId));
            Assert.That(bytes[17..25], Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }), "generation, big endian");
            Assert.That(bytes[57..], Is.EqualTo(HMACSHA256.HashData(key, bytes[..57])[..16]), "tag");
            Assert.That(token.Hash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(token.Token))));
        }
    }

    [Test]
    public void Create_TwiceForOneGeneration_GivesAnotherRandomPart()
    {
        var codec = Codec();

        var first = Base64Url.DecodeFromChars(codec.Create(SessionId, 1).Token);
        var second = Base64Url.DecodeFromChars(codec.Create(SessionId, 1).Token);

        Assert.That(first[25..57], Is.Not.EqualTo(second[25..57]));
    }

    [Test]
    public void Read_OfACreatedToken_GivesItsSessionGenerationAndHash()
    {
        var codec = Codec();
        var token = codec.Create(SessionId, 42);

        var read = codec.Read(token.Token);

        Assert.That(read, Is.TypeOf<SessionRefreshToken>());
        var named = (SessionRefreshToken)read!;
        Assert.That((named.SessionId, named.Generation, named.Hash), Is.EqualTo((SessionId, 42L, token.Hash)));
    }

    [Test]
    public void Read_WithAnyByteChanged_IsNeverProven()
    {
        var codec = Codec();
        var bytes = Base64Url.DecodeFromChars(codec.Create(SessionId, 7).Token);

        var accepted = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            if (codec.Read(Base64Url.EncodeToString(tampered)) is SessionRefreshToken { Proven: true })
            {
                accepted.Add(i);
            }
        }

        Assert.That(accepted, Is.Empty, "the tag covers every byte, and is itself checked");
    }

    [Test]
    public void Read_OfATokenMadeUnderAnotherSecret_NamesItsSessionUnproven()
    {
        var token = Codec("another-secret-of-at-least-thirty-two-bytes").Create(SessionId, 1);

        var read = Codec().Read(token.Token);

        Assert.That(read, Is.TypeOf<SessionRefreshToken>());
        var named = (SessionRefreshToken)read!;
        Assert.That((named.SessionId, named.Generation, named.Hash, named.Proven), Is.EqualTo((SessionId, 1L, token.Hash, false)));
    }

    [Test]
    public void Read_OfAV1Token_GivesItsHashToLookUp()
    {
        var v1 = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        var read = Codec().Read(v1);

        Assert.That(read, Is.TypeOf<LegacyRefreshToken>());
        Assert.That(read!.Hash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(v1))));
    }

    [TestCase("")]
    [TestCase("bm90LWEtdG9rZW4tdGhhdC13YXMtZXZlci1pc3N1ZWQtYnktdXM")]
    [TestCase("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void Read_OfAnythingElse_IsNull(string refreshToken)
    {
        Assert.That(Codec().Read(refreshToken), Is.Null);
    }

    [Test]
    public void Read_OfAnotherVersion_IsNull()
    {
        var bytes = Base64Url.DecodeFromChars(Codec().Create(SessionId, 1).Token);
        bytes[0] = 3;

        Assert.That(Codec().Read(Base64Url.EncodeToString(bytes)), Is.Null);
    }

    private static RefreshTokenCodec Codec(string secret = Secret) =>
        new(Microsoft.Extensions.Options.Options.Create(new JwtOptions { Secret = secret }));
}
