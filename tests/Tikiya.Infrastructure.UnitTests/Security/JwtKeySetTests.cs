using Microsoft.IdentityModel.Tokens;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>
/// The keys JwtKeySet makes of the settings: what signs, what is accepted, and what the JWK Set publishes. What the API
/// does with a token of each is Tikiya.Api.IntegrationTests' Keys/ tests.
/// </summary>
public sealed class JwtKeySetTests
{
    private const string Secret = "jwt-key-set-tests-secret-of-32-bytes!!";
    private TestKeyFiles _keys = null!;

    [SetUp]
    public void CreateKeyFolder() => _keys = new TestKeyFiles(); // NUnit runs every test on one instance

    [TearDown]
    public void DeleteKeyFiles() => _keys.Dispose();

    [Test]
    public void Load_WithHs256AndPreviousSecret_AcceptsBothPublishesNone()
    {
        var keys = JwtKeySet.Load(new JwtOptions { Secret = Secret, SecretPrevious = Secret.ToUpperInvariant() });

        Assert.That(keys.Signing.Algorithm, Is.EqualTo(SecurityAlgorithms.HmacSha256));
        Assert.That(keys.Accepted.Select(k => k.Algorithm), Is.EqualTo(new[] { SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha256 }));
        Assert.That(keys.Accepted.Select(k => k.Key.KeyId), Is.All.Null, "HS256 tokens never carried a kid");
        Assert.That(keys.Published, Is.Empty);
    }

    [Test]
    public void Load_WithEs256_SignsWithTheThumbprintAsKeyId()
    {
        var signing = _keys.PrivateKey();

        var keys = JwtKeySet.Load(Es256(signing));

        Assert.That(keys.Signing.Algorithm, Is.EqualTo(SecurityAlgorithms.EcdsaSha256));
        Assert.That(keys.Signing.Key.KeyId,
            Is.EqualTo(Base64UrlEncoder.Encode(new ECDsaSecurityKey(TestKeyFiles.Read(signing)).ComputeJwkThumbprint())));
    }

    [Test]
    public void Load_WithSigningKeyAlsoListedForVerification_AcceptsAndPublishesItOnce()
    {
        var signing = _keys.PrivateKey();

        var keys = JwtKeySet.Load(Es256(signing, $"{_keys.PublicKeyOf(signing)},{signing}"));

        Assert.That(keys.Accepted, Has.Count.EqualTo(1));
        Assert.That(keys.Published.Select(k => k.Kid), Is.EqualTo(new[] { keys.Signing.Key.KeyId }));
    }

    [Test]
    public void Load_WithPrivateKeyFiles_PublishesOnlyTheirPublicParts()
    {
        var keys = JwtKeySet.Load(Es256(_keys.PrivateKey(), _keys.Sec1PrivateKey()));

        Assert.That(keys.Published, Has.Count.EqualTo(2));
        foreach (var jwk in keys.Published)
        {
            Assert.That(jwk.D, Is.Null.Or.Empty);
            Assert.That((jwk.Kty, jwk.Crv, jwk.Alg, jwk.Use), Is.EqualTo(("EC", "P-256", "ES256", "sig")));
            Assert.That(jwk.X, Is.Not.Empty);
            Assert.That(jwk.Y, Is.Not.Empty);
        }
    }

    private static JwtOptions Es256(string signingKeyFile, string verificationKeyFiles = "") => new()
    {
        Secret = Secret,
        Algorithm = JwtOptions.Es256,
        SigningKeyFile = signingKeyFile,
        VerificationKeyFiles = verificationKeyFiles,
    };
}
