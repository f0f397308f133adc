using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Auth;

public sealed class LoginTests : ApiTest
{
    [Test]
    public async Task Login_WithValidCredentials_AnswersNoStore()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.LoginAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "tokens are never cached (API.md v1.1, RFC 6749 §5.1)");
    }

    [Test]
    public async Task Login_WithValidCredentials_Returns200Tokens()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.LoginAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "tokenType", "accessToken", "expiresIn", "refreshToken", "deviceToken" })); // API.md v1.1 adds deviceToken
        var tokens = body.Deserialize<Tokens>(JsonSerializerOptions.Web)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokens.TokenType, Is.EqualTo("Bearer"));
            Assert.That(tokens.ExpiresIn, Is.EqualTo(900));
            Assert.That(Base64UrlBits(tokens.RefreshToken), Is.GreaterThanOrEqualTo(256));
        }
    }

    [Test]
    public async Task Login_AccessToken_IsHs256WithEveryClaimOfTheContract()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TikiyaApiFactory.JwtSecret)),
            ValidIssuer = "tikiya-api",
            ValidAudience = "tikiya-clients",
            ValidateLifetime = false, // the app's clock is the test's fake one
        });

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(jwt.Alg, Is.EqualTo("HS256"));
            Assert.That(jwt.Subject, Is.EqualTo(session.UserId.ToString()));
            Assert.That(jwt.GetClaim("sid").Value, Is.EqualTo(session.Id.ToString()));
            Assert.That(jwt.Id, Is.Not.Empty);
            Assert.That(jwt.IssuedAt, Is.EqualTo(Factory.Clock.GetUtcNow().UtcDateTime).Within(TimeSpan.FromSeconds(1)));
            Assert.That(jwt.ValidTo - jwt.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(15)));
        }
    }

    [Test]
    public async Task Login_TwiceForOneUser_GivesDistinctTokensAndSessions()
    {
        var first = await Client.SaveUserAndLoginAsync(Factory.Services);

        var second = await Client.LoginOkAsync();

        Assert.That(second.RefreshToken, Is.Not.EqualTo(first.RefreshToken));
        Assert.That(new JsonWebToken(second.AccessToken).Id, Is.Not.EqualTo(new JsonWebToken(first.AccessToken).Id));
        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(2));
    }

    [Test]
    public async Task Login_OpensASessionRecordingTheClient()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("TikiyaTests/1.0");

        await Client.LoginOkAsync();

        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        Assert.That(session.UserAgent, Is.EqualTo("TikiyaTests/1.0"));
        Assert.That(session.ExpiresAt, Is.EqualTo(session.CreatedAt + TimeSpan.FromDays(30)));
    }

    [Test]
    public async Task Login_RecordsTheClientAddressAsIPv4WhenItIsOne()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await using var app = Factory.WithWebHostBuilder(b => RemoteAddressFilter.From(b, IPAddress.Parse("::ffff:203.0.113.7")));
        using var client = app.CreateClient();

        await client.LoginOkAsync();

        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        Assert.That(session.IpAddress, Is.EqualTo(IPAddress.Parse("203.0.113.7")));
    }

    [Test]
    public async Task Login_WithLongUnicodeUserAgent_StoresItsStart()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = UserBuilder.DefaultEmail, password = UserBuilder.DefaultPassword }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", new string('a', 511) + "😀😀😀");

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.UserAgent).SingleAsync()), Is.EqualTo(new string('a', 511)));
    }

    [Test]
    public async Task Login_StoresTheRefreshTokenOnlyAsItsSha256()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var stored = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());

        Assert.That(stored.RefreshTokenHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(tokens.RefreshToken))));
    }

    [TestCase("ANN@EXAMPLE.COM")]
    [TestCase("  ann@example.com  ")]
    public async Task Login_WithEmailInAnotherCaseOrSpaced_Succeeds(string email)
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.LoginAsync(email);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_UnknownEmailAndWrongPassword_GetTheSameAnswer()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var wrongPassword = await ProblemAssert.IsProblemAsync(await Client.LoginAsync(password: "wrong horse battery"),
            HttpStatusCode.Unauthorized, "invalid_credentials");
        var unknownEmail = await ProblemAssert.IsProblemAsync(await Client.LoginAsync("nobody@example.com"),
            HttpStatusCode.Unauthorized, "invalid_credentials");

        foreach (var field in new[] { "type", "title", "status", "detail" })
        {
            Assert.That(unknownEmail.GetProperty(field).ToString(), Is.EqualTo(wrongPassword.GetProperty(field).ToString()), field);
        }

        Assert.That(unknownEmail.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(wrongPassword.EnumerateObject().Select(p => p.Name)));
    }

    [TestCase("nobody@example.com", "correct horse battery")]
    [TestCase(UserBuilder.DefaultEmail, "wrong horse battery")]
    public async Task Login_Failing_RunsThePasswordCheckEitherWay(string email, string password)
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var counting = new CountingHasher(Factory.Services.GetRequiredService<IPasswordHasher>());
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher>(counting)));
        using var client = app.CreateClient();
        counting.Reset(); // the app's start-up verified once, against the dummy hash

        var response = await client.LoginAsync(email, password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(counting.Verifications, Is.EqualTo(1), "the same Argon2 work for an unknown email as for a wrong password");
    }

    [Test]
    public async Task Login_ManyAtOnceWithTheRightPassword_AllSucceed()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.LoginAsync()));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), "successes are not failures");
        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(8));
    }

    [Test]
    public async Task Login_WithInvalidBody_Returns400()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "not-an-email", password = "short" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "email", "password" }));
    }

    [Test]
    public async Task Login_WithHashOfWeakerCost_RehashesWithTheConfiguredCost()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await using var weaker = Factory.WithWebHostBuilder(b => b.UseSetting("ARGON2_MEMORY_KIB", "8192").UseSetting("ARGON2_ITERATIONS", "1"));
        var weakHash = await weaker.Services.GetRequiredService<IPasswordHasher>().HashAsync(UserBuilder.DefaultPassword, CancellationToken.None);
        Assert.That(weakHash, Does.StartWith("$argon2id$v=19$m=8192,t=1,p=1$"));
        await QueryAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, weakHash)));

        await Client.LoginOkAsync();

        var hash = await QueryAsync(db => db.Users.AsNoTracking().Select(u => u.PasswordHash).SingleAsync());
        Assert.That(hash, Does.StartWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        await Client.LoginOkAsync(); // and the new hash still verifies
    }

    [Test]
    public async Task Login_WithHashOfTheConfiguredCost_KeepsIt()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var before = await QueryAsync(db => db.Users.AsNoTracking().Select(u => u.PasswordHash).SingleAsync());

        await Client.LoginOkAsync();

        Assert.That(await QueryAsync(db => db.Users.AsNoTracking().Select(u => u.PasswordHash).SingleAsync()), Is.EqualTo(before));
    }

    private static int Base64UrlBits(string token) =>
        System.Buffers.Text.Base64Url.DecodeFromChars(token).Length * 8;
}
