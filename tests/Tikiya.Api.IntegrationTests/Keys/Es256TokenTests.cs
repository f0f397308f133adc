using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Keys;

/// <summary>
/// JWT_ALGORITHM=ES256 (API.md v1.1, Keys): tokens signed with the EC key, named by its thumbprint, published in the
/// JWK Set; and nothing but the configured EC keys verifies: HS256 (with JWT_SECRET, or with the public key as an HMAC
/// secret), <c>none</c>, another EC key, an unknown <c>kid</c> and no <c>kid</c> all get 401.
/// </summary>
public sealed class Es256TokenTests
{
    private TestKeyFiles _keys = null!;
    private string _signingKey = null!;
    private string _verificationKey = null!;
    private IsolatedApp _app = null!;
    private int _users;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        _keys = new TestKeyFiles();
        _signingKey = _keys.PrivateKey();
        _verificationKey = _keys.PublicKeyOf(_keys.PrivateKey());
        _app = await IsolatedApp.StartAsync(new Dictionary<string, string>
        {
            ["JWT_ALGORITHM"] = "ES256",
            ["JWT_SIGNING_KEY_FILE"] = _signingKey,
            ["JWT_VERIFICATION_KEY_FILES"] = _verificationKey,
        });
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        await _app.DisposeAsync();
        _keys.Dispose();
    }

    [Test]
    public async Task Login_SignsWithEs256AndTheKeysThumbprintAsKid()
    {
        var tokens = await LoginAsync();

        var header = new JsonWebToken(tokens.AccessToken);
        Assert.That(header.Alg, Is.EqualTo("ES256"));
        Assert.That(header.Kid, Is.EqualTo(ForgedTokens.Thumbprint(_signingKey)));
        Assert.That((await _app.Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Jwks_PublishesThePublicPartOfEveryAcceptedKey()
    {
        var response = await _app.Client.GetAsync("/.well-known/jwks.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=300"));
        var keys = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray().ToList();
        Assert.That(keys.Select(k => k.GetProperty("kid").GetString()),
            Is.EqualTo(new[] { ForgedTokens.Thumbprint(_signingKey), ForgedTokens.Thumbprint(_verificationKey) }));
        foreach (var key in keys)
        {
            Assert.That(key.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "kty", "use", "alg", "kid", "crv", "x", "y" }),
                "public members only: no d");
            Assert.That(key.GetProperty("kty").GetString() + key.GetProperty("crv").GetString() + key.GetProperty("alg").GetString(),
                Is.EqualTo("ECP-256ES256"));
        }
    }

    [Test]
    public async Task Me_WithTokenResignedByTheVerificationKey_Returns200()
    {
        var verificationPrivateKey = _keys.PrivateKey();
        await using var app = await IsolatedApp.StartAsync(new Dictionary<string, string>
        {
            ["JWT_ALGORITHM"] = "ES256",
            ["JWT_SIGNING_KEY_FILE"] = _signingKey,
            ["JWT_VERIFICATION_KEY_FILES"] = verificationPrivateKey, // a private key file is accepted too
        });
        var resigned = ForgedTokens.Resign((await app.Client.SaveUserAndLoginAsync(app.Services)).AccessToken,
            ForgedTokens.Es256(verificationPrivateKey, ForgedTokens.Thumbprint(verificationPrivateKey)), app.Clock.GetUtcNow());

        Assert.That((await app.Client.MeAsync(resigned)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the refusals below are the key's doing");
    }

    [Test]
    public async Task Me_WithHs256TokenSignedWithJwtSecret_Returns401()
    {
        var forged = ForgedTokens.Resign((await LoginAsync()).AccessToken, ForgedTokens.Hs256(TikiyaApiFactory.JwtSecret), _app.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await _app.Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithHs256TokenKeyedWithThePublishedPublicKey_Returns401()
    {
        // The classic confusion: the public key, known to all, used as an HMAC secret under the EC key's kid.
        var forged = ForgedTokens.Resign((await LoginAsync()).AccessToken,
            ForgedTokens.Hs256(File.ReadAllText(_verificationKey), ForgedTokens.Thumbprint(_verificationKey)), _app.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await _app.Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithUnsignedToken_Returns401()
    {
        var forged = ForgedTokens.Resign((await LoginAsync()).AccessToken, signing: null, _app.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await _app.Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithKidOfNoConfiguredKey_Returns401()
    {
        var stranger = _keys.PrivateKey();
        var forged = ForgedTokens.Resign((await LoginAsync()).AccessToken,
            ForgedTokens.Es256(stranger, ForgedTokens.Thumbprint(stranger)), _app.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await _app.Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithConfiguredKidButAnotherKeysSignature_Returns401()
    {
        var forged = ForgedTokens.Resign((await LoginAsync()).AccessToken,
            ForgedTokens.Es256(_keys.PrivateKey(), ForgedTokens.Thumbprint(_signingKey)), _app.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await _app.Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithTheSigningKeyButNoKid_Returns401()
    {
        var forged = ForgedTokens.Resign((await LoginAsync()).AccessToken, ForgedTokens.Es256(_signingKey, keyId: null), _app.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await _app.Client.MeAsync(forged));
    }

    private Task<Tokens> LoginAsync() =>
        _app.Client.SaveUserAndLoginAsync(_app.Services, $"es256-{Interlocked.Increment(ref _users)}@example.com");
}
