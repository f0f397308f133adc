using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Auth;

public sealed class LogoutTests : ApiTest
{
    [Test]
    public async Task Logout_WithCurrentToken_Returns204AndEndsTheSessionAtOnce()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.LogoutAsync(tokens.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_WithRotatedTokenOfTheSession_EndsTheSession()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var refreshed = (await (await Client.RefreshAsync(login.RefreshToken)).Content.ReadFromJsonAsync<Tokens>())!;

        await Client.LogoutAsync(login.RefreshToken);

        Assert.That((await Client.MeAsync(refreshed.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_LeavesOtherSessionsAlone()
    {
        var phone = await Client.SaveUserAndLoginAsync(Factory.Services);
        var laptop = await Client.LoginOkAsync();

        await Client.LogoutAsync(phone.RefreshToken);

        Assert.That((await Client.MeAsync(laptop.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_WithUnknownToken_Returns204()
    {
        var response = await Client.LogoutAsync("bm90LWEtdG9rZW4tdGhhdC13YXMtZXZlci1pc3N1ZWQtYnktdXM");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Logout_Twice_Returns204BothTimes()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.LogoutAsync(tokens.RefreshToken);
        var revokedAt = await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync());
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await Client.LogoutAsync(tokens.RefreshToken);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.EqualTo(revokedAt));
    }

    [TestCase("")]
    [TestCase(null)]
    public async Task Logout_WithoutToken_Returns400(string? refreshToken)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task LogoutAll_RevokesEverySessionOfTheUser()
    {
        var phone = await Client.SaveUserAndLoginAsync(Factory.Services);
        var laptop = await Client.LoginOkAsync();

        var response = await Client.LogoutAllAsync(phone.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (Assert.EnterMultipleScope())
        {
            foreach (var tokens in new[] { phone, laptop })
            {
                Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await Client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }
        }
    }

    [Test]
    public async Task LogoutAll_LeavesOtherUsersAlone()
    {
        var ann = await Client.SaveUserAndLoginAsync(Factory.Services);
        var bob = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");

        await Client.LogoutAllAsync(ann.AccessToken);

        Assert.That((await Client.MeAsync(bob.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(bob.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LogoutAll_WithoutAccessToken_Returns401WithBearerChallenge()
    {
        var response = await Client.LogoutAllAsync(null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }
}
