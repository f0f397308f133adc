using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Keys;

/// <summary>
/// With HS256 (the default), JWT_SECRET verifies HS256 tokens without a kid and nothing else: an ES256 token, whatever
/// its key, and an HS256 token naming a kid get 401; the JWK Set is empty, since the key is a secret.
/// </summary>
public sealed class Hs256KeyPinningTests : ApiTest
{
    [Test]
    public async Task Me_WithEs256Token_Returns401()
    {
        using var keys = new TestKeyFiles();
        var key = keys.PrivateKey();
        var forged = ForgedTokens.Resign((await Client.SaveUserAndLoginAsync(Factory.Services)).AccessToken,
            ForgedTokens.Es256(key, ForgedTokens.Thumbprint(key)), Factory.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithJwtSecretButAKid_Returns401()
    {
        var forged = ForgedTokens.Resign((await Client.SaveUserAndLoginAsync(Factory.Services)).AccessToken,
            ForgedTokens.Hs256(TikiyaApiFactory.JwtSecret, keyId: "some-key"), Factory.Clock.GetUtcNow());

        await ForgedTokens.AssertRejectedAsync(await Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithJwtSecretResigned_Returns200()
    {
        var resigned = ForgedTokens.Resign((await Client.SaveUserAndLoginAsync(Factory.Services)).AccessToken,
            ForgedTokens.Hs256(TikiyaApiFactory.JwtSecret), Factory.Clock.GetUtcNow());

        Assert.That((await Client.MeAsync(resigned)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the refusals above are the key's doing");
    }

    [Test]
    public async Task Jwks_WithHs256_IsEmptyAndCacheable()
    {
        var response = await Client.GetAsync("/.well-known/jwks.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=300"));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task OpenIdConfiguration_NamesTheIssuerAndTheAbsoluteJwksUri()
    {
        var metadata = await Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.That(metadata.GetProperty("issuer").GetString(), Is.EqualTo("tikiya-api"));
        Assert.That(metadata.GetProperty("jwks_uri").GetString(), Is.EqualTo("http://localhost/.well-known/jwks.json"));
    }
}
