using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Users;

public sealed class MeTests : ApiTest
{
    [Test]
    public async Task Me_WithValidAccessToken_Returns200User()
    {
        var tokens = await Client.RegisterAndLoginAsync("  Ann@Example.com ");

        var response = await Client.MeAsync(tokens.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.GetProperty("id").GetGuid(), Is.EqualTo(stored.Id));
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("Ann@Example.com"));
            Assert.That(user.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(stored.CreatedAt));
            Assert.That(user.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "email", "createdAt" }));
        }
    }

    [Test]
    public async Task Me_WithValidAccessToken_AnswersNoStore()
    {
        var tokens = await Client.RegisterAndLoginAsync();

        var response = await Client.MeAsync(tokens.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "account data is never cached (API.md v1.1)");
    }

    [Test]
    public async Task Me_WithoutToken_Returns401ProblemWithBearerChallenge()
    {
        var response = await Client.MeAsync(null);

        await AssertRejectedAsync(response);
    }

    [TestCase("garbage")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")]
    public async Task Me_WithMalformedToken_Returns401(string token)
    {
        var response = await Client.MeAsync(token);

        await AssertRejectedAsync(response);
    }

    [Test]
    public async Task Me_WithAlgNoneToken_Returns401()
    {
        var (claims, _) = await ValidClaimsAsync();
        var unsigned = new JsonWebTokenHandler().CreateToken(Descriptor(claims, signing: null));

        await AssertRejectedAsync(await Client.MeAsync(unsigned));
    }

    [Test]
    public async Task Me_WithWrongSignature_Returns401()
    {
        var (claims, _) = await ValidClaimsAsync();
        var forged = Sign(Descriptor(claims, Hs256("another-secret-that-is-32-bytes-long!!")));

        await AssertRejectedAsync(await Client.MeAsync(forged));
    }

    [Test]
    public async Task Me_WithAnotherHmacAlgorithm_Returns401()
    {
        var (claims, _) = await ValidClaimsAsync();
        var hs512 = Sign(Descriptor(claims, new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TikiyaApiFactory.JwtSecret + TikiyaApiFactory.JwtSecret)),
            SecurityAlgorithms.HmacSha512)));

        await AssertRejectedAsync(await Client.MeAsync(hs512));
    }

    [TestCase("issuer")]
    [TestCase("audience")]
    public async Task Me_WithWrongIssuerOrAudience_Returns401(string wrong)
    {
        var (claims, _) = await ValidClaimsAsync();
        var descriptor = Descriptor(claims, Hs256(TikiyaApiFactory.JwtSecret));
        if (wrong == "issuer")
        {
            descriptor.Issuer = "someone-else";
        }
        else
        {
            descriptor.Audience = "someone-else";
        }

        await AssertRejectedAsync(await Client.MeAsync(Sign(descriptor)));
    }

    [Test]
    public async Task Me_WithOurOwnSigningButCorrectClaims_IsAccepted()
    {
        // The forging helpers above are right: a token made the same way, with the real secret, passes.
        var (claims, _) = await ValidClaimsAsync();

        var response = await Client.MeAsync(Sign(Descriptor(claims, Hs256(TikiyaApiFactory.JwtSecret))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Me_WithExpiredToken_Returns401()
    {
        var tokens = await Client.RegisterAndLoginAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31)); // past exp and the 30 s skew

        await AssertRejectedAsync(await Client.MeAsync(tokens.AccessToken));
    }

    [Test]
    public async Task Me_WithTokenJustWithinItsLifetime_Returns200()
    {
        var tokens = await Client.RegisterAndLoginAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Me_WithTokenOfRevokedSession_Returns401()
    {
        var tokens = await Client.RegisterAndLoginAsync();
        await Client.LogoutAsync(tokens.RefreshToken);

        await AssertRejectedAsync(await Client.MeAsync(tokens.AccessToken));
    }

    [Test]
    public async Task Me_WithTokenWithoutSession_Returns401()
    {
        var (claims, _) = await ValidClaimsAsync();
        claims.Remove("sid");

        await AssertRejectedAsync(await Client.MeAsync(Sign(Descriptor(claims, Hs256(TikiyaApiFactory.JwtSecret)))));
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }

    private async Task<(Dictionary<string, object> Claims, Tokens Tokens)> ValidClaimsAsync()
    {
        var tokens = await Client.RegisterAndLoginAsync();
        var jwt = new JsonWebToken(tokens.AccessToken);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = jwt.Subject,
            ["sid"] = jwt.GetClaim("sid").Value,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        return (claims, tokens);
    }

    private static SecurityTokenDescriptor Descriptor(Dictionary<string, object> claims, SigningCredentials? signing)
    {
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        return new SecurityTokenDescriptor
        {
            Issuer = "tikiya-api",
            Audience = "tikiya-clients",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(15),
            Claims = claims,
            SigningCredentials = signing,
        };
    }

    private static SigningCredentials Hs256(string secret) =>
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);

    private static string Sign(SecurityTokenDescriptor descriptor) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
}
