using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>Device tokens: base64url of 32 random bytes, stored as HMAC-SHA-256 keyed from JWT_SECRET (its own purpose).</summary>
public sealed class DeviceTokenCodecTests
{
    private const string Secret = "device-token-codec-tests-secret-32-bytes++";

    [Test]
    public void Create_Gives256RandomBitsAndTheirKeyedHash()
    {
        var token = Codec().Create();

        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(Secret), 32, [], "tikiya/device-token/v1"u8.ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Base64Url.DecodeFromChars(token.Token), Has.Length.EqualTo(32));
            Assert.That(token.Hash, Is.EqualTo(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(token.Token))));
            Assert.That(Codec().Hash(token.Token), Is.EqualTo(token.Hash), "a presented token finds its row");
        }
    }

    [Test]
    public void Create_Twice_GivesTwoTokens()
    {
        var codec = Codec();

        var first = codec.Create();
        var second = codec.Create();

        Assert.That(second.Token, Is.Not.EqualTo(first.Token));
    }

    [Test]
    public void Hash_WithAnotherSecret_DiffersSoNoDeviceIsKnownAfterTheChange()
    {
        var token = Codec().Create();

        Assert.That(Codec("another-device-token-codec-secret-32-bytes").Hash(token.Token), Is.Not.EqualTo(token.Hash));
    }

    [Test]
    public void ToString_NeverShowsTheToken()
    {
        var token = Codec().Create();

        Assert.That(token.ToString(), Does.Not.Contain(token.Token));
    }

    private static DeviceTokenCodec Codec(string secret = Secret) =>
        new(Microsoft.Extensions.Options.Options.Create(new JwtOptions { Secret = secret }));
}
