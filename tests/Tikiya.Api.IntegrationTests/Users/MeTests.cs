using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Users;

public sealed class MeTests : ApiTest
{
    [Test]
    public async Task Me_AnswersFromOneDatabaseRoundTrip_WhereLogoutAllPaysOneForTheSessionCheck()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
        using var commands = new DatabaseCommands();

        var me = await Client.SendAsync(commands.Traced(AuthClient.WithBearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me"), tokens.AccessToken)));
        var meCommands = commands.Count;
        var logoutAll = await Client.SendAsync(commands.Traced(AuthClient.WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout-all"), tokens.AccessToken)));

        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(meCommands, Is.EqualTo(1), "the session check and the user, together");
        Assert.That(logoutAll.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(commands.Count - meCommands, Is.EqualTo(2), "the session check, then the revocation");
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Me_WithValidAccessToken_Returns200User()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services, "  Ann@Example.com ");

        var response = await Client.MeAsync(tokens.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.GetProperty("id").GetGuid(), Is.EqualTo(stored.Id));
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("Ann@Example.com"));
            Assert.That(user.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(stored.CreatedAt));
            Assert.That(user.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "email", "emailVerified", "createdAt", "mfaEnabled" }));
        }
    }

    [Test]
    public async Task Me_WithValidAccessToken_AnswersNoStore()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.MeAsync(tokens.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "account data is never cached (API.md v1.1)");
    }

    [Test]
    public async Task Me_ForAnEmailStoredBeforeItsRuleTightened_Returns200WithTheStoredEmail()
    {
        // A zero-width space: today's input rule refuses it, an older version could have stored it (STYLE.md §7).
        const string storedEmail = "Ann\u200B@Example.com";
        var userId = await InsertUserAsync(storedEmail);
        var accessToken = await OpenSessionAsync(userId);

        var response = await Client.MeAsync(accessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(user.GetProperty("email").GetString(), Is.EqualTo(storedEmail));
    }

    [Test]
    public async Task Login_ForAnEmailStoredBeforeItsRuleTightened_Returns200()
    {
        const string storedEmail = "Ann\u200B@Example.com";
        await InsertUserAsync(storedEmail);

        var response = await Client.LoginAsync(storedEmail.ToLowerInvariant(), UserBuilder.DefaultPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
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
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31)); // past exp and the 30 s skew

        await AssertRejectedAsync(await Client.MeAsync(tokens.AccessToken));
    }

    [Test]
    public async Task Me_WithTokenJustWithinItsLifetime_Returns200()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Me_AndTheSessionCheck_EndAtTheInstantTheSessionExpires()
    {
        // A session that ends before its access token does: both compiled reads compare now < expires_at.
        var userId = await InsertUserAsync("ann@example.com");
        var accessToken = await OpenSessionAsync(userId, lifetime: TimeSpan.FromMinutes(1));
        Factory.Clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMicroseconds(1));
        Assert.That((await Client.MeAsync(accessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Factory.Clock.Advance(TimeSpan.FromMicroseconds(1));

        await AssertRejectedAsync(await Client.MeAsync(accessToken));
        await AssertRejectedAsync(await Client.SendAsync(AuthClient.WithBearer(
            new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout-all"), accessToken)));
    }

    [Test]
    public async Task Me_WithTokenOfRevokedSession_Returns401()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
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

    /// <summary>A user row as an older version wrote it, straight into the table: no rule of today's runs on it.</summary>
    private static async Task<Guid> InsertUserAsync(string email)
    {
        var hasher = Factory.Services.GetRequiredService<IPasswordHasher>();
        var passwordHash = await hasher.HashAsync(UserBuilder.DefaultPassword, CancellationToken.None);
        var userId = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO users (id, email, normalized_email, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)", connection)
        {
            Parameters =
            {
                new() { Value = userId },
                new() { Value = email },
                new() { Value = Email.FromStorage(email).Normalized },
                new() { Value = passwordHash },
                new() { Value = Factory.Clock.GetUtcNow() },
            },
        };
        await insert.ExecuteNonQueryAsync();
        return userId;
    }

    /// <summary>
    /// A session as login opens one, and its access token. Login itself cannot open it: its input rule refuses the
    /// stored email, which is the point of the test.
    /// </summary>
    private static async Task<string> OpenSessionAsync(Guid userId, TimeSpan? lifetime = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ITokenIssuer>();
        var refreshTokens = scope.ServiceProvider.GetRequiredService<IRefreshTokenCodec>();
        var db = scope.ServiceProvider.GetRequiredService<TikiyaDbContext>();
        var now = Factory.Clock.GetUtcNow();
        var sessionId = Session.NewId(now);
        var refresh = refreshTokens.Create(sessionId, Session.FirstGeneration);
        var maxLifetime = scope.ServiceProvider.GetRequiredService<SessionPolicy>().MaxLifetime;
        var session = Session.Open(sessionId, userId, refresh.Hash, now, lifetime ?? tokens.RefreshTokenLifetime, maxLifetime,
            userAgent: null, ipAddress: null);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return tokens.Issue(userId, session.Id, secondFactor: false, refresh.Token, now).AccessToken;
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }

    private async Task<(Dictionary<string, object> Claims, Tokens Tokens)> ValidClaimsAsync()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
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
